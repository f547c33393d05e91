#include "optim/StudyOptimizer.h"

#include "optim/GradClip.h"

#include <torch/torch.h>

namespace qks {

bool isMuonParameter(const std::string& name, const torch::Tensor& p)
{
    return p.dim() == 2 && name.find("token_embedding") == std::string::npos && name.find("norm") == std::string::npos;
}

StudyOptimizer::StudyOptimizer(torch::nn::Module& model, const TrainConfig& config) : m_clip(config.grad_clip)
{
    std::vector<torch::Tensor> muonParams;
    std::vector<torch::Tensor> adamwParams;
    for (const auto& item : model.named_parameters()) {
        const auto& p = item.value();
        m_all.push_back(p);
        if (!p.requires_grad())
            continue;
        if (isMuonParameter(item.key(), p)) {
            muonParams.push_back(p);
            m_muonNames.push_back(item.key());
        } else {
            adamwParams.push_back(p);
            m_adamwNames.push_back(item.key());
        }
    }
    MuonOptions muonOptions;
    muonOptions.lr = config.muon_lr;
    muonOptions.momentum = config.muon_momentum;
    // One product per shape group instead of per matrix: fewer launches on a GPU, fewer and
    // larger operations on the CPU. train.kernels = reference keeps the original's loop on the
    // CPU (the golden test compares it with PyTorch to 1e-6).
    muonOptions.batched = !muonParams.empty() && (muonParams.front().is_cuda() || config.kernels == "fused");
    muonOptions.cpuBf16Kernel = config.kernels == "fused";
    m_muon = std::make_unique<Muon>(std::move(muonParams), muonOptions);
    m_adamw = std::make_unique<AdamW>(std::move(adamwParams), AdamWOptions{config.adamw_lr, config.adamw_beta1,
                                                                          config.adamw_beta2, config.adamw_eps,
                                                                          config.weight_decay});
}

torch::Tensor StudyOptimizer::step()
{
    torch::Tensor norm;
    if (m_clip > 0.0) {
        norm = clipGradNorm(m_all, m_clip);
    } else {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> norms;
        for (const auto& p : m_all)
            if (p.grad().defined())
                norms.push_back(p.grad().norm(2));
        norm = norms.empty() ? torch::zeros({}) : torch::stack(norms).norm(2);
    }
    m_muon->step();
    m_adamw->step();
    return norm;
}

void StudyOptimizer::zeroGrad()
{
    m_muon->zeroGrad();
    m_adamw->zeroGrad();
}

} // namespace qks
