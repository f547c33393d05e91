#include "train/Resume.h"

#include "common/Error.h"
#include "config/ConfigJson.h"
#include "results/ResultsJson.h"

namespace qks {

namespace {

// The settings a checkpoint's trajectory depends on must be this run's.
void requireSameRun(const std::filesystem::path& weights, const nlohmann::json& saved, const StudyConfig& config)
{
    const nlohmann::json savedConfig = configToJson(configFromJson(saved));
    const nlohmann::json ourConfig = configToJson(config);
    for (const char* key : {"batch_size", "gradient_accumulation_steps", "seed"})
        if (savedConfig["train"][key] != ourConfig["train"][key])
            throw ConfigError(weights.string() + " was trained with train." + key + " = " + savedConfig["train"][key].dump() +
                              "; resume with the run's own config.json");
    if (savedConfig["model"] != ourConfig["model"])
        throw ConfigError(weights.string() + " was trained with another model shape; resume with the run's own config.json");
}

} // namespace

ResumePoint resumeRun(const std::filesystem::path& weights, TrainingSetup& setup, const StudyConfig& config,
                      const std::string& tag, const std::filesystem::path& resultsPath)
{
    loadModelWeights(setup.model, SafetensorsFile::open(weights));
    ResumePoint point;
    point.state = loadTrainingState(weights, setup.optimizer);
    if (point.state.tag != tag)
        throw DataError(weights.string() + " belongs to condition " + point.state.tag + ", not " + tag);
    requireSameRun(weights, point.state.config, config);
    point.results = readResults(resultsPath);
    const auto probes = static_cast<size_t>(point.state.probesDone);
    if (point.results.probeCount() < probes)
        throw DataError(resultsPath.string() + " holds fewer probes than the checkpoint expects; it was changed after the checkpoint");
    point.results.truncate(probes);
    setup.stepper.setMicroSteps(point.state.microStep);
    return point;
}

} // namespace qks
