#pragma once

#include <torch/torch.h>

#include <algorithm>

namespace qks::test {

// Largest entrywise difference relative to b's largest magnitude: one number for "equal up to
// rounding" across tensors whose entries span orders of magnitude.
inline double relativeDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>() / std::max(b.abs().max().item<double>(), 1e-300);
}

} // namespace qks::test
