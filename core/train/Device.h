#pragma once

#include "config/Condition.h"
#include "config/ResourceEstimate.h"
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

// The device as the memory estimate sees it (config/ResourceEstimate.h): CUDA or not, and
// whether its attention keeps a score matrix.
MemoryTarget memoryTargetFor(const torch::Device& device);

// Whether this run checkpoints activations (ResourceEstimate's activationsFor with the device's
// own memory: the CPU's physical memory, a GPU's as nvidia-smi reports it).
Activations activationsFor(const StudyConfig& config, QkNormMode mode, const torch::Device& device);

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

} // namespace qks
