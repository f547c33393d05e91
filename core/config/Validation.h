#pragma once

#include "config/StudyConfig.h"

#include <string>
#include <vector>

namespace qks {

// One broken rule: the setting it concerns and the rule in words.
struct ConfigIssue {
    std::string field; // "model.n_heads"
    std::string rule;  // "must divide model.d_model (2048)"
};

// Every rule the configuration breaks, in field order; empty when it is usable.
std::vector<ConfigIssue> validateConfig(const StudyConfig& config);

// Throws ConfigError listing every issue ("model.n_heads: must divide ...; train.tokens: ...").
void requireValidConfig(const StudyConfig& config);

} // namespace qks
