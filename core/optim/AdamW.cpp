#include "optim/AdamW.h"

#include <cmath>
#include <torch/torch.h>
#include <torch/version.h>

namespace qks {

AdamW::AdamW(std::vector<torch::Tensor> params, AdamWOptions options)
    : m_params(std::move(params)), m_options(options)
{
    for (const auto& p : m_params) {
        m_expAvg.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        m_expAvgSq.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
}

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
#define QKS_FUSED_ADAMW 1
#endif

bool AdamW::fused() const
{
#ifdef QKS_FUSED_ADAMW
    return !m_params.empty() && m_params.front().is_cuda();
#else
    return false;
#endif
}

void AdamW::fusedStep()
{
#ifdef QKS_FUSED_ADAMW
    std::vector<torch::Tensor> params, grads, expAvgs, expAvgSqs;
    for (size_t i = 0; i < m_params.size(); ++i) {
        if (!m_params[i].grad().defined())
            continue;
        params.push_back(m_params[i]);
        grads.push_back(m_params[i].grad());
        expAvgs.push_back(m_expAvg[i]);
        expAvgSqs.push_back(m_expAvgSq[i]);
    }
    if (m_stepTensors.size() != params.size() || m_stepTensorsHold != m_step - 1) {
        // First step, a checkpoint restored the count, or a parameter gained its gradient.
        m_stepTensors.clear();
        for (const auto& p : params)
            m_stepTensors.push_back(torch::full({}, static_cast<double>(m_step),
                                                torch::TensorOptions().dtype(torch::kFloat).device(p.device())));
    } else {
        at::_foreach_add_(m_stepTensors, 1.0);
    }
    m_stepTensorsHold = m_step;
    const auto& o = m_options;
    at::_fused_adamw_(params, grads, expAvgs, expAvgSqs, /*max_exp_avg_sqs=*/{}, m_stepTensors, o.lr, o.beta1, o.beta2,
                      o.weightDecay, o.eps, /*amsgrad=*/false, /*maximize=*/false);
#endif
}

void AdamW::step()
{
    torch::NoGradGuard noGrad;
    ++m_step;
    if (fused()) {
        fusedStep();
        return;
    }
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
#if TORCH_VERSION_MAJOR >= 2
        m_expAvg[i].lerp_(grad, 1.0 - o.beta1); // torch.optim.AdamW's own form since 2.x
#else
        m_expAvg[i].mul_(o.beta1).add_(grad, 1.0 - o.beta1); // ... and in 1.13
#endif
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
