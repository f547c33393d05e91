#pragma once

#include "checkpoint/Safetensors.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace qks {

// Where a run stands, saved beside the weights so a resumed run continues exactly.
struct TrainerState {
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
};

// One checkpoint = three files with a common stem <dir>/step_<micro-step, 9 digits>:
//   .safetensors        the weights by the original module's names; the tied LM head is not
//                       written (it is token_embedding.weight), see docs/cli.md "Checkpoints"
//   .optim.safetensors  Muon momentum buffers, AdamW moments and step, CPU RNG state
//   .json               TrainerState
// Each file is written atomically, the .json last, so a checkpoint without its .json is
// incomplete and ignored. Returns the weights' path.
std::filesystem::path saveCheckpoint(const std::filesystem::path& dir, MinimalLlm& model, StudyOptimizer& optimizer,
                                     const TrainerState& state);

// Complete checkpoints in `dir`, oldest first (by micro-step).
std::vector<std::filesystem::path> listCheckpoints(const std::filesystem::path& dir);

// The micro-step a checkpoint was taken at, from its file name.
int64_t checkpointMicroStep(const std::filesystem::path& weightsPath);

// Deletes all but the newest `keep` complete checkpoints (and stray incomplete ones older than them).
void pruneCheckpoints(const std::filesystem::path& dir, int64_t keep);

// Deletes the checkpoints saved after micro-step `microStep` (the weights of a diverged step).
void removeCheckpointsAfter(const std::filesystem::path& dir, int64_t microStep);

// Copies weights from a safetensors file into the model by name. Accepts files written by
// QK Studio or by PyTorch from the original module (an extra lm_head.weight must equal
// token_embedding.weight). Throws DataError listing every missing, unexpected or mis-shaped name.
void loadModelWeights(MinimalLlm& model, const SafetensorsFile& file);

// Restores optimizer state and the CPU RNG from `stem`.optim.safetensors and returns the
// TrainerState from `stem`.json (weights are loaded separately with loadModelWeights).
TrainerState loadTrainingState(const std::filesystem::path& weightsPath, StudyOptimizer& optimizer);

// The model configuration a weights file implies, for files without our metadata: layer count,
// widths and vocabulary from the tensor shapes; head count from q_norm's width when present,
// else from `fallback`. Our own files carry the full config in their metadata.
ModelConfig modelConfigFromWeights(const SafetensorsFile& file, const ModelConfig& fallback, QkNormMode* mode);

} // namespace qks
