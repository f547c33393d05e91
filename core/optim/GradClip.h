#pragma once

#include <torch/types.h>

#include <vector>

namespace qks {

// Global L2 grad-norm clipping with the semantics of torch.nn.utils.clip_grad_norm_:
// per-parameter norms, the norm of their stack, coef = max/(norm + 1e-6) clamped to 1, every
// grad multiplied by it. All in tensor ops (LibTorch's C++ version pulls the norm to the host
// and scales in double, which both stalls a GPU and rounds differently from PyTorch).
// Returns the total norm before clipping as a 0-dim tensor on the grads' device.
torch::Tensor clipGradNorm(const std::vector<torch::Tensor>& params, double maxNorm);

} // namespace qks
