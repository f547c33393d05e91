#include "kernels/FusedCpuOps.h"

#include "kernels/CpuGemm.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <algorithm>
#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr int64_t kGrain = 16384;

class SquaredReluFunction : public torch::autograd::Function<SquaredReluFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x)
    {
        const auto input = x.contiguous();
        auto y = torch::empty_like(input);
        AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "qks_squared_relu_forward", [&] {
            const scalar_t* X = input.data_ptr<scalar_t>();
            scalar_t* Y = y.data_ptr<scalar_t>();
            at::parallel_for(0, input.numel(), kGrain, [&](int64_t begin, int64_t end) {
                for (int64_t i = begin; i < end; ++i) {
                    const scalar_t x = X[i]; // by value, so the select becomes a vector max
                    const scalar_t r = x > scalar_t(0) ? x : scalar_t(0);
                    Y[i] = r * r;
                }
            });
        });
        ctx->saved_data["input"] = input;
        return y.view(x.sizes());
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto input = ctx->saved_data["input"].toTensor();
        const auto gy = gradOutputs[0].contiguous();
        // The up projection's weight gradient reads this transposed: rows padded (emptyRowPadded).
        const int64_t cols = input.dim() > 0 ? input.size(-1) : 1;
        const int64_t rows = cols > 0 ? input.numel() / cols : 0;
        auto gx = emptyRowPadded(rows, cols, input.options());
        const int64_t ld = gx.stride(0);
        AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "qks_squared_relu_backward", [&] {
            const scalar_t* X = input.data_ptr<scalar_t>();
            const scalar_t* G = gy.data_ptr<scalar_t>();
            scalar_t* GX = gx.data_ptr<scalar_t>();
            at::parallel_for(0, rows, std::max<int64_t>(1, kGrain / std::max<int64_t>(1, cols)),
                             [&](int64_t begin, int64_t end) {
                for (int64_t r = begin; r < end; ++r) {
                    const scalar_t* x = X + r * cols;
                    const scalar_t* g = G + r * cols;
                    scalar_t* out = GX + r * ld;
                    for (int64_t i = 0; i < cols; ++i) { // g · 2·relu(x), as pow's backward forms it
                        const scalar_t v = x[i];
                        out[i] = g[i] * (scalar_t(2) * (v > scalar_t(0) ? v : scalar_t(0)));
                    }
                }
            });
        });
        return {gx.view(input.sizes())};
    }
};

} // namespace

torch::Tensor fusedSquaredRelu(const torch::Tensor& x)
{
    return SquaredReluFunction::apply(x);
}

} // namespace qks
