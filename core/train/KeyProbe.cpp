#include "train/KeyProbe.h"

#include "probe/GammaStats.h"
#include "probe/Spectral.h"
#include "train/Device.h"

#include <numeric>
#include <torch/torch.h>

namespace qks {

torch::Tensor keyGrams(const torch::Tensor& keys)
{
    const int64_t kv = keys.size(2);
    const int64_t dk = keys.size(3);
    const auto flat = keys.to(torch::kDouble).reshape({-1, kv, dk}).transpose(0, 1); // (KV, B·T, d_k)
    return torch::bmm(flat.transpose(1, 2), flat).cpu().contiguous();                 // (KV, d_k, d_k)
}

double layerParticipationRatio(const torch::Tensor& keys)
{
    const auto grams = keyGrams(keys);
    const int64_t kv = grams.size(0);
    const int dk = static_cast<int>(grams.size(1));
    const double* data = grams.data_ptr<double>();
    double sum = 0.0;
    for (int64_t h = 0; h < kv; ++h)
        sum += participationRatioFromGram(data + h * dk * dk, dk);
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
        model->forward(probeIds);
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
