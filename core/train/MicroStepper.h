#pragma once

#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/CudaGraphMicroStep.h"
#include "train/ShardedMicroStep.h"

#include <memory>

namespace qks {

// The forward and backward pass of one micro-step: the batch's mean loss under autocast (CUDA),
// then (loss / accumulation).backward(). Returns the undivided loss, without its autograd graph.
// The eager step and the captured CUDA graph both run exactly this.
torch::Tensor forwardBackward(MinimalLlm& model, const torch::Tensor& ids, int64_t accumulation, bool autocast);

// One micro-step of the study's loop: loss on a (B, T) batch, (loss/accum).backward(), and
// every `accum` micro-steps clip + Muon + AdamW + zero grad. Shared by the Trainer and the
// golden test, so the test exercises the loop the study runs.
class MicroStepper {
public:
    // shards > 1 (CPU only, see cpuShardsFor) trains each micro-batch as that many shards side
    // by side (ShardedMicroStep); cudaGraph (CUDA only) replays the forward and backward pass as
    // one captured CUDA graph (CudaGraphMicroStep).
    MicroStepper(MinimalLlm& model, StudyOptimizer& optimizer, int64_t accumulation, bool autocast, int64_t shards = 1,
                 bool cudaGraph = false);

    // Returns this micro-step's (undivided) loss. A non-finite loss is returned before any
    // optimizer step, so the caller can stop with the weights of the last good step.
    double step(const torch::Tensor& ids);

    int64_t microSteps() const { return m_microSteps; }
    void setMicroSteps(int64_t n) { m_microSteps = n; } // after a resume (always on a boundary)
    int64_t optimizerSteps() const { return m_microSteps / m_accumulation; }
    const torch::Tensor& lastGradNorm() const { return m_lastGradNorm; }

private:
    MinimalLlm& m_model;
    StudyOptimizer& m_optimizer;
    int64_t m_accumulation;
    bool m_autocast;
    int64_t m_microSteps = 0;
    torch::Tensor m_lastGradNorm;
    std::unique_ptr<ShardedMicroStep> m_sharded;
    std::unique_ptr<CudaGraphMicroStep> m_graph;
};

} // namespace qks
