#pragma once

#include "config/StudyConfig.h"
#include "model/MinimalLlm.h"
#include "train/ShardWorkers.h"

#include <torch/types.h>
#include <vector>

namespace qks {

// Forward and backward of one CPU micro-batch split along the batch into shards that train
// side by side, each on its own thread with its share of the intra-op threads. On a few cores
// this beats spreading every operation over all of them: between the parallel regions of one
// stream the other cores wait (spin-waits were a fifth of a 2-core profile). Each shard's
// gradients are taken apart (autograd::grad: no two threads add into one .grad) and summed in
// shard order, so a run gives the same numbers every time. The sum is the gradient of the
// micro-batch's mean loss, each shard weighted by its share of the sequences: the objective of
// one backward over the whole batch, up to rounding.
class ShardedMicroStep {
public:
    ShardedMicroStep(MinimalLlm& model, int64_t shards);

    int64_t shards() const { return m_workers.size(); }
    // The intra-op thread count each shard's worker runs with now (its share of the caller's).
    std::vector<int> workerThreads();

    struct Times {
        double forwardMs = 0.0;  // the slowest shard's forward pass
        double backwardMs = 0.0; // the slowest shard's backward pass, then the gradient sum
    };

    // Adds ∂(mean loss · gradScale)/∂θ into every trainable parameter's .grad and returns the
    // micro-batch's mean loss. ids: (B, T) on the CPU, B ≥ shards(). An exception in a shard
    // (out of memory, a bad token id) is rethrown here once every shard has stopped, before any
    // .grad has changed.
    double run(const torch::Tensor& ids, double gradScale, Times* times = nullptr);

private:
    MinimalLlm& m_model;
    std::vector<torch::Tensor> m_params;
    ShardWorkers m_workers;
};

// Shards for this run: train.cpu_shards on the CPU with the fused kernels, or for 0 (auto) the
// largest count up to the intra-op threads that divides the batch evenly. 1 (no sharding) on
// CUDA, with the reference kernels (their sums stay the original's), with activation
// checkpointing (its re-entrant backward adds into .grad itself), and where the products do
// not run on oneDNN (OpenBLAS changes its global thread count when called from threads with
// different counts, which is not safe to do concurrently).
int64_t cpuShardsFor(const TrainConfig& config, const torch::Device& device, bool activationCheckpointing);

} // namespace qks
