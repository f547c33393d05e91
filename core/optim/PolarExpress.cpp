#include "optim/PolarExpress.h"

#include <torch/torch.h>

namespace qks {

namespace {
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

} // namespace

torch::Tensor polarExpress(const torch::Tensor& G, torch::ScalarType dtype)
{
    auto X = G.to(dtype);
    const bool transposed = G.size(-2) > G.size(-1);
    if (transposed)
        X = X.transpose(-2, -1);
    // Each matrix by its own Frobenius norm; a single matrix keeps the original's X.norm().
    X = X.dim() > 2 ? X / (X.norm(2, {-2, -1}, /*keepdim=*/true) * 1.01 + 1e-7) : X / (X.norm() * 1.01 + 1e-7);
    for (const auto& [a, b, c] : kPolarExpressCoefficients) {
        const auto A = matmulLikeGpu(X, X.transpose(-2, -1));
        const auto B = b * A + c * matmulLikeGpu(A, A);
        X = a * X + matmulLikeGpu(B, X);
    }
    if (transposed)
        X = X.transpose(-2, -1);
    return X;
}

} // namespace qks
