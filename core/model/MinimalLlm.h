#pragma once

#include "config/Condition.h"
#include "config/StudyConfig.h"
#include "model/KeyCapture.h"
#include "model/Kernels.h"
#include "model/RmsNorm.h"
#include "model/TransformerBlock.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

namespace qks {

// The study's Gemma-style decoder ("MinimalLLM"). Parameter names equal the original PyTorch
// module's: token_embedding.weight, transformer_blocks.{i}.attention.qkvo_proj, ...,
// norm.weight. The LM head is tied to the embedding, so it has no parameter of its own.
class MinimalLlmImpl : public torch::nn::Module {
public:
    // Every Linear/Embedding weight and qkvo_proj ~ N(0, init_std); RMSNorm weights start at 1.
    // Drawn from the global CPU generator in the original's order: after torch::manual_seed(s)
    // the weights equal the original MinimalLLM(config)'s bit for bit (docs/design.md §1.3,
    // test_initial_weights).
    MinimalLlmImpl(const ModelConfig& config, QkNormMode mode);

    // ids (B, T) int64 → logits (B, T, vocab)
    torch::Tensor forward(const torch::Tensor& ids);

    // ids (B, T) → the final norm's output (B, T, d_model), without the LM head: enough for a
    // forward pass that only captures keys (the probe).
    torch::Tensor hiddenStates(const torch::Tensor& ids);

    // Mean next-token cross entropy over positions 0..T-2.
    torch::Tensor loss(const torch::Tensor& ids);

    // Fused by default; Reference for the golden test and the benchmark's same-process baseline.
    void setKernels(Kernels kernels);
    Kernels kernels() const { return m_kernels; }

    // Off by default. On, a forward pass that records gradients keeps only each block's input
    // and recomputes the block in backward (CheckpointedBlock): activation memory falls from
    // every block's intermediates to one block's. Chosen by train.activation_checkpointing.
    void setActivationCheckpointing(bool on) { m_checkpointing = on; }
    bool activationCheckpointing() const { return m_checkpointing; }

    // While set, each attention layer appends its keys to `capture` (nullptr stops it).
    void setKeyCapture(KeyCapture* capture);

    // The k_norm γ of every layer (undefined tensors for NoQK).
    std::vector<torch::Tensor> keyNormWeights() const;

    const ModelConfig& config() const { return m_config; }
    QkNormMode qkNormMode() const { return m_mode; }

    torch::nn::Embedding token_embedding{nullptr};
    torch::nn::ModuleList transformer_blocks{nullptr};
    RmsNorm norm{nullptr};

private:
    void drawDiscardedLmHead() const;
    void initWeights(); // the original's apply(_init_weights) pass

    ModelConfig m_config;
    QkNormMode m_mode;
    Kernels m_kernels = Kernels::Fused;
    bool m_checkpointing = false;
    std::vector<TransformerBlock> m_blocks;
};
TORCH_MODULE(MinimalLlm);

} // namespace qks
