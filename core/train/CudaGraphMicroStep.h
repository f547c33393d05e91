#pragma once

#include "model/MinimalLlm.h"

#include <memory>
#include <torch/types.h>

namespace qks {

// Whether this build can capture CUDA graphs: LibTorch 2.x with CUDA (a PyTorch wheel's).
bool cudaGraphsBuilt();

// The forward and backward pass of one CUDA micro-step, (loss / accumulation).backward(), captured
// once as a CUDA graph and replayed for every later micro-step: one launch in place of the
// thousand-odd kernel launches of an eager pass, which is what bounds a small model on a GPU.
// The optimizer step stays eager: its learning rate and AdamW's bias corrections are host
// numbers that change every step, and a graph would replay the first ones forever.
//
// Replays read the weights where they are and add into the same .grad tensors, so the optimizer
// must update weights and zero grads in place (StudyOptimizer does). Capture happens at the first
// run(), which must start an optimizer step (grads zero or unset): it first runs the pass three
// times on a side stream (the warm-up CUDA graphs need), then zeroes the grads it left.
class CudaGraphMicroStep {
public:
    // Throws ConfigError when the build cannot capture graphs (cudaGraphsBuilt() is false).
    CudaGraphMicroStep(MinimalLlm& model, int64_t accumulation, bool autocast);
    ~CudaGraphMicroStep();
    CudaGraphMicroStep(const CudaGraphMicroStep&) = delete;
    CudaGraphMicroStep& operator=(const CudaGraphMicroStep&) = delete;

    // ids: (B, T) on the model's CUDA device, the same shape every call. Returns the micro-batch's
    // mean loss (undivided), read once the replay is done. A capture that fails (an operation CUDA
    // graphs cannot record) throws ConfigError naming the setting to turn off; out of memory stays
    // c10::OutOfMemoryError.
    double run(const torch::Tensor& ids);

    bool captured() const;

private:
    void capture(const torch::Tensor& ids);

    struct Graph;
    MinimalLlm& m_model;
    int64_t m_accumulation;
    bool m_autocast;
    std::unique_ptr<Graph> m_graph;
};

} // namespace qks
