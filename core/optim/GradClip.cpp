#include "optim/GradClip.h"

#include <torch/torch.h>

namespace qks {

torch::Tensor clipGradNorm(const std::vector<torch::Tensor>& params, double maxNorm)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> grads;
    for (const auto& p : params)
        if (p.grad().defined())
            grads.push_back(p.grad());
    if (grads.empty())
        return torch::zeros({});
    std::vector<torch::Tensor> norms;
    norms.reserve(grads.size());
    for (const auto& g : grads)
        norms.push_back(g.norm(2));
    const auto total = torch::stack(norms).norm(2);
    const auto coef = torch::clamp(maxNorm / (total + 1e-6), c10::nullopt, 1.0);
    for (auto& g : grads)
        g.mul_(coef.to(g.device()));
    return total;
}

} // namespace qks
