#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"
#include "model/KeyCapture.h"
#include "model/Kernels.h"
#include "model/RmsNorm.h"
#include "model/Rope.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace qks {

// Causal grouped-query self-attention with one merged projection, as the original module:
// qkvo_proj is (d_model + 2·KV·d_k + d_model, d_model) with rows Q, K, V, O.
class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(const ModelConfig& config, QkNormMode mode, RotaryTable rope);

    torch::Tensor forward(const torch::Tensor& x); // (B, T, d_model) → (B, T, d_model)

    void setCapture(KeyCapture* capture) { m_capture = capture; }
    void setKernels(Kernels kernels);

    torch::Tensor qkvo_proj;
    RmsNorm q_norm{nullptr}; // null for QkNormMode::None (identity)
    RmsNorm k_norm{nullptr};

private:
    int64_t m_dModel;
    int64_t m_heads;
    int64_t m_kvHeads;
    int64_t m_dk;
    RotaryTable m_rope;
    KeyCapture* m_capture = nullptr;
    Kernels m_kernels = Kernels::Fused;
};
TORCH_MODULE(Attention);

// Whether the reference kernels' attention is one fused kernel (scaled-dot-product attention, on
// CUDA with LibTorch 2.x), keeping no score matrix: the model and the memory estimate both ask.
bool fusedAttentionOn(const torch::Device& device);

} // namespace qks
