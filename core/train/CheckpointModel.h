#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"
#include "model/MinimalLlm.h"

#include <filesystem>
#include <optional>
#include <string>

namespace qks {

// A model rebuilt from a weights file, for probing or evaluating a checkpoint.
struct CheckpointModel {
    MinimalLlm model{nullptr};
    StudyConfig config;   // the checkpoint's own configuration when it carries one, else `fallback`
    Condition condition;  // from the file's tag, else `tag`, else inferred (k_norm present → QK)
    bool configFromFile = false;
    int64_t tokens = 0;   // the tokens trained when it was saved (our files' metadata), else 0
};

// Loads a QK Studio checkpoint or a PyTorch-made MinimalLLM safetensors file. QK Studio files
// carry their configuration; for others the shapes come from the tensors and the rest (head
// count when there is no q_norm, sequence length) from `fallback`. `tag` forces the condition
// (needed to tell Frozen γ from Learned γ in a PyTorch file). Throws DataError naming the file.
CheckpointModel loadCheckpointModel(const std::filesystem::path& weights, const StudyConfig& fallback,
                                    const std::optional<std::string>& tag);

} // namespace qks
