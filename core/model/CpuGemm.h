#pragma once

#include <torch/types.h>

namespace qks {

// op(a) · op(b) for 2-D CPU matrices, op = transpose when asked. fp32 goes to oneDNN's sgemm
// when QK Studio is built with it (Debian's libdnnl-dev; the same library LibTorch links):
// on the model's shapes (K = 128..4096, a few hundred to a few thousand rows) it runs
// 1.1-1.6x faster than the OpenBLAS sgemm that at::mm calls (docs/benchmarks.md). Anything
// else (fp64, no oneDNN) is at::mm. Same product either way; sums may be taken in another order.
torch::Tensor cpuMatmul(const torch::Tensor& a, bool transposeA, const torch::Tensor& b, bool transposeB);

// C = alpha · op(A) · op(B) + beta · C on raw row-major matrices (leading dimensions lda, ldb,
// ldc: the distance between rows), single-threaded inside an at::parallel_for region as well:
// the building block of kernels that run one small product per batch and head in parallel.
// float takes oneDNN's sgemm when built with it; otherwise, and for double, at::mm on views.
template <typename T>
void rowMajorGemm(bool transposeA, bool transposeB, int64_t M, int64_t N, int64_t K, T alpha, const T* A,
                  int64_t lda, const T* B, int64_t ldb, T beta, T* C, int64_t ldc);

// Whether cpuMatmul's fp32 products run on oneDNN (for bench's report and the tests).
bool cpuMatmulUsesOneDnn();

} // namespace qks
