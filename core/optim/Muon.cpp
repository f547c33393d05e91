#include "optim/Muon.h"

#include "optim/PolarExpress.h"

#include <algorithm>
#include <cmath>
#include <torch/torch.h>

namespace qks {

Muon::Muon(std::vector<torch::Tensor> params, MuonOptions options)
    : m_params(std::move(params)), m_options(options)
{
    for (const auto& p : m_params) {
        TORCH_CHECK(p.dim() == 2, "Muon takes 2-D parameters only");
        m_buffers.push_back(torch::zeros_like(p));
    }
}

void Muon::step()
{
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto& p = m_params[i];
        if (!p.grad().defined())
            continue;
        auto g = p.grad();
        auto& buf = m_buffers[i];
        buf.lerp_(g, 1.0 - m_options.momentum);
        g = m_options.nesterov ? g.lerp_(buf, m_options.momentum) : buf;
        const auto update = polarExpress(g, m_options.polarDtype);
        const double aspect = std::max(1.0, static_cast<double>(p.size(-2)) / static_cast<double>(p.size(-1)));
        p.add_(update.view_as(p), -m_options.lr * std::sqrt(aspect));
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
