#include "common/FaultInjection.h"

#include "common/Error.h"

#include <atomic>
#include <cstdlib>
#include <string>

namespace qks {

namespace {

FaultPlan parseFaultPlan(const char* text)
{
    FaultPlan plan;
    if (!text || !*text)
        return plan;
    const std::string spec = text;
    size_t begin = 0;
    while (begin <= spec.size()) {
        const size_t end = std::min(spec.find(',', begin), spec.size());
        const std::string item = spec.substr(begin, end - begin);
        begin = end + 1;
        if (item.empty())
            continue;
        const size_t eq = item.find('=');
        const std::string name = item.substr(0, eq);
        int64_t value = 0;
        try {
            size_t used = 0;
            value = std::stoll(item.substr(eq == std::string::npos ? item.size() : eq + 1), &used);
            if (used != item.size() - eq - 1)
                throw std::invalid_argument("trailing characters");
        } catch (const std::exception&) {
            throw UsageError("QKS_FAULT: '" + item + "' is not NAME=INTEGER");
        }
        if (name == "disk-full-after")
            plan.diskFullAfterBytes = value;
        else if (name == "free-bytes")
            plan.freeBytes = value;
        else if (name == "oom-at-step")
            plan.oomAtStep = value;
        else if (name == "nan-at-step")
            plan.nanAtStep = value;
        else if (name == "truncate-data-at-step")
            plan.truncateDataAtStep = value;
        else if (name == "slow-step-ms")
            plan.slowStepMs = value;
        else
            throw UsageError("QKS_FAULT: unknown fault '" + name +
                             "' (disk-full-after, free-bytes, oom-at-step, nan-at-step, truncate-data-at-step, "
                             "slow-step-ms)");
    }
    return plan;
}

std::atomic<int64_t> g_bytesWritten{0};

} // namespace

const FaultPlan& faultPlan()
{
    static const FaultPlan plan = parseFaultPlan(std::getenv("QKS_FAULT"));
    return plan;
}

bool injectedWriteAllowed(size_t bytes)
{
    const auto& limit = faultPlan().diskFullAfterBytes;
    if (!limit)
        return true;
    return g_bytesWritten.fetch_add(static_cast<int64_t>(bytes)) + static_cast<int64_t>(bytes) <= *limit;
}

} // namespace qks
