#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"

#include <torch/types.h>

#include <string>

namespace qks {

// "auto" → the first CUDA device when one exists, else the CPU. Throws ConfigError when
// CUDA is asked for and missing, naming what exists instead.
torch::Device resolveDevice(const std::string& name);

// A training step frees and allocates the same tensors every micro-step. glibc returns blocks
// above its mmap threshold, and the heap's free top, to the kernel at once, so each step faults
// them in again page by page. This keeps freed blocks up to 32 MiB in the heap for reuse (the
// process stays at its peak size). Once per process; configureCpuThreads calls it.
void keepFreedHostMemory();

// LibTorch starts with one thread on some machines: set intra-op threads explicitly
// (0 = every core). Returns the count in force.
int configureCpuThreads(int64_t requested);

// A short human description: "cpu (2 threads)" or "cuda:0 (NVIDIA H100, 80 GiB)".
std::string describeDevice(const torch::Device& device);

// Whether this run checkpoints activations (ResourceEstimate's activationCheckpointingWanted
// with the device's own memory: the CPU's physical memory, a GPU's as nvidia-smi reports it).
bool activationCheckpointingFor(const StudyConfig& config, QkNormMode mode, const torch::Device& device);

// The CUDA-only training settings, as training, the benchmark and the cross-check apply them:
// bf16 autocast (train.bf16_autocast) and the captured micro-step (train.cuda_graph) are off on
// the CPU whatever the configuration says.
inline bool autocastOn(const TrainConfig& t, const torch::Device& device)
{
    return t.bf16_autocast && device.is_cuda();
}
inline bool cudaGraphOn(const TrainConfig& t, const torch::Device& device)
{
    return t.cuda_graph && device.is_cuda();
}

// Whether CUDA autocast is on in this thread (activation checkpointing replays it in backward).
bool cudaAutocastEnabled();

// Turns bf16 autocast on for CUDA for its lifetime (a no-op on CPU or when disabled).
class AutocastScope {
public:
    AutocastScope(const torch::Device& device, bool enabled);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_active = false;
    bool m_previous = false;
    torch::ScalarType m_previousDtype = torch::kBFloat16;
};

} // namespace qks
