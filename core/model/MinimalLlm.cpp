#include "model/MinimalLlm.h"

#include "kernels/LinearCrossEntropy.h"
#include "kernels/OpMath.h"
#include "model/CheckpointedBlock.h"

#include <cmath>
#include <torch/torch.h>

namespace qks {

MinimalLlmImpl::MinimalLlmImpl(const ModelConfig& config, QkNormMode mode) : m_config(config), m_mode(mode)
{
    // Construction draws as the original's constructors do (docs/design.md §1.3): Embedding's
    // own N(0, 1), then per block qkvo_proj N(0, init_std) (AttentionImpl) and nn.Linear's
    // Kaiming-uniform up/down (FeedForwardImpl), then the original's separate lm_head.
    token_embedding = register_module("token_embedding", torch::nn::Embedding(config.vocab_size, config.d_model));
    RotaryTable rope(config.d_k(), config.max_seq_len, config.rope_base);
    register_buffer("rope_cos", rope.cosTable());
    register_buffer("rope_sin", rope.sinTable());
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.n_layers; ++i) {
        m_blocks.emplace_back(config, mode, rope);
        transformer_blocks->push_back(m_blocks.back());
    }
    norm = register_module("norm", RmsNorm(config.d_model, true));
    drawDiscardedLmHead();
    setKernels(m_kernels);
    initWeights();
}

void MinimalLlmImpl::drawDiscardedLmHead() const
{
    // The original builds nn.Linear(d_model, vocab) and then ties its weight to the embedding:
    // its default init only advances the generator, by as many draws as this one.
    torch::NoGradGuard noGrad;
    auto discarded = torch::empty({m_config.vocab_size, m_config.d_model});
    torch::nn::init::kaiming_uniform_(discarded, std::sqrt(5.0));
}

void MinimalLlmImpl::initWeights()
{
    torch::NoGradGuard noGrad;
    const double std = m_config.init_std;
    // The original's self.apply(_init_weights) visits children before parents, in registration
    // order, and redraws only nn.Linear and nn.Embedding weights (qkvo_proj is a bare
    // Parameter): the embedding, each block's up and down projections, and last the lm_head,
    // whose weight is the embedding's. The embedding keeps that last draw.
    token_embedding->weight.normal_(0.0, std);
    for (auto& block : m_blocks) {
        block->feed_forward->up_proj->weight.normal_(0.0, std);
        block->feed_forward->down_proj->weight.normal_(0.0, std);
    }
    token_embedding->weight.normal_(0.0, std);
}

torch::Tensor MinimalLlmImpl::hiddenStates(const torch::Tensor& ids)
{
    auto x = token_embedding->forward(ids) * std::sqrt(static_cast<double>(m_config.d_model)); // (B, T, d_model)
    const bool checkpoint = m_checkpointing && torch::GradMode::is_enabled();
    for (auto& block : m_blocks)
        x = checkpoint ? checkpointedBlockForward(*block, x) : block->forward(x);
    return norm->forward(x);
}

torch::Tensor MinimalLlmImpl::forward(const torch::Tensor& ids)
{
    return torch::matmul(hiddenStates(ids), token_embedding->weight.t()); // (B, T, vocab), tied head
}

torch::Tensor MinimalLlmImpl::loss(const torch::Tensor& ids)
{
    const int64_t T = ids.size(1);
    if (m_kernels == Kernels::Fused && ids.device().is_cpu()) {
        const auto hidden = hiddenStates(ids).slice(1, 0, T - 1); // (B, T-1, d_model)
        return linearCrossEntropy(hidden.reshape({-1, hidden.size(-1)}), token_embedding->weight,
                                  ids.slice(1, 1, T).reshape({-1}));
    }
    const auto logits = forward(ids);                       // (B, T, V)
    const auto predicted = logits.slice(1, 0, T - 1);       // (B, T-1, V)
    const auto targets = ids.slice(1, 1, T);                // (B, T-1)
    return torch::nn::functional::cross_entropy(predicted.reshape({-1, predicted.size(-1)}).to(opMathType(logits.scalar_type())),
                                                targets.reshape({-1}));
}

void MinimalLlmImpl::setKernels(Kernels kernels)
{
    m_kernels = kernels;
    const bool fused = kernels == Kernels::Fused;
    norm->setFused(fused);
    for (auto& block : m_blocks) {
        block->attention->setKernels(kernels);
        block->feed_forward->setFused(fused);
        block->norm1->setFused(fused);
        block->norm2->setFused(fused);
    }
}

void MinimalLlmImpl::setKeyCapture(KeyCapture* capture)
{
    for (auto& block : m_blocks)
        block->attention->setCapture(capture);
}

std::vector<torch::Tensor> MinimalLlmImpl::keyNormWeights() const
{
    std::vector<torch::Tensor> out;
    for (const auto& block : m_blocks)
        out.push_back(block->attention->k_norm ? block->attention->k_norm->weight : torch::Tensor());
    return out;
}

} // namespace qks
