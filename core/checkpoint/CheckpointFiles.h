#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// The run id of checkpoints saved before runs had ids: they belong to one run, the folder's.
inline constexpr const char* kLegacyRunId = "legacy";

// Where a run stands, saved beside the weights so a resumed run continues exactly.
struct TrainerState {
    std::string runId;         // the run the checkpoint belongs to (results/RunManifest.h)
    std::string tag;
    int64_t microStep = 0;     // micro-steps done (always an optimizer-step boundary)
    int64_t tokens = 0;        // micro-steps × tokens per micro-step
    int64_t orderEpoch = 0;    // BatchOrder position
    int64_t orderPosition = 0;
    double lossSum = 0.0;      // running train loss since the last probe
    int64_t lossCount = 0;
    int64_t probesDone = 0;    // results.json entries at this point
    double elapsedSeconds = 0; // training wall time so far
    nlohmann::json config;     // the full StudyConfig as JSON
    std::string results;       // results.json's text as of this checkpoint ("" in older checkpoints)
};

// One checkpoint = three files with a common stem <dir>/step_<micro-step, 9 digits>:
//   .safetensors        the weights by the original module's names (train/Checkpoint.h)
//   .optim.safetensors  Muon momentum buffers, AdamW moments and step, CPU RNG state
//   .json               TrainerState
// Each file is written atomically, the .json last. A checkpoint counts only when all three are
// there and its .json reads: anything less is what a crash or a full disk left, and is skipped.

std::filesystem::path checkpointStem(const std::filesystem::path& dir, int64_t microStep);
std::filesystem::path stemOfWeights(const std::filesystem::path& weights); // drops ".safetensors"

// The micro-step a checkpoint was taken at, from its file name; -1 when the name is not one.
int64_t checkpointMicroStep(const std::filesystem::path& weightsPath);

// The .json's text for `state`, and the state read back (DataError naming the file).
std::string trainerStateJson(const TrainerState& state);
TrainerState readTrainerState(const std::filesystem::path& weightsPath);

// Complete checkpoints in `dir` (weights paths), oldest first. With a run id, only that run's:
// a checkpoint left by another run in the same folder is neither resumed from nor pruned.
// Checkpoints written before run ids existed belong to the run kLegacyRunId.
std::vector<std::filesystem::path> listCheckpoints(const std::filesystem::path& dir,
                                                   const std::optional<std::string>& runId = std::nullopt);

// Every stem in `dir` that looks like a checkpoint's, complete or not, oldest first.
std::vector<std::filesystem::path> checkpointStems(const std::filesystem::path& dir);

// Removes one checkpoint's files, its .json first (what remains is visibly incomplete).
void removeCheckpointFiles(const std::filesystem::path& stem);

// Deletes all but the newest `keep` complete checkpoints of run `runId`, and that run's
// incomplete ones older than the newest kept (what an interrupted save left).
void pruneCheckpoints(const std::filesystem::path& dir, int64_t keep, const std::string& runId);

// Deletes run `runId`'s checkpoints saved after micro-step `microStep` (a diverged step's).
void removeCheckpointsAfter(const std::filesystem::path& dir, int64_t microStep, const std::string& runId);

} // namespace qks
