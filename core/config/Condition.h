#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qks {

// How attention normalises per-head queries and keys.
enum class QkNormMode {
    Learned, // RMSNorm with a learnable per-dimension scale γ (init 1)
    Frozen,  // RMSNorm with γ fixed at 1: no gradient, no decay
    None,    // identity
};

// One arm of the study: the folder tag, the figure label and the QK-norm mode.
struct Condition {
    std::string tag;   // folder name and results.json "tag": QK, QK_frozen, NoQK
    std::string label; // legend text of the published figures
    QkNormMode mode = QkNormMode::Learned;
};

// The three published conditions in the published order (A, B, C of the causal decomposition).
const std::vector<Condition>& studyConditions();

// Looks up a tag ("QK", "QK_frozen", "NoQK"); nullopt for anything else.
std::optional<Condition> conditionForTag(std::string_view tag);

} // namespace qks
