#include "train/Resume.h"

#include "common/Error.h"
#include "config/Condition.h"
#include "config/ConfigJson.h"
#include "results/ResultsJson.h"
#include "checkpoint/CheckpointFiles.h"
#include "results/RunFolder.h"

namespace qks {

namespace {

// Every setting that changes what the run computes or measures must be the checkpoint's, but
// train.tokens may grow: the learning rates follow no schedule, so training on changes nothing
// already done, and the run's folder has checked that --extend-tokens asked for it
// (results/RunFolder.h's planRunStart).
void requireSameRun(const std::filesystem::path& weights, const nlohmann::json& saved, const StudyConfig& config)
{
    StudyConfig comparable = config;
    const StudyConfig savedConfig = configFromJson(saved);
    if (comparable.train.tokens > savedConfig.train.tokens)
        comparable.train.tokens = savedConfig.train.tokens;
    const std::vector<std::string> differing = trajectoryDifferences(configToJson(savedConfig), configToJson(comparable));
    if (differing.empty())
        return;
    std::string keys;
    for (const auto& key : differing)
        keys += (keys.empty() ? "" : ", ") + key;
    throw ConfigError(weights.string() + " was trained with other settings: " + keys +
                      "; resume with the run's own configuration (run.json beside results.json)");
}

// The results.json a resume appends to must be this condition's, for this model: a file of
// another condition or shape would be appended to under the wrong label, or out of bounds.
void requireResultsOfThisRun(const RunResults& results, const std::filesystem::path& path, const StudyConfig& config,
                             const std::string& tag, const std::string& runId)
{
    if (const auto id = results.extra.find("run_id"); id != results.extra.end() && id->is_string() &&
                                                      *id != runId)
        throw DataError(path.string() + " belongs to run " + id->get<std::string>() + ", not to the checkpoint's run " +
                        runId + "; put the run's own results.json back, or start the run again with --overwrite");
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

// A run trained on past its checkpoint's train.tokens says so in its results: the extension
// in "token_extensions" and the configuration it now trains with in "config".
void recordExtension(RunResults& results, const StudyConfig& saved, const StudyConfig& config, int64_t atTokens)
{
    if (config.train.tokens <= saved.train.tokens)
        return;
    nlohmann::ordered_json& extensions = results.extra["token_extensions"];
    if (!extensions.is_array())
        extensions = nlohmann::ordered_json::array();
    const nlohmann::ordered_json entry = {{"from", saved.train.tokens}, {"to", config.train.tokens}, {"at_tokens", atTokens}};
    if (extensions.empty() || extensions.back() != entry) // a retried extension is recorded once
        extensions.push_back(entry);
    results.extra["config"] = configToJson(config);
}

// The three files of a checkpoint must tell one story: the state's micro-step is the one in the
// file name, on an optimizer-step boundary, with the tokens it makes, and the weights file
// records the same tokens. A sidecar edited by hand or a weights file copied from another step
// would otherwise continue from the wrong place, with numbers that look fine.
void requireConsistentCheckpoint(const std::filesystem::path& weights, const SafetensorsFile& file,
                                 const TrainerState& state, const StudyConfig& config)
{
    const std::string where = weights.string();
    const int64_t named = checkpointMicroStep(weights);
    if (named >= 0 && state.microStep != named)
        throw DataError(where + ": its state (.json) says micro-step " + std::to_string(state.microStep) +
                        " but the file is step " + std::to_string(named) + "; the state was edited or swapped. Move "
                        "this checkpoint's three files away to resume from the one before");
    const int64_t perMicroStep = config.train.batch_size * config.model.max_seq_len;
    if (state.microStep < 0 || state.microStep % config.train.gradient_accumulation_steps != 0 ||
        state.tokens != state.microStep * perMicroStep)
        throw DataError(where + ": its state (.json) says micro-step " + std::to_string(state.microStep) + " and " +
                        std::to_string(state.tokens) + " tokens, which no run of this configuration saves; the state "
                        "was edited. Move this checkpoint's three files away to resume from the one before");
    const auto& meta = file.metadata();
    if (const auto tokens = meta.find("tokens"); tokens != meta.end() && tokens->second != std::to_string(state.tokens))
        throw DataError(where + ": the weights were saved at " + tokens->second + " tokens but the state (.json) is at " +
                        std::to_string(state.tokens) + "; the weights file comes from another checkpoint. Move this "
                        "checkpoint's three files away to resume from the one before");
}

} // namespace

RunResults resultsToContinue(const TrainerState& state, const std::filesystem::path& path, bool* rebuilt)
{
    std::error_code ec;
    *rebuilt = !std::filesystem::exists(path, ec) && !state.results.empty();
    if (!*rebuilt)
        return readResults(path);
    RunResults results = parseResults(state.results, "the checkpoint's copy of " + path.string());
    writeResults(results, path);
    return results;
}

ResumePoint resumeRun(const std::filesystem::path& weights, TrainingSetup& setup, const StudyConfig& config,
                      const std::string& tag, const std::filesystem::path& resultsPath)
{
    const SafetensorsFile file = SafetensorsFile::open(weights);
    ResumePoint point;
    point.state = readTrainerState(weights);
    if (point.state.tag != tag)
        throw DataError(weights.string() + " belongs to condition " + point.state.tag + ", not " + tag);
    requireSameRun(weights, point.state.config, config);
    requireConsistentCheckpoint(weights, file, point.state, configFromJson(point.state.config));
    loadModelWeights(setup.model, file);
    point.state = loadTrainingState(weights, setup.optimizer);
    point.results = resultsToContinue(point.state, resultsPath, &point.resultsRebuilt);
    requireResultsOfThisRun(point.results, resultsPath, config, tag, point.state.runId);
    const auto probes = static_cast<size_t>(point.state.probesDone);
    if (point.results.probeCount() < probes)
        throw DataError(resultsPath.string() + " holds fewer probes than the checkpoint expects; it was changed after the checkpoint");
    point.results.truncate(probes);
    recordExtension(point.results, configFromJson(point.state.config), config, point.state.tokens);
    setup.stepper.setMicroSteps(point.state.microStep);
    return point;
}

} // namespace qks
