#include "results/RunFolder.h"

#include "checkpoint/CheckpointFiles.h"
#include "common/Error.h"
#include "common/RunLock.h"
#include "results/ResultsJson.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace qks {

namespace fs = std::filesystem;

namespace {

const fs::path kResultsFile = "results.json";
const fs::path kCheckpointFolder = "checkpoints";

// "train.muon_lr" → its value, for every leaf of a configuration.
void flatten(const nlohmann::json& j, const std::string& prefix, std::map<std::string, nlohmann::json>& out)
{
    if (j.is_object() && !j.empty()) {
        for (const auto& [key, value] : j.items())
            flatten(value, prefix.empty() ? key : prefix + "." + key, out);
        return;
    }
    out[prefix] = j;
}

// "tokens", "tokens/", "./tokens" and its absolute path name one folder.
bool samePath(const nlohmann::json& a, const nlohmann::json& b)
{
    if (!a.is_string() || !b.is_string())
        return false;
    const auto normal = [](const std::string& text, std::error_code& ec) {
        if (text.empty())
            return fs::path();
        const fs::path p = fs::weakly_canonical(fs::absolute(text, ec), ec);
        return p.has_filename() ? p : p.parent_path();
    };
    std::error_code ec1, ec2;
    const fs::path x = normal(a.get<std::string>(), ec1), y = normal(b.get<std::string>(), ec2);
    return !ec1 && !ec2 && !x.empty() && x == y;
}

std::string listed(const std::vector<std::string>& keys)
{
    std::string text;
    for (size_t i = 0; i < keys.size(); ++i)
        text += (i ? ", " : "") + keys[i];
    return text;
}

std::string stepName(const fs::path& weights)
{
    return stemOfWeights(weights).filename().string();
}

// The run a folder without run.json holds (written before run ids, or its run.json deleted):
// the newest complete checkpoint's run, with that checkpoint's configuration.
std::optional<RunManifest> manifestFromCheckpoints(const std::vector<fs::path>& checkpoints, const std::string& tag)
{
    if (checkpoints.empty())
        return std::nullopt;
    const TrainerState newest = readTrainerState(checkpoints.back());
    RunManifest m;
    m.runId = newest.runId;
    m.tag = newest.tag.empty() ? tag : newest.tag;
    m.config = newest.config;
    m.configHash = configHash(m.config);
    return m;
}

} // namespace

std::string RunFolderState::describe() const
{
    std::string text = manifest ? "run " + manifest->runId + (manifest->created.empty() ? "" : " of " + manifest->created)
                                : std::string("a run");
    if (hasResults)
        text += resultsProbes >= 0 ? ", " + std::to_string(resultsProbes) + " probes in results.json"
                                   : ", an unreadable results.json";
    if (!checkpoints.empty())
        text += ", newest checkpoint " + stepName(checkpoints.back());
    else
        text += ", no checkpoint";
    if (!strayFiles.empty())
        text += ", " + std::to_string(strayFiles.size()) + " other checkpoint file(s)";
    return text;
}

RunFolderState inspectRunFolder(const fs::path& dir)
{
    RunFolderState state;
    state.manifest = readRunManifest(dir);
    std::error_code ec;
    state.hasResults = fs::exists(dir / kResultsFile, ec);
    if (state.hasResults) {
        try {
            state.resultsProbes = static_cast<int64_t>(readResults(dir / kResultsFile).probeCount());
        } catch (const Error&) {
            state.resultsProbes = -1;
        }
    }
    const fs::path checkpoints = dir / kCheckpointFolder;
    if (state.manifest) {
        state.checkpoints = listCheckpoints(checkpoints, state.manifest->runId);
    } else {
        const auto all = listCheckpoints(checkpoints);
        if (!all.empty()) {
            const std::string newestRun = readTrainerState(all.back()).runId;
            state.checkpoints = listCheckpoints(checkpoints, newestRun);
        }
    }
    for (const fs::path& stem : checkpointStems(checkpoints)) {
        const fs::path weights = stem.string() + ".safetensors";
        if (std::find(state.checkpoints.begin(), state.checkpoints.end(), weights) == state.checkpoints.end())
            state.strayFiles.push_back(stem);
    }
    return state;
}

std::vector<std::string> trajectoryDifferences(const nlohmann::json& saved, const nlohmann::json& ours)
{
    static const std::set<std::string> mayDiffer = {
        "train.device",         "train.threads",          "train.kernels",    "train.cpu_shards",
        "train.cuda_graph",     "train.activation_checkpointing", "study.out", "study.conditions", "study.seeds",
        "checkpoint.every_tokens", "checkpoint.keep",     "checkpoint.at_end",
    };
    std::map<std::string, nlohmann::json> a, b;
    flatten(saved, "", a);
    flatten(ours, "", b);
    std::set<std::string> keys;
    for (const auto& [k, v] : a)
        keys.insert(k);
    for (const auto& [k, v] : b)
        keys.insert(k);
    std::vector<std::string> differing;
    for (const std::string& key : keys) {
        if (mayDiffer.count(key))
            continue;
        const auto x = a.find(key), y = b.find(key);
        if (key == "data.path" && x != a.end() && y != b.end() && samePath(x->second, y->second))
            continue;
        if (x == a.end() || y == b.end() || x->second != y->second)
            differing.push_back(key + " (" + (x == a.end() ? "unset" : x->second.dump()) + " → " +
                                (y == b.end() ? "unset" : y->second.dump()) + ")");
    }
    return differing;
}

namespace {

int64_t configTokens(const nlohmann::json& config)
{
    const nlohmann::json& t = config["train"]["tokens"];
    return t.is_number_integer() ? t.get<int64_t>() : 0;
}

// Whether --extend-tokens asks again for the extension the run's manifest records last: an
// extension that failed or was stopped before its first new checkpoint is retried as it was.
bool retriesLastExtension(const RunManifest& run, int64_t wanted)
{
    return !run.extensions.empty() && run.extensions.back().value("to", int64_t(-1)) == wanted &&
           configTokens(run.config) == wanted;
}

// The configuration to compare with the run's: with --extend-tokens, ours with the run's
// train.tokens, after checking that ours raises it (or retries the last extension).
nlohmann::json comparableConfig(const fs::path& dir, const RunManifest& run, nlohmann::json config, bool extendTokens)
{
    if (!extendTokens)
        return config;
    const int64_t saved = configTokens(run.config), wanted = configTokens(config);
    if (wanted <= saved && !retriesLastExtension(run, wanted))
        throw ConfigError("--extend-tokens " + std::to_string(wanted) + " must be more than the " +
                          std::to_string(saved) + " tokens the run in " + dir.string() + " trains on");
    config["train"]["tokens"] = run.config["train"]["tokens"];
    return config;
}

// What to say when train.tokens is the one setting that differs from the run's.
std::string tokensHint(const RunManifest& run, const nlohmann::json& config)
{
    const int64_t saved = configTokens(run.config), wanted = configTokens(config);
    if (wanted > saved)
        return "; to train the run on for longer, resume with --extend-tokens " + std::to_string(wanted);
    return "; the run trains on " + std::to_string(saved) + " tokens (run.json): resume with --set train.tokens=" +
           std::to_string(saved);
}

} // namespace

StartPlan planRunStart(const fs::path& dir, const std::string& tag, const nlohmann::json& config, StartMode mode,
                       int64_t lastMicroStep, bool extendTokens)
{
    const RunFolderState state = inspectRunFolder(dir);
    StartPlan plan;
    plan.manifest = newRunManifest(tag, config);
    if (mode == StartMode::Overwrite) {
        if (state.holdsRun())
            plan.note = "--overwrite: removing " + state.describe() + " from " + dir.string();
        return plan;
    }
    if (mode == StartMode::Fresh) {
        if (state.holdsRun())
            throw ConfigError(dir.string() + " already holds " + state.describe() +
                              ". Continue that run with --resume, or replace it with --overwrite (its results and "
                              "checkpoints are deleted), or choose another output folder (--out)");
        return plan;
    }
    // Resume.
    if (!state.holdsRun()) {
        plan.note = "nothing to resume in " + dir.string() + ": a new run starts";
        return plan;
    }
    const std::optional<RunManifest> manifest = state.manifest ? state.manifest : manifestFromCheckpoints(state.checkpoints, tag);
    if (!manifest || state.checkpoints.empty())
        throw ConfigError(dir.string() + " holds " + state.describe() +
                          ": there is no checkpoint to resume from (the run stopped before its first one; "
                          "checkpoint.every_tokens sets how often they are saved). Start it again with --overwrite");
    if (manifest->tag != tag)
        throw ConfigError(dir.string() + " holds a run of condition " + manifest->tag + ", not " + tag +
                          "; resume it under its own condition, or replace it with --overwrite");
    const std::vector<std::string> differing =
        trajectoryDifferences(manifest->config, comparableConfig(dir, *manifest, config, extendTokens));
    if (!differing.empty()) {
        const bool onlyTokens = differing.size() == 1 && differing.front().rfind("train.tokens ", 0) == 0;
        throw ConfigError("cannot resume " + dir.string() + " with another configuration: " + listed(differing) +
                          ". These change what the run computes or measures; resume with the run's own settings "
                          "(they are in " + (dir / kRunManifestFile).string() +
                          "), or start a new run with --overwrite or another output folder (--out)" +
                          (onlyTokens ? tokensHint(*manifest, config) : ""));
    }
    plan.manifest = *manifest;
    plan.checkpoint = state.checkpoints.back();
    if (extendTokens && retriesLastExtension(*manifest, configTokens(config))) {
        plan.note = "continuing the extension to " + std::to_string(configTokens(config)) + " tokens run.json records";
    } else if (extendTokens) {
        const int64_t tokensPerMicroStep =
            config["train"]["batch_size"].get<int64_t>() * config["model"]["max_seq_len"].get<int64_t>();
        const int64_t at = checkpointMicroStep(plan.checkpoint) * tokensPerMicroStep;
        plan.manifest = extendedRunManifest(*manifest, configTokens(config), at);
        plan.extended = true;
        plan.note = "extending the run from " + std::to_string(configTokens(manifest->config)) + " to " +
                    std::to_string(configTokens(config)) + " tokens, from its checkpoint at " + std::to_string(at) +
                    " tokens (recorded in run.json and results.json)";
    }
    plan.action = checkpointMicroStep(plan.checkpoint) >= lastMicroStep ? StartPlan::Action::Finished
                                                                       : StartPlan::Action::Continue;
    if (!state.manifest)
        plan.note = dir.string() + " has no run.json (written by an earlier QK Studio, or removed): continuing the run of "
                    "its newest checkpoint" + (plan.note.empty() ? "" : "; " + plan.note);
    return plan;
}

void clearRunFolder(const fs::path& dir)
{
    std::error_code ec;
    fs::remove(dir / kRunManifestFile, ec);
    fs::remove(dir / kResultsFile, ec);
    for (const fs::path& stem : checkpointStems(dir / kCheckpointFolder))
        removeCheckpointFiles(stem);
    fs::remove(dir / kCheckpointFolder, ec); // only when empty: nothing of the user's goes
}

std::vector<HeldRun> runsHeldIn(const fs::path& out, const std::vector<std::string>& tags)
{
    std::vector<HeldRun> held;
    for (const std::string& tag : tags) {
        try {
            const RunFolderState state = inspectRunFolder(out / tag);
            if (state.holdsRun())
                held.push_back({tag, state.describe(), !state.checkpoints.empty()});
        } catch (const Error& e) {
            held.push_back({tag, e.what(), false}); // a run.json that cannot be read still marks a run
        }
    }
    return held;
}

fs::path unusedSiblingFolder(const fs::path& out)
{
    const fs::path base = out.filename().empty() ? out.parent_path() : out;
    std::error_code ec;
    for (int n = 2;; ++n) {
        const fs::path candidate = base.string() + "-" + std::to_string(n);
        if (!fs::exists(candidate, ec) && !ec)
            return candidate;
    }
}

void overwriteRuns(const fs::path& out, const std::vector<std::string>& tags)
{
    std::vector<std::unique_ptr<RunLock>> locks;
    for (const std::string& tag : tags)
        locks.push_back(std::make_unique<RunLock>(out / tag));
    for (const std::string& tag : tags)
        clearRunFolder(out / tag);
}

} // namespace qks
