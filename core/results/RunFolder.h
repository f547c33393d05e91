#pragma once

#include "results/RunManifest.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// A condition's folder, <out>/<tag>/, holds one run: its manifest (run.json), its results.json
// and its checkpoints/. This is where a run decides how it may begin there, so that two runs'
// files never mix and no run is lost without being asked for (docs/design.md §2.7).

// How a run begins in its folder.
enum class StartMode {
    Fresh,     // a new run; refused when the folder holds a run already
    Resume,    // continue the run the folder holds from its newest checkpoint; an empty folder starts fresh
    Overwrite, // remove the run the folder holds, then start a new one
};

// What a condition's folder holds, read without changing it.
struct RunFolderState {
    std::optional<RunManifest> manifest;             // run.json
    bool hasResults = false;                         // results.json
    int64_t resultsProbes = -1;                      // its probes, -1 when it cannot be read
    std::vector<std::filesystem::path> checkpoints;  // complete checkpoints of the folder's run, oldest first
    std::vector<std::filesystem::path> strayFiles;   // checkpoint files of no complete checkpoint of that run

    // Whether the folder holds anything a run produced. A run.json alone (a run that ended before
    // its first probe was written) holds nothing to keep.
    bool holdsRun() const { return hasResults || !checkpoints.empty() || !strayFiles.empty(); }
    // One line for messages: "run 3f2a… (2026-12-07T10:00:00Z), 12 probes, newest checkpoint step_000000096".
    std::string describe() const;
};

RunFolderState inspectRunFolder(const std::filesystem::path& dir);

// What to do with one condition.
struct StartPlan {
    enum class Action { Fresh, Continue, Finished };
    Action action = Action::Fresh;
    RunManifest manifest;             // the run's identity: new for Fresh, the folder's otherwise
    std::filesystem::path checkpoint; // Continue, Finished: the newest checkpoint of the run
    std::string note;                 // what to tell the user, when there is something to say
    bool extended = false;            // Continue with train.tokens raised (manifest records it)
};

// Decides how the run `tag` with `config` (configToJson) begins in `dir`, whose run ends at
// micro-step `lastMicroStep`. Refuses with ConfigError (exit 2), saying what the folder holds
// and which option to use: a fresh start in a folder that holds a run (--resume, --overwrite);
// a resume whose configuration differs in anything that changes the run's trajectory or
// measurement (the keys listed); a resume of a run that has no checkpoint yet. Reads only.
// `extendTokens` (--extend-tokens): the resume may raise train.tokens above the run's, and only
// raise it; the plan's manifest then records the extension (RunManifest::extensions).
StartPlan planRunStart(const std::filesystem::path& dir, const std::string& tag, const nlohmann::json& config,
                       StartMode mode, int64_t lastMicroStep, bool extendTokens = false);

// The keys ("train.muon_lr") where `saved` and `ours` differ in a way that changes what a run
// computes or measures. Only these may differ on resume: the device, the CPU threads, the
// kernels and CPU shards (rounding within the tolerance docs/design.md §3 gives), activation
// checkpointing and CUDA graphs (the same arithmetic), where the study writes (study.out,
// study.conditions) and the checkpoint schedule.
std::vector<std::string> trajectoryDifferences(const nlohmann::json& saved, const nlohmann::json& ours);

// --overwrite: removes the folder's run — run.json, results.json and every checkpoint file —
// and nothing else.
void clearRunFolder(const std::filesystem::path& dir);

// A condition whose folder holds a run, for the question the desktop application asks before
// it starts a study there (continue, start in another folder, or overwrite).
struct HeldRun {
    std::string tag;
    std::string description; // RunFolderState::describe(), or why the folder cannot be read
    bool resumable = false;  // it has a checkpoint of its run to continue from
};

// The conditions of `tags` whose folders under `out` hold a run, in `tags`' order.
std::vector<HeldRun> runsHeldIn(const std::filesystem::path& out, const std::vector<std::string>& tags);

// "<out>-2", "<out>-3", ...: the first sibling of `out` that does not exist yet.
std::filesystem::path unusedSiblingFolder(const std::filesystem::path& out);

// Removes the runs of `tags` under `out` (clearRunFolder), each under its folder's lock, all
// locks taken before anything is removed: ConfigError naming the writer when one of them is
// being written.
void overwriteRuns(const std::filesystem::path& out, const std::vector<std::string>& tags);

} // namespace qks
