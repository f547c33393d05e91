#include "model/Rope.h"

#include "kernels/FusedCpuOps.h"
#include "kernels/OpMath.h"

#include <torch/torch.h>

namespace qks {

RotaryTable::RotaryTable(int64_t headDim, int64_t maxSeqLen, double base)
{
    // theta_i = 1 / base^(2i / d_k), computed like torchtune: arange(0, d, 2) / d in fp32.
    const auto exponents = torch::arange(0, headDim, 2, torch::kFloat).slice(0, 0, headDim / 2) / static_cast<float>(headDim);
    const auto theta = 1.0 / torch::pow(base, exponents);
    const auto positions = torch::arange(maxSeqLen, torch::kFloat);
    const auto angles = torch::outer(positions, theta); // (T, d_k/2)
    m_cos = torch::cos(angles);
    m_sin = torch::sin(angles);
}

torch::Tensor RotaryTable::apply(const torch::Tensor& x) const
{
    const int64_t T = x.size(1);
    const auto pairs = x.to(opMathType(x.scalar_type())).reshape({x.size(0), T, x.size(2), x.size(3) / 2, 2}); // (B, T, H, d_k/2, 2)
    const auto even = pairs.select(-1, 0);
    const auto odd = pairs.select(-1, 1);
    const auto cos = m_cos.slice(0, 0, T).view({1, T, 1, -1}); // (1, T, 1, d_k/2)
    const auto sin = m_sin.slice(0, 0, T).view({1, T, 1, -1});
    const auto rotated = torch::stack({even * cos - odd * sin, odd * cos + even * sin}, -1); // (B, T, H, d_k/2, 2)
    return rotated.flatten(3).to(x.scalar_type());
}

torch::Tensor RotaryTable::applyFused(const torch::Tensor& x) const
{
    return fusedRope(x, m_cos, m_sin);
}

} // namespace qks
