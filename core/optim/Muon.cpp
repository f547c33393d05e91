#include "optim/Muon.h"

#include "optim/PolarExpress.h"
#include "optim/PolarExpressBf16Cpu.h"

#include <algorithm>
#include <cmath>
#include <torch/torch.h>

namespace qks {

Muon::Muon(std::vector<torch::Tensor> params, MuonOptions options)
    : m_params(std::move(params)), m_options(options)
{
    for (size_t i = 0; i < m_params.size(); ++i) {
        const auto& p = m_params[i];
        TORCH_CHECK(p.dim() == 2, "Muon takes 2-D parameters only");
        m_buffers.push_back(torch::zeros_like(p));
        auto group = std::find_if(m_sameShape.begin(), m_sameShape.end(),
                                  [&](const std::vector<size_t>& g) { return m_params[g.front()].sizes() == p.sizes(); });
        if (group == m_sameShape.end())
            m_sameShape.push_back({i});
        else
            group->push_back(i);
    }
}

torch::Tensor Muon::momentumDirection(size_t i)
{
    auto g = m_params[i].grad();
    auto& buf = m_buffers[i];
    buf.lerp_(g, 1.0 - m_options.momentum);
    return m_options.nesterov ? g.lerp_(buf, m_options.momentum) : buf;
}

void Muon::applyUpdate(size_t i, const torch::Tensor& orthogonal)
{
    auto& p = m_params[i];
    const double aspect = std::max(1.0, static_cast<double>(p.size(-2)) / static_cast<double>(p.size(-1)));
    p.add_(orthogonal.view_as(p), -m_options.lr * std::sqrt(aspect));
}

void Muon::step()
{
    torch::NoGradGuard noGrad;
    if (!m_options.batched) {
        for (size_t i = 0; i < m_params.size(); ++i)
            if (m_params[i].grad().defined())
                applyUpdate(i, polarExpress(momentumDirection(i), m_options.polarDtype));
        return;
    }
    for (const auto& group : m_sameShape) {
        std::vector<size_t> members;
        std::vector<torch::Tensor> directions;
        for (size_t i : group)
            if (m_params[i].grad().defined()) {
                members.push_back(i);
                directions.push_back(momentumDirection(i));
            }
        if (members.empty())
            continue;
        const auto stacked = torch::stack(directions);
        const bool cpuKernel = m_options.cpuBf16Kernel && m_options.polarDtype == torch::kBFloat16 &&
                               stacked.device().is_cpu() && stacked.scalar_type() == torch::kFloat;
        const auto orthogonal = cpuKernel ? polarExpressBf16OnCpu(stacked) // (n, rows, cols)
                                          : polarExpress(stacked, m_options.polarDtype);
        for (size_t k = 0; k < members.size(); ++k)
            applyUpdate(members[k], orthogonal[static_cast<int64_t>(k)]);
    }
}

void Muon::zeroGrad()
{
    for (auto& p : m_params)
        if (p.grad().defined()) {
            p.grad().detach_();
            p.grad().zero_();
        }
}

} // namespace qks
