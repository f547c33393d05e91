#pragma once

#include <torch/types.h>

namespace qks {

// Polar Express in bf16 on the CPU, with the arithmetic of the study's bf16 iteration on a GPU:
// every operation reads bf16 values, computes in fp32 (products accumulate in fp32, the
// Python-float coefficients enter as fp32) and rounds its result to bf16 once. polarExpress()
// gets bf16 products on the CPU only through a conversion to fp32 and back around each one,
// and ATen's CPU bf16 elementwise ops round the coefficients to bf16 first. Here the values
// stay in fp32 buffers that only ever hold bf16-representable numbers, the products run on
// rowMajorGemm (oneDNN's sgemm where built with it), and each rounding is one pass over a
// buffer: 3.5-4.5x faster on the tiny-cpu shapes (docs/benchmarks.md).
//
// G: fp32 on the CPU, one matrix (rows, cols) or a stack of same-shape matrices (n, rows, cols),
// each normalised by its own Frobenius norm. Returns fp32 of G's shape holding bf16 values.
// A stack runs one matrix per thread; a single matrix spreads each product over the threads.
torch::Tensor polarExpressBf16OnCpu(const torch::Tensor& G);

} // namespace qks
