#pragma once

#include <torch/types.h>

#include <vector>

namespace qks {

// Where attention layers leave their keys during a probe forward pass. The published probe
// hooks the k_norm output, before RoPE; post-RoPE keys are kept only when asked for.
struct KeyCapture {
    bool wantPostRope = false;
    std::vector<torch::Tensor> preRope;  // per layer: (B, T, KV, d_k), detached
    std::vector<torch::Tensor> postRope; // per layer, when wantPostRope
};

} // namespace qks
