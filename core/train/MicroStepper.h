#pragma once

#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/CudaGraphMicroStep.h"
#include "train/ShardedMicroStep.h"

#include <memory>

namespace qks {

// How each micro-step of a run executes, decided once from the configuration and the device
// (TrainingSetup); tests state their own.
struct StepMode {
    int64_t accumulation = 1; // micro-steps per optimizer step
    bool autocast = false;    // bf16 autocast around the forward pass (CUDA only)
    int64_t cpuShards = 1;    // > 1: each micro-batch trains as that many shards side by side (CPU only, cpuShardsFor)
    bool cudaGraph = false;   // replay forward and backward as one captured CUDA graph (CUDA only)
};

// Where one micro-step's time went, for the benchmark. The device is synchronised between the
// phases only when a caller asks for them, so a training run never waits for it.
struct StepTimes {
    double forwardMs = 0.0;         // 0 under a CUDA graph, which replays both passes as one
    double backwardMs = 0.0;        // 0 under a CUDA graph
    double forwardBackwardMs = 0.0;
    double optimizerMs = 0.0;       // clip + Muon + AdamW + zero grad, at an accumulation boundary
    bool optimizerStepped = false;  // this micro-step ended an optimizer step
};

// The forward and backward pass of one micro-step: the batch's mean loss under autocast (CUDA),
// then (loss / accumulation).backward(). Returns the undivided loss, without its autograd graph.
// The eager step and the captured CUDA graph both run exactly this; `times` gets each pass timed.
torch::Tensor forwardBackward(MinimalLlm& model, const torch::Tensor& ids, int64_t accumulation, bool autocast,
                              StepTimes* times = nullptr);

// One micro-step of the study's loop: loss on a (B, T) batch, (loss/accum).backward(), and
// every `accum` micro-steps clip + Muon + AdamW + zero grad. Shared by the Trainer, the
// benchmark and the golden test, so the test exercises the loop the study runs.
class MicroStepper {
public:
    // Throws when the mode is impossible (shards with autocast or a CUDA graph); a CUDA graph
    // in a build without them is a ConfigError (CudaGraphMicroStep).
    MicroStepper(MinimalLlm& model, StudyOptimizer& optimizer, StepMode mode);

    // Returns this micro-step's (undivided) loss. A non-finite loss is returned before any
    // optimizer step, so the caller can stop with the weights of the last good step.
    double step(const torch::Tensor& ids, StepTimes* times = nullptr);

    int64_t microSteps() const { return m_microSteps; }
    void setMicroSteps(int64_t n) { m_microSteps = n; } // after a resume (always on a boundary)
    int64_t optimizerSteps() const { return m_microSteps / m_mode.accumulation; }
    const torch::Tensor& lastGradNorm() const { return m_lastGradNorm; }

private:
    double runPasses(const torch::Tensor& ids, StepTimes* times);

    MinimalLlm& m_model;
    StudyOptimizer& m_optimizer;
    StepMode m_mode;
    int64_t m_microSteps = 0;
    torch::Tensor m_lastGradNorm;
    std::unique_ptr<ShardedMicroStep> m_sharded;
    std::unique_ptr<CudaGraphMicroStep> m_graph;
};

} // namespace qks
