#include "train/KeyProbe.h"

#include "probe/GammaStats.h"
#include "probe/Spectral.h"
#include "train/Device.h"

#include <ATen/Parallel.h>
#include <numeric>
#include <torch/torch.h>

namespace qks {

namespace {

// (B, T, KV, d_k) keys → (KV, B·T, d_k) in float64 on the keys' device.
torch::Tensor headMajorKeys(const torch::Tensor& keys)
{
    return keys.to(torch::kDouble).reshape({-1, keys.size(2), keys.size(3)}).transpose(0, 1);
}

} // namespace

std::vector<double> layerParticipationRatios(const std::vector<torch::Tensor>& layers)
{
    if (layers.empty())
        return {};
    const int64_t kv = layers.front().size(2);
    const int64_t dk = layers.front().size(3);
    std::vector<torch::Tensor> grams;
    for (const auto& keys : layers) {
        const auto flat = headMajorKeys(keys);
        grams.push_back(torch::bmm(flat.transpose(1, 2), flat)); // (KV, d_k, d_k)
    }
    const auto allGrams = torch::stack(grams).cpu().contiguous(); // (L, KV, d_k, d_k), one transfer
    const int64_t problems = static_cast<int64_t>(layers.size()) * kv;

    // Eigenvectors on the CPU in float64, every layer's heads in parallel; then σ_i = ‖K·v_i‖
    // back on the keys' device: exact down to rank-deficient keys, where eigenvalues of KᵀK
    // alone lose the small σ.
    auto vectors = torch::empty_like(allGrams);
    const double* gramData = allGrams.data_ptr<double>();
    double* vectorData = vectors.data_ptr<double>();
    at::parallel_for(0, problems, 1, [&](int64_t begin, int64_t end) {
        for (int64_t p = begin; p < end; ++p) {
            const Eigen::MatrixXd v = gramEigenvectors(gramData + p * dk * dk, static_cast<int>(dk));
            double* out = vectorData + p * dk * dk; // row-major (d_k, d_k)
            for (int64_t i = 0; i < dk; ++i)
                for (int64_t j = 0; j < dk; ++j)
                    out[i * dk + j] = v(i, j);
        }
    });

    std::vector<double> prs;
    for (size_t l = 0; l < layers.size(); ++l) {
        const auto& keys = layers[l];
        // Converted to fp64 again rather than kept from the Gram pass: all layers' fp64 keys at
        // once would be 4.3 GB on study-50m.
        const auto sigma = torch::bmm(headMajorKeys(keys), vectors[static_cast<int64_t>(l)].to(keys.device()))
                               .norm(2, /*dim=*/{1})
                               .cpu()
                               .contiguous(); // (KV, d_k)
        double sum = 0.0;
        for (int64_t h = 0; h < kv; ++h) {
            const double* row = sigma.data_ptr<double>() + h * dk;
            sum += participationRatioFromSingularValues(std::vector<double>(row, row + dk));
        }
        prs.push_back(sum / static_cast<double>(kv));
    }
    return prs;
}

double layerParticipationRatio(const torch::Tensor& keys)
{
    return layerParticipationRatios({keys}).front();
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
    result.layerPr = layerParticipationRatios(capture.preRope);
    result.meanPr = mean(result.layerPr);
    result.postRopeLayerPr = layerParticipationRatios(capture.postRope);
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
