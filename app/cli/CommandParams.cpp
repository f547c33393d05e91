#include "Commands.h"

#include "CliFormat.h"

#include "common/Error.h"
#include "config/ParamCount.h"
#include "config/Validation.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {
} // namespace

int runParams(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"condition", "json"});
    args.allowOnly(known);
    const StudyConfig config = configFromArgs(args, "study-50m");
    requireValidConfig(config);
    const std::string tag = args.valueOr("condition", "QK");
    const auto condition = conditionForTag(tag);
    if (!condition)
        throw UsageError("--condition must be QK, QK_frozen or NoQK (is \"" + tag + "\")");
    const int64_t count = parameterCount(config.model, condition->mode);
    if (args.has("json")) {
        std::cout << nlohmann::json{{"condition", tag}, {"parameters", count}}.dump(2) << "\n";
    } else {
        std::cout << withThousands(count) << " parameters (" << tag << ", " << condition->label << ")\n";
    }
    return kExitOk;
}

} // namespace qks::cli
