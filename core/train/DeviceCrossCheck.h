#pragma once

#include "config/StudyConfig.h"

#include <cstdint>
#include <string>
#include <vector>

// Torch-free declarations; implemented with LibTorch.
namespace qks {

// The same model (same seed, so the same initial weights), trained on the same token batches on
// two devices: the one to trust (`candidate`, e.g. cuda with bf16 autocast as configured) and a
// reference (usually the CPU in fp32). What scripts/gpu-bench.sh checks before benchmarking.
// train.activation_checkpointing applies to both as the trainer decides it on each device.
// train.cuda_graph applies to the candidate only: the reference always steps eagerly, so
// `--device cuda --against cuda --set train.cuda_graph=true` checks the graph against eager CUDA.
struct CrossCheckReport {
    std::string candidate;            // device descriptions
    std::string reference;
    bool candidateAutocast = false;   // bf16 autocast on the candidate (CUDA with train.bf16_autocast)
    bool candidateCudaGraph = false;  // the candidate replays a captured CUDA graph (train.cuda_graph)
    std::vector<double> candidateLosses; // per micro-step
    std::vector<double> referenceLosses;
    double maxLossRelativeDifference = 0;
    double candidateInitialPr = 0;    // mean key PR of the first batch before training
    double referenceInitialPr = 0;
    double prRelativeDifference = 0;
    double tolerance = 0;             // relative; 2e-2 under bf16 (8 mantissa bits), 1e-5 in fp32
    bool agree = false;
};

// Throws ConfigError for an invalid configuration or a missing device.
CrossCheckReport crossCheckDevices(const StudyConfig& config, const std::string& candidateDevice,
                                   const std::string& referenceDevice, int64_t microSteps);

} // namespace qks
