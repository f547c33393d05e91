#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"

#include <cstdint>
#include <string>

namespace qks {

// The device a memory figure is for, as far as memory is concerned. train/Device.h's
// memoryTargetFor derives it once from the device a run trains on; the New Study dialog and
// `qkstudio-cli params` state the ones they ask about.
struct MemoryTarget {
    bool cuda = false;           // a CUDA device: bf16 autocast (when configured) and CUDA graphs apply
    bool fusedAttention = false; // attention keeps no score matrix (model/Attention.h's fusedAttentionOn)
};

// What a run keeps for backward: every block's intermediates, or only each block's input, the
// block being recomputed in backward (train.activation_checkpointing).
enum class Activations { Kept, Checkpointed };

// The arithmetic of the big tensors: fp32 throughout, or bf16 autocast on CUDA.
enum class Precision { Fp32, Bf16Autocast };

// What one training run holds in memory, estimated from the configuration alone (the
// configuration dialog shows it and refuses a run that cannot fit). Bytes.
struct MemoryEstimate {
    int64_t weights = 0;      // fp32 parameters, and under CUDA autocast their matrices' bf16 copies
    int64_t gradients = 0;    // fp32, one per parameter
    int64_t optimizer = 0;    // Muon momentum (block matrices) + AdamW's two moments (embedding, norms)
    int64_t activations = 0;  // what one micro-step keeps for backward, logits included
    int64_t probeBesideGraph = 0; // CUDA graph only: the probe's eager passes, beside the graph's memory
    bool activationCheckpointing = false; // activations counted as checkpointed blocks

    int64_t total() const { return weights + gradients + optimizer + activations + probeBesideGraph; }
};

// Activations per layer and token are the tensors the forward pass keeps for backward
// (blockActivationBytesPerToken). On CUDA with fused attention the LM head, the loss and the
// step's largest transient come on top (headAndTransientBytes); elsewhere logits and their
// gradient add 2·B·T·vocab fp32 values.
// With activation checkpointing each block keeps only its input (d_model fp32 values per
// token) and one block's intermediates exist at a time, recomputed in backward.
// A CUDA graph (train.cuda_graph on CUDA) keeps its pass's activations in a pool of its own for
// the whole run, so the probe's eager forward passes (one block at a time, and the validation
// loss's logits) cannot reuse them and come on top: probeBesideGraph.
// On CUDA with fused attention, blocks + head + transient + autocast's weight copies come within
// 1% of the peak the reference model's micro-step allocates (tests/reference/saved_activations.py,
// the CPU allocator under CUDA's autocast dtypes); the CUDA allocator's rounding, cuBLAS
// workspaces and fragmentation come on top, unmeasured. Elsewhere an estimate to within a
// factor of about 1.5.
MemoryEstimate estimateTrainingMemory(const StudyConfig& config, QkNormMode mode, MemoryTarget target,
                                      Activations activations = Activations::Kept);

// Bytes one transformer block keeps for backward per token. On CUDA with fused attention
// (LibTorch 2.x, the GPU path) it is the exact count of what autograd saves, dtype by dtype,
// which tests/reference/saved_activations.py measures on the model's own operations (fp32
// norms and residual, bf16 projections under autocast, SDPA's inputs and output, the FFN's fp32
// square; a frozen γ keeps less). Elsewhere (the CPU) it is 14·d_model + 2·d_ff values, plus
// 2·n_heads·T attention scores when attention is not fused, 4 bytes each.
int64_t blockActivationBytesPerToken(const ModelConfig& model, QkNormMode mode, MemoryTarget target, Precision precision);

// On CUDA with fused attention (LibTorch 2.x): what the final norm, the tied LM head and the
// loss keep for backward, plus the larger of the micro-step's two big transients (the
// log-softmax backward's fp32 gradients, 8·vocab bytes per predicted position; one weight's
// fp32 gradient before it joins .grad). Bytes for the configured micro-batch.
int64_t headAndTransientBytes(const StudyConfig& config, Precision precision);

// Whether a run checkpoints activations: train.activation_checkpointing on/off as set; auto
// turns it on only when the estimate without it exceeds 90% of the device's memory
// (`deviceMemoryBytes`, 0 = unknown: off), since recomputing costs a forward pass per step.
Activations activationsFor(const StudyConfig& config, QkNormMode mode, MemoryTarget target, int64_t deviceMemoryBytes);

// Physical memory of this machine in bytes (0 when unknown).
int64_t physicalMemoryBytes();

// Memory this process may still allocate: the least of the kernel's MemAvailable, what the
// process's cgroup (v2 memory.max) leaves, and what `ulimit -v` leaves of the address space.
struct AvailableMemory {
    int64_t bytes = 0;    // 0 when nothing could be read
    std::string limitedBy; // "MemAvailable", "the cgroup's memory.max" or "ulimit -v"
};
AvailableMemory availableMemory();

// Why a CPU run cannot fit `available`, naming the part that does not (the weights, gradients
// and optimizer state, which no micro-batch changes, or the activations of one micro-batch),
// or an empty string when it fits or nothing is known. The estimate is the CPU's, within a
// factor of about 1.5, so only a run whose estimate exceeds everything available is refused.
std::string cpuMemoryShortfall(const MemoryEstimate& estimate, const AvailableMemory& available);

// "1.5 GiB", "820 MiB", "12 KiB".
std::string formatBytes(int64_t bytes);

} // namespace qks
