#pragma once

#include <torch/types.h>

namespace qks {

// Polar Express in bf16 on the CPU, with the arithmetic of polarExpress() and of the PyTorch
// reference on the CPU: every operation reads bf16 values and rounds its result to bf16 once;
// products accumulate in fp32 (matmulLikeGpu), elementwise ops compute in fp32 and take their
// Python-float coefficients as the LibTorch built against does (rounded to bf16 by 1.13, in fp32
// by 2.x). polarExpress() gets there through a conversion to fp32 and back around each product
// and ATen's bf16 loops; here the values stay in fp32 buffers that only ever hold
// bf16-representable numbers, the products run on rowMajorGemm (oneDNN's sgemm where built with
// it), and each rounding is one pass over a buffer: 1.8-2.0x faster on the tiny-cpu shapes with
// 2 threads (docs/benchmarks.md).
//
// G: fp32 on the CPU, one matrix (rows, cols) or a stack of same-shape matrices (n, rows, cols),
// each normalised by its own Frobenius norm. Returns fp32 of G's shape holding bf16 values.
// A stack runs one matrix per thread; a single matrix spreads each product over the threads.
torch::Tensor polarExpressBf16OnCpu(const torch::Tensor& G);

} // namespace qks
