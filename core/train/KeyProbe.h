#pragma once

#include "model/MinimalLlm.h"

#include <vector>

namespace qks {

// γ statistics of one layer's k_norm weight (DESIGN §1).
struct LayerGamma {
    double mean = 0, std = 0, cv = 0, min = 0, max = 0;
};

// What one probe measures on the fixed probe batch.
struct KeyProbeResult {
    std::vector<double> layerPr;         // mean over kv heads of PR, per layer (pre-RoPE keys)
    double meanPr = 0.0;                 // mean over layers
    std::vector<double> postRopeLayerPr; // same for post-RoPE keys, when asked for
    double postRopeMeanPr = 0.0;
    std::vector<LayerGamma> gamma;       // per layer; empty for NoQK
};

// Runs the model on `probeIds` (B, T) with key capture on, forms each kv head's d_k×d_k Gram
// KᵀK in float64 on the model's device, and takes the eigenvalues on the CPU (Eigen, float64):
// PR = (Σσ)²/Σσ² with σ² = λ. No SVD of the (B·T)×d_k matrix is needed.
KeyProbeResult probeKeys(MinimalLlm& model, const torch::Tensor& probeIds, bool postRope, bool autocast);

// Per kv head Gram matrices of captured keys: (B, T, KV, d_k) → (KV, d_k, d_k) float64 on CPU.
torch::Tensor keyGrams(const torch::Tensor& keys);

// Layer PR from its captured keys: mean over kv heads.
double layerParticipationRatio(const torch::Tensor& keys);

} // namespace qks
