#include "model/TransformerBlock.h"

#include <torch/torch.h>

namespace qks {

TransformerBlockImpl::TransformerBlockImpl(const ModelConfig& config, QkNormMode mode, const RotaryTable& rope)
{
    attention = register_module("attention", Attention(config, mode, rope));
    feed_forward = register_module("feed_forward", FeedForward(config.d_model, config.d_ff));
    norm1 = register_module("norm1", RmsNorm(config.d_model, true));
    norm2 = register_module("norm2", RmsNorm(config.d_model, true));
}

torch::Tensor TransformerBlockImpl::forward(torch::Tensor x)
{
    x = x + attention->forward(norm1->forward(x));
    return x + feed_forward->forward(norm2->forward(x));
}

} // namespace qks
