#pragma once

#include "config/StudyConfig.h"
#include "optim/AdamW.h"
#include "optim/Muon.h"

#include <torch/nn/module.h>

#include <memory>
#include <string>
#include <vector>

namespace qks {

// The study's two optimizers over one model, grouped as the original: Muon for every 2-D
// parameter that is neither the embedding nor a norm weight (qkvo_proj, up_proj, down_proj);
// AdamW with decoupled decay for the rest that require grad (embedding, norm weights). A frozen
// γ (requires_grad = false) is in neither group and is never touched.
class StudyOptimizer {
public:
    StudyOptimizer(torch::nn::Module& model, const TrainConfig& config);

    // Clips the global grad norm over all parameters (when grad_clip > 0), then steps both
    // optimizers. Returns the grad norm before clipping (0-dim, on the device: reading it
    // syncs, so callers read it only when they report it).
    torch::Tensor step();
    void zeroGrad();

    const std::vector<std::string>& muonNames() const { return m_muonNames; }
    const std::vector<std::string>& adamwNames() const { return m_adamwNames; }
    Muon& muon() { return *m_muon; }
    AdamW& adamw() { return *m_adamw; }

private:
    std::vector<torch::Tensor> m_all;
    std::vector<std::string> m_muonNames;
    std::vector<std::string> m_adamwNames;
    std::unique_ptr<Muon> m_muon;
    std::unique_ptr<AdamW> m_adamw;
    double m_clip;
};

// True for parameters Muon takes: 2-D, not the embedding, not a norm.
bool isMuonParameter(const std::string& name, const torch::Tensor& p);

} // namespace qks
