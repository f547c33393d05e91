#include "config/OutputFolderCheck.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/FaultInjection.h"
#include "config/Condition.h"
#include "config/ResourceEstimate.h"
#include "config/RunPlan.h"

#include <algorithm>
#include <sys/statvfs.h>
#include <unistd.h>

namespace qks {

namespace fs = std::filesystem;

namespace {

// Checkpoints one run writes: one every checkpoint.every_tokens, and one at the end.
int64_t checkpointSaves(const StudyConfig& config)
{
    const int64_t total = makeRunPlan(config).totalTokens();
    int64_t saves = config.checkpoint.at_end ? 1 : 0;
    if (config.checkpoint.every_tokens > 0)
        saves += total / config.checkpoint.every_tokens;
    return saves;
}

// results.json: per probe, every per-layer series (PR, γ-CV, γ mean/std/min/max, post-RoPE PR)
// at up to 24 characters a number, plus the configuration and the final γ.
int64_t resultsBytes(const StudyConfig& config)
{
    const auto& m = config.model;
    const int64_t probes = static_cast<int64_t>(makeRunPlan(config).probeSteps.size());
    return probes * (m.n_layers * 7 + 8) * 24 + m.n_layers * m.d_k() * 24 + (64 << 10);
}

int64_t bytesUnder(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_regular_file(path, ec))
        return static_cast<int64_t>(fs::file_size(path, ec));
    int64_t sum = 0;
    if (fs::is_directory(path, ec))
        for (const auto& entry : fs::recursive_directory_iterator(path, ec))
            if (entry.is_regular_file(ec))
                sum += static_cast<int64_t>(entry.file_size(ec));
    return sum;
}

} // namespace

DiskEstimate estimateStudyDisk(const StudyConfig& config, const std::vector<std::string>& tags)
{
    DiskEstimate e;
    const fs::path out = config.study.out;
    const int64_t kept = std::min(checkpointSaves(config), std::max<int64_t>(config.checkpoint.keep, 0) + 1);
    const int64_t results = 2 * resultsBytes(config); // the same run plan for every condition
    for (const std::string& tag : tags) {
        const auto condition = conditionForTag(tag);
        if (!condition)
            continue;
        const MemoryEstimate memory = estimateTrainingMemory(config, condition->mode, {.cuda = false, .fusedAttention = true});
        e.checkpoints += kept * (memory.weights + memory.optimizer);
        e.results += results;
        e.existing += bytesUnder(out / tag / "checkpoints") + bytesUnder(out / tag / "results.json");
    }
    return e;
}

int64_t freeDiskBytes(const fs::path& folder)
{
    if (const auto& injected = faultPlan().freeBytes)
        return *injected;
    fs::path probe = folder.empty() ? fs::path(".") : folder;
    std::error_code ec;
    while (!fs::exists(probe, ec) && probe.has_parent_path() && probe.parent_path() != probe)
        probe = probe.parent_path();
    struct statvfs s {};
    if (::statvfs(probe.c_str(), &s) != 0)
        return -1;
    return static_cast<int64_t>(s.f_bavail) * static_cast<int64_t>(s.f_frsize);
}

void checkOutputFolder(const StudyConfig& config, const std::vector<std::string>& tags)
{
    const fs::path out = config.study.out;
    const std::string advice = "; choose another output folder (--out, study.out)";
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec || !fs::is_directory(out))
        throw IoError("cannot create the output folder " + out.string() + ": " +
                      (ec ? ec.message() : std::string("it exists and is not a folder")) + advice);
    const fs::path probe = out / (".qkstudio-write-check." + std::to_string(::getpid()));
    try {
        writeFileAtomically(probe, "qkstudio\n");
    } catch (const IoError& e) {
        throw IoError("the output folder " + out.string() + " is not writable (" + e.what() + ")" + advice);
    }
    fs::remove(probe, ec);

    const DiskEstimate need = estimateStudyDisk(config, tags);
    const int64_t free = freeDiskBytes(out);
    if (free >= 0 && free < need.needed())
        throw IoError("the disk holding " + out.string() + " has " + formatBytes(free) + " free, but the study needs about " +
                      formatBytes(need.needed()) + " (" + formatBytes(need.checkpoints) + " of checkpoints: checkpoint.keep = " +
                      std::to_string(config.checkpoint.keep) + " plus the one being written, per condition). Free space, lower "
                      "checkpoint.keep or raise checkpoint.every_tokens, or choose another output folder (--out)");
}

} // namespace qks
