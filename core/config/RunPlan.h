#pragma once

#include "config/StudyConfig.h"

#include <cstdint>
#include <vector>

namespace qks {

// How many micro-steps a run takes and where it probes, derived from the configuration.
struct RunPlan {
    int64_t tokensPerMicroStep = 0; // batch_size × max_seq_len
    int64_t optimizerSteps = 0;     // until the tokens budget is reached, whole steps (study-50m: 763)
    int64_t microSteps = 0;         // optimizerSteps × accumulation
    std::vector<int64_t> probeSteps; // micro-steps after which a probe runs; starts with 0

    int64_t totalTokens() const { return microSteps * tokensPerMicroStep; }
};

// Probes at 0, then every probe.early_every micro-steps up to probe.early_until, then every
// probe.every (on multiples of it), plus the last micro-step when probe.at_end. The study-50m
// preset gives 26 probes, the last at 3000 micro-steps = 49,152,000 tokens, as published.
RunPlan makeRunPlan(const StudyConfig& config);

} // namespace qks
