#include "Commands.h"

#include "config/ConfigJson.h"
#include "config/ParamCount.h"
#include "config/Validation.h"
#include "train/Checkpoint.h"
#include "train/TrainingSetup.h"

#include <cstdio>
#include <filesystem>
#include <torch/torch.h>

namespace qks::cli {

// The weights a run of this configuration would start from, written as a checkpoint's weights
// are: for comparing with the original's MinimalLLM(config) after torch.manual_seed(seed)
// (docs/design.md §1.3), or as a common start for `train --init`.
int runInit(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"condition", "seed", "out", "overwrite"});
    args.allowOnly(known);
    const auto tag = args.value("condition");
    if (!tag)
        throw UsageError("init needs --condition QK, QK_frozen or NoQK");
    const auto condition = conditionForTag(*tag);
    if (!condition)
        throw UsageError("--condition must be QK, QK_frozen or NoQK (is \"" + *tag + "\")");
    const auto out = args.value("out");
    if (!out)
        throw UsageError("init needs --out FILE.safetensors: where the initial weights go");
    // The weights file is written whole over what is at --out: only a regular file the user
    // said may go (--overwrite), never a device, a link, a folder, or the configuration read.
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(*out, ec);
    if (std::filesystem::exists(status)) {
        if (!std::filesystem::is_regular_file(status))
            throw UsageError(*out + " exists and is not a regular file; give a new file name for --out");
        if (const auto config = args.value("config"); config && std::filesystem::equivalent(*config, *out, ec))
            throw UsageError("--out " + *out + " is the configuration file --config reads; give another file name");
        if (!args.has("overwrite"))
            throw UsageError(*out + " exists; give --overwrite to replace it, or another file name");
    }
    StudyConfig config = configFromArgs(args, "tiny-cpu");
    if (args.has("seed"))
        config.train.seed = args.intValueOr("seed", config.train.seed);
    requireValidConfig(config);

    MinimalLlm model{nullptr};
    try {
        model = initialModel(config, condition->mode);
    } catch (const std::bad_alloc&) {
        throw OutOfMemoryError("not enough memory for the " + std::to_string(parameterCount(config.model, condition->mode)) +
                               "-parameter model (4 bytes each, plus one vocab × d_model draw); use a smaller model");
    }
    saveModelWeights(*out, model,
                     {{"tag", condition->tag}, {"tokens", "0"}, {"seed", std::to_string(config.train.seed)},
                      {"config", configToJson(config).dump()}});
    std::printf("%s: initial weights of %s at seed %lld (%lld parameters)\n", out->c_str(), condition->tag.c_str(),
                static_cast<long long>(config.train.seed),
                static_cast<long long>(parameterCount(config.model, condition->mode)));
    return kExitOk;
}

} // namespace qks::cli
