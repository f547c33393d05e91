#pragma once

#include <torch/types.h>

#include <vector>

namespace qks {

struct AdamWOptions {
    double lr = 0.003;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.2; // decoupled: p ← p·(1 − lr·wd) before the Adam step
};

// AdamW with the arithmetic of PyTorch's single-tensor implementation (torch.optim.AdamW,
// foreach off), step for step, with its state in plain tensors so checkpoints can save and
// restore it exactly. LibTorch's own AdamW hides its state behind implementation keys.
// On CUDA with LibTorch 2.1 or newer the step is ATen's fused multi-tensor AdamW kernel
// (torch.optim.AdamW(fused=True)): one launch for all the parameters instead of six per
// parameter, the same update up to rounding.
class AdamW {
public:
    AdamW(std::vector<torch::Tensor> params, AdamWOptions options);

    void step();
    void zeroGrad();

    const std::vector<torch::Tensor>& params() const { return m_params; }
    std::vector<torch::Tensor>& expAvg() { return m_expAvg; }       // for checkpoints
    std::vector<torch::Tensor>& expAvgSq() { return m_expAvgSq; }   // for checkpoints
    int64_t& stepCount() { return m_step; }                        // shared by all params
    AdamWOptions& options() { return m_options; }

    // Whether step() runs the fused kernel (CUDA parameters, LibTorch 2.1+).
    bool fused() const;

private:
    void fusedStep();

    std::vector<torch::Tensor> m_params;
    std::vector<torch::Tensor> m_expAvg;
    std::vector<torch::Tensor> m_expAvgSq;
    int64_t m_step = 0;
    AdamWOptions m_options;
    // The fused kernel reads the step count from one float tensor per parameter, on the device.
    std::vector<torch::Tensor> m_stepTensors;
    int64_t m_stepTensorsHold = -1; // the count they hold; -1 before the first fused step
};

} // namespace qks
