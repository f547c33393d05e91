#include "model/LinearCrossEntropy.h"

#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

torch::Tensor meanNegativeLogLikelihood(const torch::Tensor& logProbs, const torch::Tensor& targets)
{
    return logProbs.gather(1, targets.unsqueeze(1)).sum().neg().div(static_cast<double>(targets.size(0)));
}

// Turns the log-probabilities into ∂(Σ loss)/∂logits = softmax − one-hot, in place.
void softmaxMinusOneHot(torch::Tensor& logProbs, const torch::Tensor& targets)
{
    logProbs.exp_();
    logProbs.scatter_add_(1, targets.unsqueeze(1), torch::full({targets.size(0), 1}, -1.0, logProbs.options()));
}

class LinearCrossEntropyFunction : public torch::autograd::Function<LinearCrossEntropyFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& hidden, const torch::Tensor& weight,
                                 const torch::Tensor& targets)
    {
        const double scale = 1.0 / static_cast<double>(hidden.size(0));
        auto logProbs = at::log_softmax(at::mm(hidden, weight.t()), 1); // (N, V)
        const auto loss = meanNegativeLogLikelihood(logProbs, targets);
        softmaxMinusOneHot(logProbs, targets);
        // The (N, V) gradient dies here; only the (N, d) and (V, d) products live on.
        ctx->saved_data["grad_hidden"] = at::mm(logProbs, weight).mul_(scale);
        ctx->saved_data["grad_weight"] = at::mm(logProbs.t(), hidden).mul_(scale);
        return loss;
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
    TORCH_CHECK(hidden.dim() == 2 && weight.dim() == 2 && targets.dim() == 1, "linearCrossEntropy: (N, d), (V, d), (N)");
    const bool wantsGrad = torch::GradMode::is_enabled() && (hidden.requires_grad() || weight.requires_grad());
    if (wantsGrad)
        return LinearCrossEntropyFunction::apply(hidden, weight, targets);
    // Evaluation (validation loss, benchmark forward): the loss alone.
    return meanNegativeLogLikelihood(at::log_softmax(at::mm(hidden, weight.t()), 1), targets);
}

} // namespace qks
