#pragma once

#include "model/MinimalLlm.h"

#include <future>
#include <vector>

namespace qks {

// γ statistics of one layer's k_norm weight (docs/design.md §1.8).
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

// How a probe measures, beside the pre-RoPE keys it always takes. Its forward pass runs in
// fp32 on every device, outside autocast, as the original's did.
struct ProbeOptions {
    bool postRope = false; // also the keys after RoPE (probe.post_rope, probe.key_point post_rope)
};

// Runs the model on `probeIds` (B, T) with key capture on and measures each layer's keys.
KeyProbeResult probeKeys(MinimalLlm& model, const torch::Tensor& probeIds, ProbeOptions options = {});

// Every layer's PR in three parts, so that the middle one can run while training goes on:
// the Grams on the keys' device (one transfer), the float64 eigen-solves on the CPU, then
// σ_i = ‖K·v_i‖ on the keys' device. layerParticipationRatios is the three in a row.
torch::Tensor keyGrams(const std::vector<torch::Tensor>& layers);       // CPU (L, KV, d_k, d_k)
torch::Tensor gramEigenvectorsAll(const torch::Tensor& grams);          // same shape, one per column
std::vector<double> layerPrsFromEigenvectors(const std::vector<torch::Tensor>& layers, const torch::Tensor& vectors);

// A probe whose eigen-solves run on ATen's inter-op thread pool, off the training thread
// (docs/design.md §1.8's probe: on study-50m 256 problems of 128 × 128, ~0.9 s of one core). The forward
// pass, the Grams and the γ statistics happen in startKeyProbe, on the training thread, so the
// weights may change as soon as it returns; finish() waits for the solves and takes σ on the
// device from the captured keys, which the pending probe holds until then. The result equals
// probeKeys' exactly: the same solves, only elsewhere.
class PendingKeyProbe {
public:
    KeyProbeResult finish();
    bool solved() const;    // finish() will not wait for the solves
    double solveMs() const; // how long the solves took on the pool (waits for them)

private:
    friend PendingKeyProbe startKeyProbe(MinimalLlm&, const torch::Tensor&, ProbeOptions);
    struct Solved {
        torch::Tensor preRope, postRope; // eigenvectors, as gramEigenvectorsAll gives them
        double ms = 0;
    };
    std::vector<torch::Tensor> m_preRope, m_postRope; // the captured keys, on the device
    std::vector<LayerGamma> m_gamma;
    std::shared_future<Solved> m_solved;
};

PendingKeyProbe startKeyProbe(MinimalLlm& model, const torch::Tensor& probeIds, ProbeOptions options = {});

// Layer PR from captured keys (B, T, KV, d_k): mean over kv heads of PR = (Σσ)²/Σσ². Each
// head's d_k×d_k Gram KᵀK is formed in float64 on the keys' device, eigen-solved on the CPU
// (Eigen, float64), and σ_i = ‖K·v_i‖ taken back on the device (see
// participationRatioFromKeys). No SVD of the (B·T)×d_k matrix is needed.
double layerParticipationRatio(const torch::Tensor& keys);

// The same for every layer at once: all Grams first, then every layer's and head's eigenproblem
// in parallel on the CPU thread pool (study-50m: 32 × 8 problems of 128 × 128, ~0.9 s on one
// core), then the σ on the keys' device. Equal to layerParticipationRatio per layer, exactly.
std::vector<double> layerParticipationRatios(const std::vector<torch::Tensor>& layers);

} // namespace qks
