#include "probe/KeyProbe.h"

#include "probe/GammaStats.h"
#include "probe/Spectral.h"

#include <ATen/Parallel.h>
#include <chrono>
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

torch::Tensor keyGrams(const std::vector<torch::Tensor>& layers)
{
    std::vector<torch::Tensor> grams;
    for (const auto& keys : layers) {
        const auto flat = headMajorKeys(keys);
        grams.push_back(torch::bmm(flat.transpose(1, 2), flat)); // (KV, d_k, d_k)
    }
    return torch::stack(grams).cpu().contiguous(); // (L, KV, d_k, d_k), one transfer
}

torch::Tensor gramEigenvectorsAll(const torch::Tensor& grams)
{
    // Every layer's heads in parallel, float64. The vectors, not the eigenvalues: σ_i = ‖K·v_i‖
    // is exact down to rank-deficient keys, where eigenvalues of KᵀK alone lose the small σ.
    const int64_t dk = grams.size(-1);
    const int64_t problems = grams.numel() / (dk * dk);
    auto vectors = torch::empty_like(grams);
    const double* gramData = grams.data_ptr<double>();
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
    return vectors;
}

std::vector<double> layerPrsFromEigenvectors(const std::vector<torch::Tensor>& layers, const torch::Tensor& vectors)
{
    std::vector<double> prs;
    for (size_t l = 0; l < layers.size(); ++l) {
        const auto& keys = layers[l];
        const int64_t kv = keys.size(2);
        const int64_t dk = keys.size(3);
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

std::vector<double> layerParticipationRatios(const std::vector<torch::Tensor>& layers)
{
    if (layers.empty())
        return {};
    return layerPrsFromEigenvectors(layers, gramEigenvectorsAll(keyGrams(layers)));
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

PendingKeyProbe startKeyProbe(MinimalLlm& model, const torch::Tensor& probeIds, ProbeOptions options)
{
    torch::NoGradGuard noGrad;
    KeyCapture capture;
    capture.wantPostRope = options.postRope;
    model->setKeyCapture(&capture);
    // Outside autocast, as the original probes: fp32 keys on every device (the caller runs no
    // autocast scope around a probe).
    model->hiddenStates(probeIds); // the keys are captured on the way; no logits needed
    model->setKeyCapture(nullptr);

    PendingKeyProbe pending;
    pending.m_preRope = std::move(capture.preRope);
    pending.m_postRope = std::move(capture.postRope);
    // Grams now, while the keys are the ones these weights give: on the device, then one
    // transfer each. An empty list (no post-RoPE keys asked for) solves nothing.
    const torch::Tensor preGrams = pending.m_preRope.empty() ? torch::Tensor() : keyGrams(pending.m_preRope);
    const torch::Tensor postGrams = pending.m_postRope.empty() ? torch::Tensor() : keyGrams(pending.m_postRope);

    for (const auto& gamma : model->keyNormWeights()) {
        if (!gamma.defined())
            continue;
        const auto values = gamma.detach().to(torch::kFloat).cpu().contiguous();
        const std::vector<float> v(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
        const GammaStats s = gammaStats(v);
        pending.m_gamma.push_back({s.mean, s.std, s.cv, s.min, s.max});
    }

    // The task owns its Grams and its promise: a probe dropped unfinished (training failed)
    // leaves it to run to the end harmlessly.
    auto promise = std::make_shared<std::promise<PendingKeyProbe::Solved>>();
    pending.m_solved = promise->get_future().share();
    // The task frees what it holds before it answers: once the answer is set, the training thread
    // may go on to end the process, and a tensor still being freed on the pool thread then would
    // race with the process's exit.
    at::launch([promise, pre = preGrams, post = postGrams]() mutable {
        std::exception_ptr failed;
        PendingKeyProbe::Solved solved;
        try {
            const auto t = std::chrono::steady_clock::now();
            if (pre.defined())
                solved.preRope = gramEigenvectorsAll(pre);
            if (post.defined())
                solved.postRope = gramEigenvectorsAll(post);
            solved.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
        } catch (...) {
            failed = std::current_exception();
        }
        pre.reset();
        post.reset();
        if (failed)
            promise->set_exception(failed);
        else
            promise->set_value(std::move(solved));
    });
    return pending;
}

bool PendingKeyProbe::solved() const
{
    return m_solved.valid() && m_solved.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

double PendingKeyProbe::solveMs() const
{
    return m_solved.get().ms;
}

KeyProbeResult PendingKeyProbe::finish()
{
    const Solved& solved = m_solved.get();
    torch::NoGradGuard noGrad;
    KeyProbeResult result;
    if (!m_preRope.empty())
        result.layerPr = layerPrsFromEigenvectors(m_preRope, solved.preRope);
    result.meanPr = mean(result.layerPr);
    if (!m_postRope.empty())
        result.postRopeLayerPr = layerPrsFromEigenvectors(m_postRope, solved.postRope);
    result.postRopeMeanPr = mean(result.postRopeLayerPr);
    result.gamma = m_gamma;
    return result;
}

KeyProbeResult probeKeys(MinimalLlm& model, const torch::Tensor& probeIds, ProbeOptions options)
{
    return startKeyProbe(model, probeIds, options).finish();
}

} // namespace qks
