#include "kernels/FusedCpuOps.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <cmath>
#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Σ a·b·c over a row with eight running sums, so the loop vectorizes (one sum would be a
// chain of dependent adds); c may be null for Σ a·b.
template <typename scalar_t>
scalar_t rowSum(const scalar_t* a, const scalar_t* b, const scalar_t* c, int64_t n)
{
    scalar_t lanes[8] = {};
    int64_t j = 0;
    for (; j + 8 <= n; j += 8) {
        for (int k = 0; k < 8; ++k)
            lanes[k] += c ? a[j + k] * b[j + k] * c[j + k] : a[j + k] * b[j + k];
    }
    scalar_t sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    for (; j < n; ++j)
        sum += c ? a[j] * b[j] * c[j] : a[j] * b[j];
    return sum;
}

int64_t rowGrain(int64_t width)
{
    return std::max<int64_t>(1, 16384 / std::max<int64_t>(width, 1));
}

class RmsNormFunction : public torch::autograd::Function<RmsNormFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight, double eps)
    {
        const auto input = x.contiguous();
        const auto gamma = weight.to(input.scalar_type()).contiguous();
        const int64_t d = input.size(-1);
        const int64_t rows = input.numel() / d;
        auto y = torch::empty_like(input);
        auto inverseRms = torch::empty({rows}, input.options());
        AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "qks_rms_norm_forward", [&] {
            const scalar_t* X = input.data_ptr<scalar_t>();
            const scalar_t* W = gamma.data_ptr<scalar_t>();
            scalar_t* Y = y.data_ptr<scalar_t>();
            scalar_t* R = inverseRms.data_ptr<scalar_t>();
            at::parallel_for(0, rows, rowGrain(d), [&](int64_t begin, int64_t end) {
                for (int64_t i = begin; i < end; ++i) {
                    const scalar_t* xi = X + i * d;
                    scalar_t* yi = Y + i * d;
                    const scalar_t squares = rowSum<scalar_t>(xi, xi, nullptr, d);
                    const scalar_t inv = scalar_t(1) / std::sqrt(squares / scalar_t(d) + scalar_t(eps));
                    R[i] = inv;
                    for (int64_t j = 0; j < d; ++j)
                        yi[j] = (xi[j] * inv) * W[j];
                }
            });
        });
        ctx->saved_data["input"] = input;
        ctx->saved_data["gamma"] = gamma;
        ctx->saved_data["inverse_rms"] = inverseRms;
        ctx->saved_data["weight_grad"] = weight.requires_grad();
        return y.view(x.sizes());
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto input = ctx->saved_data["input"].toTensor();
        const auto gamma = ctx->saved_data["gamma"].toTensor();
        const auto inverseRms = ctx->saved_data["inverse_rms"].toTensor();
        const bool weightGrad = ctx->saved_data["weight_grad"].toBool();
        const auto gy = gradOutputs[0].contiguous();
        const int64_t d = input.size(-1);
        const int64_t rows = input.numel() / d;
        auto gx = torch::empty_like(input);
        // γ's gradient sums over rows: one partial row per thread, added up at the end.
        auto partial = torch::zeros({weightGrad ? at::get_num_threads() : 1, d}, input.options());
        AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "qks_rms_norm_backward", [&] {
            const scalar_t* X = input.data_ptr<scalar_t>();
            const scalar_t* W = gamma.data_ptr<scalar_t>();
            const scalar_t* R = inverseRms.data_ptr<scalar_t>();
            const scalar_t* G = gy.data_ptr<scalar_t>();
            scalar_t* GX = gx.data_ptr<scalar_t>();
            scalar_t* P = partial.data_ptr<scalar_t>();
            at::parallel_for(0, rows, rowGrain(d), [&](int64_t begin, int64_t end) {
                scalar_t* pw = P + (weightGrad ? at::get_thread_num() : 0) * d;
                for (int64_t i = begin; i < end; ++i) {
                    const scalar_t* xi = X + i * d;
                    const scalar_t* gi = G + i * d;
                    scalar_t* gxi = GX + i * d;
                    const scalar_t inv = R[i];
                    const scalar_t dot = rowSum<scalar_t>(gi, W, xi, d); // Σ g·γ·x
                    const scalar_t c = inv * inv * inv * dot / scalar_t(d);
                    for (int64_t j = 0; j < d; ++j)
                        gxi[j] = inv * W[j] * gi[j] - xi[j] * c;
                    if (weightGrad) {
                        for (int64_t j = 0; j < d; ++j)
                            pw[j] += gi[j] * xi[j] * inv;
                    }
                }
            });
        });
        return {gx, weightGrad ? partial.sum(0) : torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor fusedRmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps)
{
    return RmsNormFunction::apply(x, weight, eps);
}

} // namespace qks
