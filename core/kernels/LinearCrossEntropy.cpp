#include "kernels/LinearCrossEntropy.h"

#include "kernels/CpuGemm.h"
#include "kernels/SoftmaxMath.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <cmath>
#include <vector>

#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Returns Σ_rows of −log softmax[target] = log Σ_j exp(x_j − max) + max − x_target, summed in
// row order in double (the same total on every thread count): one max pass and one exp pass
// per row. With formGradient each row of logits (N, V) then becomes softmax − one-hot(target)
// in place (one scaling pass); without, the rows are left holding exp(x − max).
double softmaxCrossEntropyRows(torch::Tensor& logits, const torch::Tensor& targets, bool formGradient)
{
    TORCH_CHECK(logits.device().is_cpu() && logits.stride(1) == 1 && logits.stride(0) >= logits.size(1),
                "softmaxCrossEntropyRows: CPU logits with contiguous rows");
    const int64_t N = logits.size(0), V = logits.size(1), rowStride = logits.stride(0);
    const auto ids = targets.contiguous();
    const int64_t* target = ids.data_ptr<int64_t>();
    std::vector<double> rowLoss(static_cast<size_t>(N));
    AT_DISPATCH_FLOATING_TYPES(logits.scalar_type(), "qks_softmax_cross_entropy", [&] {
        scalar_t* X = logits.data_ptr<scalar_t>();
        at::parallel_for(0, N, 16, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                const int64_t t = target[i];
                TORCH_CHECK(t >= 0 && t < V, "token id ", t, " is outside the vocabulary of ", V);
                scalar_t* row = X + i * rowStride;
                const scalar_t max = maxOf(row, V);
                const scalar_t picked = row[t];
                const scalar_t sum = expShiftedSum(row, V, max);
                rowLoss[static_cast<size_t>(i)] = std::log(double(sum)) + double(max) - double(picked);
                if (!formGradient)
                    continue;
                const scalar_t inv = scalar_t(1) / sum;
                for (int64_t j = 0; j < V; ++j)
                    row[j] *= inv;
                row[t] -= scalar_t(1);
            }
        });
    });
    double total = 0.0;
    for (double l : rowLoss)
        total += l;
    return total;
}

class LinearCrossEntropyFunction : public torch::autograd::Function<LinearCrossEntropyFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& hidden, const torch::Tensor& weight,
                                 const torch::Tensor& targets)
    {
        const double scale = 1.0 / static_cast<double>(hidden.size(0));
        // (N, V), rows padded: the weight gradient reads it transposed.
        auto logits = cpuMatmul(hidden, false, weight, true, /*padRows=*/true);
        const double loss = softmaxCrossEntropyRows(logits, targets, true) * scale;
        // The (N, V) gradient dies here; only the (N, d) and (V, d) products live on.
        ctx->saved_data["grad_hidden"] = cpuMatmul(logits, false, weight, false).mul_(scale);
        ctx->saved_data["grad_weight"] = cpuMatmul(logits, true, hidden, false).mul_(scale);
        return torch::full({}, loss, hidden.options());
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto& g = gradOutputs[0];
        return {ctx->saved_data["grad_hidden"].toTensor() * g, ctx->saved_data["grad_weight"].toTensor() * g,
                torch::Tensor()};
    }
};

} // namespace

torch::Tensor linearCrossEntropy(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets)
{
    TORCH_CHECK(hidden.dim() == 2 && weight.dim() == 2 && targets.dim() == 1 && targets.size(0) == hidden.size(0),
                "linearCrossEntropy: (N, d), (V, d), (N)");
    const bool wantsGrad = torch::GradMode::is_enabled() && (hidden.requires_grad() || weight.requires_grad());
    if (wantsGrad)
        return LinearCrossEntropyFunction::apply(hidden, weight, targets);
    // Evaluation (validation loss, benchmark forward): the loss alone.
    auto logits = cpuMatmul(hidden, false, weight, true);
    return torch::full({}, softmaxCrossEntropyRows(logits, targets, false) / static_cast<double>(hidden.size(0)),
                       hidden.options());
}

} // namespace qks
