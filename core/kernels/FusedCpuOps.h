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

// x · weightᵀ (a bias-free Linear) with both gradient products, through cpuMatmul (CpuGemm.h).
torch::Tensor fusedLinear(const torch::Tensor& x, const torch::Tensor& weight);

// softmax(q·kᵀ/√d_k with the future masked)·v, grouped-query: q (B, T, H, d_k), k and v
// (B, T, KV, d_k), query head h reading KV head h / (H/KV). Returns (B, T, H·d_k), the heads
// side by side as the output projection takes them. One task per batch row and KV head, each
// running its heads' small products single-threaded (no repeated K/V, no (B, H, T, T) pass per
// elementwise step; blocks of rows skip the products above the diagonal).
torch::Tensor fusedCausalAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);

// relu(x)², Primer's squared ReLU.
torch::Tensor fusedSquaredRelu(const torch::Tensor& x);

// Interleaved rotary embedding of x (B, T, H, d_k) by positions 0..T-1; cos and sin are
// (≥T, d_k/2) tables.
torch::Tensor fusedRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

} // namespace qks
