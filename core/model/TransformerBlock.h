#pragma once

#include "model/Attention.h"
#include "model/FeedForward.h"
#include "model/RmsNorm.h"

namespace qks {

// Pre-norm block: x + attn(norm1(x)), then x + ffn(norm2(x)). No dropout.
class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(const ModelConfig& config, QkNormMode mode, const RotaryTable& rope);
    torch::Tensor forward(torch::Tensor x); // (B, T, d_model)

    Attention attention{nullptr};
    FeedForward feed_forward{nullptr};
    RmsNorm norm1{nullptr};
    RmsNorm norm2{nullptr};
};
TORCH_MODULE(TransformerBlock);

} // namespace qks
