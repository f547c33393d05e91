#pragma once

#include "checkpoint/CheckpointFiles.h"
#include "checkpoint/Safetensors.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace qks {

// Writes one checkpoint (checkpoint/CheckpointFiles.h: the weights by the original module's
// names, without the tied LM head, see docs/cli.md "Checkpoints"; the optimizer state and the
// CPU RNG; TrainerState last). Returns the weights' path. A failed save removes what it wrote.
std::filesystem::path saveCheckpoint(const std::filesystem::path& dir, MinimalLlm& model, StudyOptimizer& optimizer,
                                     const TrainerState& state);

// Writes the model's weights alone, as a checkpoint holds them (the original module's names,
// without the tied LM head), with `metadata` plus the format keys every weights file carries.
void saveModelWeights(const std::filesystem::path& file, MinimalLlm& model, std::map<std::string, std::string> metadata);

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
