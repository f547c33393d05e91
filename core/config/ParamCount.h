#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"

#include <cstdint>

namespace qks {

// Trainable-shape parameter count of MinimalLLM from the config alone (nothing allocated).
// The LM head is tied to the embedding and counted once; a frozen γ still counts (it is a
// parameter of the module, as in the published count), the identity k/q norm of NoQK does not.
int64_t parameterCount(const ModelConfig& model, QkNormMode mode);

} // namespace qks
