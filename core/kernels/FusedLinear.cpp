#include "kernels/FusedCpuOps.h"

#include "kernels/CpuGemm.h"

#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// x · wᵀ with its two gradient products, all three through cpuMatmul.
class LinearFunction : public torch::autograd::Function<LinearFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight)
    {
        const auto rows = x.reshape({-1, x.size(-1)});
        ctx->save_for_backward({rows, weight});
        ctx->saved_data["shape"] = x.sizes();
        auto shape = x.sizes().vec();
        shape.back() = weight.size(0);
        return cpuMatmul(rows, false, weight, true).view(shape);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        const auto& rows = saved[0];
        const auto& weight = saved[1];
        const auto gy = gradOutputs[0].reshape({-1, weight.size(0)});
        torch::Tensor gx, gw;
        if (ctx->needs_input_grad(0))
            gx = cpuMatmul(gy, false, weight, false).view(ctx->saved_data["shape"].toIntVector());
        if (ctx->needs_input_grad(1))
            gw = cpuMatmul(gy, true, rows, false);
        return {gx, gw};
    }
};

} // namespace

torch::Tensor fusedLinear(const torch::Tensor& x, const torch::Tensor& weight)
{
    TORCH_CHECK(weight.dim() == 2 && x.size(-1) == weight.size(1), "fusedLinear: x (..., in), weight (out, in)");
    return LinearFunction::apply(x, weight);
}

} // namespace qks
