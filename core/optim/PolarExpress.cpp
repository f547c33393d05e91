#include "optim/PolarExpress.h"

#include "model/CpuGemm.h"

#include <ATen/Parallel.h>
#include <array>
#include <torch/torch.h>

namespace qks {

namespace {
// (a, b, c) per step: X ← a·X + (b·A + c·A²)·X with A = X·Xᵀ.
constexpr std::array<std::array<double, 3>, 5> kCoefficients = {{
    {8.156554524902461, -22.48329292557795, 15.878769915207462},
    {4.042929935166739, -2.808917465908714, 0.5000178451051316},
    {3.8916678022926607, -2.772484153217685, 0.5060648178503393},
    {3.285753657755655, -2.3681294933425376, 0.46449024233003106},
    {2.3465413258596377, -1.7097828382687081, 0.42323551169305323},
}};
// A bf16 matmul as a GPU computes it: bf16 inputs, fp32 accumulation, one rounding to bf16.
// LibTorch's CPU bf16 matmul accumulates in bf16 (1.13 sums 4096 ones to 256), which wrecks
// the iteration for matrices wider than a few hundred columns, so on the CPU the product is
// taken in fp32 from the bf16 values and rounded once.
torch::Tensor matmulLikeGpu(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.scalar_type() == torch::kBFloat16 && a.device().is_cpu())
        return torch::matmul(a.to(torch::kFloat), b.to(torch::kFloat)).to(torch::kBFloat16);
    return torch::matmul(a, b);
}

// matmulLikeGpu(op(a), op(b)) for bf16 CPU stacks (S, r, c) or single matrices: fp32 copies of
// the bf16 values, one sgemm per matrix on its own thread, one rounding to bf16.
torch::Tensor matmulPerMatrix(const torch::Tensor& a, bool transposeA, const torch::Tensor& b, bool transposeB)
{
    const bool stacked = a.dim() == 3;
    const auto A = (stacked ? a : a.unsqueeze(0)).to(torch::kFloat).contiguous();
    const auto B = (stacked ? b : b.unsqueeze(0)).to(torch::kFloat).contiguous();
    const int64_t S = A.size(0);
    const int64_t M = transposeA ? A.size(2) : A.size(1);
    const int64_t K = transposeA ? A.size(1) : A.size(2);
    const int64_t N = transposeB ? B.size(1) : B.size(2);
    auto C = torch::empty({S, M, N}, A.options());
    const float* pa = A.data_ptr<float>();
    const float* pb = B.data_ptr<float>();
    float* pc = C.data_ptr<float>();
    at::parallel_for(0, S, 1, [&](int64_t begin, int64_t end) {
        for (int64_t s = begin; s < end; ++s)
            rowMajorGemm<float>(transposeA, transposeB, M, N, K, 1.0f, pa + s * A.stride(0), A.size(2),
                                pb + s * B.stride(0), B.size(2), 0.0f, pc + s * M * N, N);
    });
    const auto out = C.to(torch::kBFloat16);
    return stacked ? out : out.squeeze(0);
}

} // namespace

torch::Tensor polarExpress(const torch::Tensor& G, torch::ScalarType dtype, bool oneTaskPerMatrix)
{
    auto X = G.to(dtype);
    const bool transposed = G.size(-2) > G.size(-1);
    if (transposed)
        X = X.transpose(-2, -1);
    // Each matrix by its own Frobenius norm; a single matrix keeps the original's X.norm().
    X = X.dim() > 2 ? X / (X.norm(2, {-2, -1}, /*keepdim=*/true) * 1.01 + 1e-7) : X / (X.norm() * 1.01 + 1e-7);
    if (oneTaskPerMatrix && X.device().is_cpu() && X.scalar_type() == torch::kBFloat16) {
        for (const auto& [a, b, c] : kCoefficients) {
            const auto A = matmulPerMatrix(X, false, X, true);
            const auto B = b * A + c * matmulPerMatrix(A, false, A, false);
            X = a * X + matmulPerMatrix(B, false, X, false);
        }
        return transposed ? X.transpose(-2, -1) : X;
    }
    for (const auto& [a, b, c] : kCoefficients) {
        const auto A = matmulLikeGpu(X, X.transpose(-2, -1));
        const auto B = b * A + c * matmulLikeGpu(A, A);
        X = a * X + matmulLikeGpu(B, X);
    }
    if (transposed)
        X = X.transpose(-2, -1);
    return X;
}

} // namespace qks
