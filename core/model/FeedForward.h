#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace qks {

// Primer's squared-ReLU feed-forward: down(relu(up(x))²), no biases.
class FeedForwardImpl : public torch::nn::Module {
public:
    FeedForwardImpl(int64_t dModel, int64_t dFf);
    torch::Tensor forward(const torch::Tensor& x);

    // One-pass CPU squared ReLU (FusedCpuOps.h) instead of relu then square.
    void setFused(bool fused) { m_fused = fused; }

    torch::nn::Linear up_proj{nullptr};
    torch::nn::Linear down_proj{nullptr};

private:
    bool m_fused = false;
};
TORCH_MODULE(FeedForward);

} // namespace qks
