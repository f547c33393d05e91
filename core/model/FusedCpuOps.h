#pragma once

#include <torch/types.h>

namespace qks {

// One-pass CPU versions (fp32 or fp64, any layout; gradients included) of the three
// elementwise pieces of a block that autograd otherwise runs as 5-10 operations each, every
// one a pass over memory and a node in the graph. Same formulas as the reference modules;
// they differ from them only in rounding (sums taken in another order). test_fused_cpu_ops.

// Whether the loop kernels below take x: a CPU tensor in fp32 or fp64 (bf16 stays with ATen).
inline bool fusedKernelsTake(const torch::Tensor& x)
{
    return x.device().is_cpu() && (x.scalar_type() == torch::kFloat || x.scalar_type() == torch::kDouble);
}

// x · rsqrt(mean(x²) + eps) · weight over the last dimension; weight gets a gradient only
// when it requires one (a frozen γ does not).
torch::Tensor fusedRmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps);

// relu(x)², Primer's squared ReLU.
torch::Tensor fusedSquaredRelu(const torch::Tensor& x);

// Interleaved rotary embedding of x (B, T, H, d_k) by positions 0..T-1; cos and sin are
// (≥T, d_k/2) tables.
torch::Tensor fusedRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

} // namespace qks
