#include "optim/PolarExpressBf16Cpu.h"

#include "kernels/CpuGemm.h"
#include "optim/PolarExpress.h"

#include <ATen/Parallel.h>
#include <c10/util/BFloat16.h>
#include <cmath>
#include <cstdint>
#include <torch/torch.h>
#include <torch/version.h>

namespace qks {

namespace {

// Round to the nearest bf16 (c10::BFloat16's ties-to-even rounding), kept in an fp32.
inline float bf16(float x)
{
    return static_cast<float>(c10::BFloat16(x));
}

// A Python float multiplying a bf16 tensor, as ATen's CPU kernels take it: LibTorch 1.13 rounds
// it to bf16 first; 2.x computes with its fp32 value, as CUDA always did (and so the published
// study's H100). Checked on 1.13.1 and 2.6.0 (scripts/libtorch2-check.sh runs the tests on 2.x).
inline float atenScalar(double c)
{
#if TORCH_VERSION_MAJOR >= 2
    return static_cast<float>(c);
#else
    return bf16(static_cast<float>(c));
#endif
}

// The elementwise passes below are memory-bound bit twiddling; on x86-64 each also gets an
// AVX2 build, picked at load time, because the project's baseline target has only SSE2.
#if defined(__x86_64__) && defined(__GNUC__)
#define QKS_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define QKS_AVX2_CLONE
#endif

QKS_AVX2_CLONE void roundAll(float* x, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        x[i] = bf16(x[i]);
}

// Eight running sums so that the loop vectorizes without reassociating one sum.
QKS_AVX2_CLONE double sumOfSquares(const float* x, int64_t n)
{
    double lanes[8] = {};
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k)
            lanes[k] += double(x[i + k]) * double(x[i + k]);
    for (; i < n; ++i)
        lanes[0] += double(x[i]) * double(x[i]);
    double sum = 0.0;
    for (double lane : lanes)
        sum += lane;
    return sum;
}

QKS_AVX2_CLONE void divideAll(float* x, int64_t n, float divisor)
{
    for (int64_t i = 0; i < n; ++i)
        x[i] = bf16(x[i] / divisor);
}

// B = b·A + c·A², written over A.
QKS_AVX2_CLONE void combineGram(float* A, const float* A2, int64_t n, float b, float c)
{
    for (int64_t i = 0; i < n; ++i)
        A[i] = bf16(bf16(b * A[i]) + bf16(c * bf16(A2[i])));
}

// X = a·X + B·X, with B·X in BX.
QKS_AVX2_CLONE void combineStep(float* X, const float* BX, int64_t n, float a)
{
    for (int64_t i = 0; i < n; ++i)
        X[i] = bf16(bf16(a * X[i]) + bf16(BX[i]));
}

// One matrix, already transposed so that m ≤ n and rounded to bf16: X (m×n) is normalised and
// iterated in place. A and A2 hold m×m, BX m×n.
void iterate(float* X, float* A, float* A2, float* BX, int64_t m, int64_t n)
{
    // X / (‖X‖·1.01 + 1e-7) as eager bf16 ops: the norm accumulates wide and is rounded, then
    // each of the two scalar ops and the division rounds again.
    const float norm = bf16(static_cast<float>(std::sqrt(sumOfSquares(X, m * n))));
    divideAll(X, m * n, bf16(bf16(norm * atenScalar(1.01)) + atenScalar(1e-7)));
    for (const auto& coefficients : kPolarExpressCoefficients) {
        const float a = atenScalar(coefficients[0]);
        const float b = atenScalar(coefficients[1]);
        const float c = atenScalar(coefficients[2]);
        rowMajorGemm<float>(false, true, m, m, n, 1.0f, X, n, X, n, 0.0f, A, m); // A = X·Xᵀ
        roundAll(A, m * m);
        rowMajorGemm<float>(false, false, m, m, m, 1.0f, A, m, A, m, 0.0f, A2, m); // A²
        combineGram(A, A2, m * m, b, c);
        rowMajorGemm<float>(false, false, m, n, m, 1.0f, A, m, X, n, 0.0f, BX, n); // B·X
        combineStep(X, BX, m * n, a);
    }
}

} // namespace

torch::Tensor polarExpressBf16OnCpu(const torch::Tensor& G)
{
    TORCH_CHECK(G.device().is_cpu() && G.scalar_type() == torch::kFloat && (G.dim() == 2 || G.dim() == 3),
                "polarExpressBf16OnCpu: fp32 CPU matrix or stack of matrices, got ", G.toString(), " of ", G.sizes());
    torch::NoGradGuard noGrad;
    const auto stack = G.dim() == 2 ? G.unsqueeze(0) : G;
    const bool transposed = stack.size(1) > stack.size(2);
    const int64_t count = stack.size(0);
    const int64_t m = transposed ? stack.size(2) : stack.size(1);
    const int64_t n = transposed ? stack.size(1) : stack.size(2);
    const auto source = transposed ? stack.transpose(1, 2) : stack;
    auto X = torch::empty({count, m, n}, G.options());
    auto A = torch::empty({count, m, m}, G.options());
    auto A2 = torch::empty({count, m, m}, G.options());
    auto BX = torch::empty({count, m, n}, G.options());
    at::parallel_for(0, count, 1, [&](int64_t begin, int64_t end) {
        for (int64_t k = begin; k < end; ++k) {
            X[k].copy_(source[k]);
            float* x = X.data_ptr<float>() + k * m * n;
            roundAll(x, m * n);
            if (m > 0 && n > 0)
                iterate(x, A.data_ptr<float>() + k * m * m, A2.data_ptr<float>() + k * m * m,
                        BX.data_ptr<float>() + k * m * n, m, n);
        }
    });
    auto out = transposed ? X.transpose(1, 2) : X;
    return G.dim() == 2 ? out.squeeze(0) : out;
}

} // namespace qks
