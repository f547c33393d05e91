#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

namespace qks {

// y = x · rsqrt(mean(x²) + eps) · γ over the last dimension, computed in fp32 and cast back.
// eps is PyTorch's default for nn.RMSNorm(eps=None): the machine epsilon of the op-math type,
// i.e. fp32's 2^-23 for fp32, bf16 and half inputs (ATen rms_norm), fp64's for double.
// A frozen γ stays a registered parameter (so names and counts match the original module)
// but has requires_grad = false, so no optimizer ever sees it.
class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t dim, bool learnable);
    torch::Tensor forward(const torch::Tensor& x);

    // One-pass CPU kernel (FusedCpuOps.h) instead of the reference's operations.
    void setFused(bool fused) { m_fused = fused; }

    torch::Tensor weight;

private:
    bool m_fused = false;
};
TORCH_MODULE(RmsNorm);

// PyTorch's default RMSNorm eps for an input dtype (epsilon of its op-math type).
double machineEpsilon(torch::ScalarType dtype);

} // namespace qks
