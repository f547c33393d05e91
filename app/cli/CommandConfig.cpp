#include "Commands.h"

#include "config/ConfigJson.h"
#include "config/Validation.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

// Always JSON (the configuration is JSON); --json is accepted for uniformity.
int runConfig(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.push_back("json");
    args.allowOnly(known);
    const StudyConfig config = configFromArgs(args, "study-50m");
    requireValidConfig(config);
    std::cout << configToJson(config).dump(2) << "\n";
    return kExitOk;
}

} // namespace qks::cli
