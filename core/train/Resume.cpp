#include "train/Resume.h"

#include "common/Error.h"
#include "config/Condition.h"
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

// The results.json a resume appends to must be this condition's, for this model: a file of
// another condition or shape would be appended to under the wrong label, or out of bounds.
void requireResultsOfThisRun(const RunResults& results, const std::filesystem::path& path, const StudyConfig& config,
                             const std::string& tag)
{
    if (results.tag != tag)
        throw DataError(path.string() + " holds the results of condition " + results.tag + ", not " + tag +
                        "; put the run's own results.json back, or start the run again without --resume");
    const auto layers = static_cast<size_t>(config.model.n_layers);
    const bool hasGamma = conditionForTag(tag)->mode != QkNormMode::None;
    if (results.layer_pr.size() != layers || results.gamma_cv.size() != (hasGamma ? layers : 0))
        throw DataError(path.string() + " holds " + std::to_string(results.layer_pr.size()) + " layers' PR and " +
                        std::to_string(results.gamma_cv.size()) + " layers' γ CV, but " + tag + " with " +
                        std::to_string(layers) + " layers records " + std::to_string(layers) + " and " +
                        std::to_string(hasGamma ? layers : 0) +
                        "; put the run's own results.json back, or start the run again without --resume");
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
    requireResultsOfThisRun(point.results, resultsPath, config, tag);
    const auto probes = static_cast<size_t>(point.state.probesDone);
    if (point.results.probeCount() < probes)
        throw DataError(resultsPath.string() + " holds fewer probes than the checkpoint expects; it was changed after the checkpoint");
    point.results.truncate(probes);
    setup.stepper.setMicroSteps(point.state.microStep);
    return point;
}

} // namespace qks
