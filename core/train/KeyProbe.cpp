#include "train/KeyProbe.h"

#include "probe/GammaStats.h"
#include "probe/Spectral.h"
#include "train/Device.h"

#include <numeric>
#include <torch/torch.h>

namespace qks {

double layerParticipationRatio(const torch::Tensor& keys)
{
    const int64_t kv = keys.size(2);
    const int64_t dk = keys.size(3);
    const auto flat = keys.to(torch::kDouble).reshape({-1, kv, dk}).transpose(0, 1); // (KV, B·T, d_k)
    const auto grams = torch::bmm(flat.transpose(1, 2), flat).cpu().contiguous();   // (KV, d_k, d_k)

    // Eigenvectors on the CPU in float64, then σ_i = ‖K·v_i‖ back on the keys' device:
    // exact down to rank-deficient keys, where eigenvalues of KᵀK alone lose the small σ.
    auto vectors = torch::empty({kv, dk, dk}, torch::kDouble);
    for (int64_t h = 0; h < kv; ++h) {
        const Eigen::MatrixXd v = gramEigenvectors(grams.data_ptr<double>() + h * dk * dk, static_cast<int>(dk));
        double* out = vectors.data_ptr<double>() + h * dk * dk; // row-major (d_k, d_k)
        for (int64_t i = 0; i < dk; ++i)
            for (int64_t j = 0; j < dk; ++j)
                out[i * dk + j] = v(i, j);
    }
    const auto sigma = torch::bmm(flat, vectors.to(keys.device())).norm(2, /*dim=*/{1}).cpu().contiguous(); // (KV, d_k)
    double sum = 0.0;
    for (int64_t h = 0; h < kv; ++h) {
        const double* row = sigma.data_ptr<double>() + h * dk;
        sum += participationRatioFromSingularValues(std::vector<double>(row, row + dk));
    }
    return sum / static_cast<double>(kv);
}

namespace {

double mean(const std::vector<double>& v)
{
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

} // namespace

KeyProbeResult probeKeys(MinimalLlm& model, const torch::Tensor& probeIds, bool postRope, bool autocast)
{
    torch::NoGradGuard noGrad;
    KeyCapture capture;
    capture.wantPostRope = postRope;
    model->setKeyCapture(&capture);
    {
        AutocastScope scope(probeIds.device(), autocast);
        model->hiddenStates(probeIds); // the keys are captured on the way; no logits needed
    }
    model->setKeyCapture(nullptr);

    KeyProbeResult result;
    for (const auto& keys : capture.preRope)
        result.layerPr.push_back(layerParticipationRatio(keys));
    result.meanPr = mean(result.layerPr);
    for (const auto& keys : capture.postRope)
        result.postRopeLayerPr.push_back(layerParticipationRatio(keys));
    result.postRopeMeanPr = mean(result.postRopeLayerPr);

    for (const auto& gamma : model->keyNormWeights()) {
        if (!gamma.defined())
            continue;
        const auto values = gamma.detach().to(torch::kFloat).cpu().contiguous();
        const std::vector<float> v(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
        const GammaStats s = gammaStats(v);
        result.gamma.push_back({s.mean, s.std, s.cv, s.min, s.max});
    }
    return result;
}

} // namespace qks
