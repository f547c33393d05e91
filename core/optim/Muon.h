#pragma once

#include <torch/types.h>

#include <vector>

namespace qks {

struct MuonOptions {
    double lr = 0.012;        // step size
    double momentum = 0.95;   // β of the momentum buffer
    bool nesterov = true;     // look-ahead: g ← lerp(g, buf, β)
    torch::ScalarType polarDtype = torch::kBFloat16; // precision of the orthogonalisation
    // One Polar Express iteration over every same-shape matrix at once (stacked), instead of
    // one per matrix: the same arithmetic per matrix in a few large kernels, which is what a
    // GPU wants (32 layers × 3 shapes → 3 launches per product). Off: one matrix at a time, as
    // the original loop does.
    bool batched = false;
    // With `batched`, fp32 matrices on the CPU and polarDtype bf16: polarExpressBf16OnCpu, the
    // same bf16 arithmetic on fp32 buffers and oneDNN products, instead of ATen's bf16 ops.
    bool cpuBf16Kernel = false;
};

// Muon for 2-D weights: momentum, Polar Express orthogonalisation, and a step scaled by
// sqrt(max(1, rows/cols)). No weight decay.
//   buf = lerp(buf, g, 1-β); g = lerp(g, buf, β); O = polarExpress(g); p -= lr·√max(1, r/c)·O
class Muon {
public:
    Muon(std::vector<torch::Tensor> params, MuonOptions options);

    void step();
    void zeroGrad();

    const std::vector<torch::Tensor>& params() const { return m_params; }
    std::vector<torch::Tensor>& momentumBuffers() { return m_buffers; } // for checkpoints
    MuonOptions& options() { return m_options; }

private:
    torch::Tensor momentumDirection(size_t i); // updates buffer i; the direction to orthogonalise
    void applyUpdate(size_t i, const torch::Tensor& orthogonal);

    std::vector<torch::Tensor> m_params;
    std::vector<std::vector<size_t>> m_sameShape; // parameter indices grouped by shape, first-seen order
    std::vector<torch::Tensor> m_buffers; // one per parameter, zero before the first step
    MuonOptions m_options;
};

} // namespace qks
