#include "kernels/CpuGemm.h"

#include <torch/torch.h>

#ifdef QKS_HAVE_DNNL
#include <oneapi/dnnl/dnnl.h>
#endif

namespace qks {

namespace {

// Row-major with unit column stride, as sgemm reads it; anything else is copied once.
torch::Tensor rowMajor(const torch::Tensor& m)
{
    return m.stride(1) == 1 && m.stride(0) >= m.size(1) ? m : m.contiguous();
}

// op(X) of a row-major matrix at `data` with rows `rows` × `cols` before transposing.
template <typename T>
torch::Tensor view(const T* data, int64_t rows, int64_t cols, int64_t ld, bool transpose)
{
    const auto m = torch::from_blob(const_cast<T*>(data), {rows, cols}, {ld, 1},
                                    torch::TensorOptions().dtype(c10::CppTypeToScalarType<T>::value));
    return transpose ? m.t() : m;
}

template <typename T>
void atenGemm(bool transposeA, bool transposeB, int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t lda,
              const T* B, int64_t ldb, T beta, T* C, int64_t ldc)
{
    torch::NoGradGuard noGrad;
    const auto a = transposeA ? view(A, K, M, lda, true) : view(A, M, K, lda, false);
    const auto b = transposeB ? view(B, N, K, ldb, true) : view(B, K, N, ldb, false);
    auto c = view(C, M, N, ldc, false);
    if (beta == T(0)) {
        at::mm_out(c, a, b);
        if (alpha != T(1))
            c.mul_(alpha);
    } else {
        c.addmm_(a, b, beta, alpha);
    }
}

} // namespace

template <>
void rowMajorGemm<double>(bool transposeA, bool transposeB, int64_t M, int64_t N, int64_t K, double alpha,
                          const double* A, int64_t lda, const double* B, int64_t ldb, double beta, double* C,
                          int64_t ldc)
{
    if (M > 0 && N > 0)
        atenGemm(transposeA, transposeB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

template <>
void rowMajorGemm<float>(bool transposeA, bool transposeB, int64_t M, int64_t N, int64_t K, float alpha,
                         const float* A, int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc)
{
    if (M == 0 || N == 0)
        return;
#ifdef QKS_HAVE_DNNL
    const dnnl_status_t status = dnnl_sgemm(transposeA ? 'T' : 'N', transposeB ? 'T' : 'N', M, N, K, alpha, A, lda,
                                            B, ldb, beta, C, ldc);
    TORCH_CHECK(status == dnnl_success, "oneDNN sgemm failed with status ", static_cast<int>(status));
#else
    atenGemm(transposeA, transposeB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
#endif
}

bool cpuMatmulUsesOneDnn()
{
#ifdef QKS_HAVE_DNNL
    return true;
#else
    return false;
#endif
}

torch::Tensor emptyRowPadded(int64_t rows, int64_t cols, const torch::TensorOptions& options)
{
    if (cols == 0 || cols % 256 != 0)
        return torch::empty({rows, cols}, options);
    return torch::empty({rows, cols + 16}, options).narrow(1, 0, cols);
}

torch::Tensor cpuMatmul(const torch::Tensor& a, bool transposeA, const torch::Tensor& b, bool transposeB, bool padRows)
{
    TORCH_CHECK(a.dim() == 2 && b.dim() == 2, "cpuMatmul: 2-D matrices");
    if (!cpuMatmulUsesOneDnn() || a.scalar_type() != torch::kFloat || b.scalar_type() != torch::kFloat ||
        !a.device().is_cpu() || !b.device().is_cpu())
        return at::mm(transposeA ? a.t() : a, transposeB ? b.t() : b);
    const auto A = rowMajor(a);
    const auto B = rowMajor(b);
    const int64_t M = transposeA ? A.size(1) : A.size(0);
    const int64_t K = transposeA ? A.size(0) : A.size(1);
    const int64_t N = transposeB ? B.size(0) : B.size(1);
    TORCH_CHECK((transposeB ? B.size(1) : B.size(0)) == K, "cpuMatmul: inner sizes differ");
    if (transposeA && !transposeB && M > N) {
        // oneDNN's sgemm takes Aᵀ·B at half speed when the result is tall: the tied head's
        // (4096, 128) weight gradient ran at 39 GFLOP/s on one core, its transpose Bᵀ·A at 72.
        // So the wide product is taken and transposed (one pass over the small result).
        auto Ct = torch::empty({N, M}, A.options());
        rowMajorGemm<float>(true, false, N, M, K, 1.0f, B.data_ptr<float>(), B.stride(0), A.data_ptr<float>(),
                            A.stride(0), 0.0f, Ct.data_ptr<float>(), M);
        return Ct.t().contiguous();
    }
    auto C = padRows ? emptyRowPadded(M, N, A.options()) : torch::empty({M, N}, A.options());
    rowMajorGemm<float>(transposeA, transposeB, M, N, K, 1.0f, A.data_ptr<float>(), A.stride(0), B.data_ptr<float>(),
                        B.stride(0), 0.0f, C.data_ptr<float>(), C.stride(0));
    return C;
}

} // namespace qks
