#include "optim/AdamW.h"

#include <cmath>
#include <torch/torch.h>

namespace qks {

AdamW::AdamW(std::vector<torch::Tensor> params, AdamWOptions options)
    : m_params(std::move(params)), m_options(options)
{
    for (const auto& p : m_params) {
        m_expAvg.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        m_expAvgSq.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
}

void AdamW::step()
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const auto& o = m_options;
    const double biasCorrection1 = 1.0 - std::pow(o.beta1, static_cast<double>(m_step));
    const double biasCorrection2 = 1.0 - std::pow(o.beta2, static_cast<double>(m_step));
    const double stepSize = o.lr / biasCorrection1;
    const double biasCorrection2Sqrt = std::sqrt(biasCorrection2);
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto& p = m_params[i];
        if (!p.grad().defined())
            continue;
        const auto& grad = p.grad();
        p.mul_(1.0 - o.lr * o.weightDecay);
        m_expAvg[i].mul_(o.beta1).add_(grad, 1.0 - o.beta1);
        m_expAvgSq[i].mul_(o.beta2).addcmul_(grad, grad, 1.0 - o.beta2);
        const auto denom = (m_expAvgSq[i].sqrt() / biasCorrection2Sqrt).add_(o.eps);
        p.addcdiv_(m_expAvg[i], denom, -stepSize);
    }
}

void AdamW::zeroGrad()
{
    for (auto& p : m_params)
        if (p.grad().defined()) {
            p.grad().detach_();
            p.grad().zero_();
        }
}

} // namespace qks
