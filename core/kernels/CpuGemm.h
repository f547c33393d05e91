#pragma once

#include <torch/types.h>

namespace qks {

// op(a) · op(b) for 2-D CPU matrices, op = transpose when asked. fp32 goes to oneDNN's sgemm
// when QK Studio is built with it (Debian's libdnnl-dev; the same library LibTorch links):
// on the model's shapes (K = 128..4096, a few hundred to a few thousand rows) it runs
// 1.1-1.6x faster than the OpenBLAS sgemm that at::mm calls (docs/benchmarks.md). Anything
// else (fp64, no oneDNN) is at::mm. Same product either way; sums may be taken in another order.
// With padRows the result's rows lie apart by more than their length where that length is a
// multiple of 256 elements (see emptyRowPadded): for a result that is later read transposed.
torch::Tensor cpuMatmul(const torch::Tensor& a, bool transposeA, const torch::Tensor& b, bool transposeB,
                        bool padRows = false);

// An uninitialised (rows, cols) matrix, a view whose rows lie cols + 16 elements apart when cols
// is a multiple of 256, otherwise contiguous. Reading a matrix down its columns, as sgemm does
// for op(A) = Aᵀ, with rows 1-16 KiB apart maps every row to the same few cache sets: oneDNN
// took the tied head's weight gradient (4096-wide rows) at 40 GFLOP/s on one core, and at 86
// with the rows 64 bytes further apart (docs/benchmarks.md).
torch::Tensor emptyRowPadded(int64_t rows, int64_t cols, const torch::TensorOptions& options);

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
