#pragma once

#include <torch/types.h>

namespace qks {

// Mean cross entropy of the tied LM head's logits, hidden (N, d) · weight (V, d)ᵀ against
// targets (N), without autograd's (N, V) intermediates: the forward pass forms the logits
// once, turns them into softmax − one-hot in place and, when a gradient is wanted, takes both
// head gradients right away, so backward only scales them. On the CPU this removes the logits'
// slice copy, the log-softmax backward and two full (N, V) zero fills per micro-step.
// fp32 or fp64, no autocast. Equal to log_softmax + nll_loss up to rounding (test_model).
torch::Tensor linearCrossEntropy(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets);

} // namespace qks
