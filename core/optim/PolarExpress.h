#pragma once

#include <torch/types.h>

namespace qks {

// Polar Express orthogonalisation used by Muon: five fixed polynomial steps that push every
// singular value of G towards 1. Runs in `dtype` (bf16 in the study; fp64 in tests).
// Transposes when rows > cols so the Gram products are the small ones.
// oneTaskPerMatrix (CPU, bf16, train.kernels = fused): each product of a stack runs as one
// single-threaded sgemm per matrix side by side (rowMajorGemm, oneDNN where built with it)
// instead of ATen's bmm, which on the CPU takes the matrices one after another, each spread over
// every thread. Same arithmetic (bf16 values, fp32 product, one rounding), other summation order.
torch::Tensor polarExpress(const torch::Tensor& G, torch::ScalarType dtype = torch::kBFloat16,
                           bool oneTaskPerMatrix = false);

} // namespace qks
