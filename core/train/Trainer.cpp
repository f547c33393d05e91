#include "train/Trainer.h"

#include "config/ConfigJson.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "results/ResultsJson.h"
#include "train/BatchOrder.h"
#include "train/Device.h"
#include "train/KeyProbe.h"
#include "train/MicroStepper.h"

#include <chrono>
#include <cmath>
#include <torch/torch.h>

namespace qks {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// (B, T) int64 batch of the given sequences, on `device`.
torch::Tensor gatherBatch(const TokenDataset& data, const std::vector<int64_t>& indices, bool validation,
                          int64_t seqLen, const torch::Device& device)
{
    auto batch = torch::empty({static_cast<int64_t>(indices.size()), seqLen}, torch::kLong);
    int64_t* out = batch.data_ptr<int64_t>();
    for (size_t i = 0; i < indices.size(); ++i) {
        if (validation)
            data.copyValSequence(indices[i], out + static_cast<int64_t>(i) * seqLen);
        else
            data.copyTrainSequence(indices[i], out + static_cast<int64_t>(i) * seqLen);
    }
    return batch.to(device);
}

std::vector<int64_t> range(int64_t first, int64_t count)
{
    std::vector<int64_t> v(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i)
        v[static_cast<size_t>(i)] = first + i;
    return v;
}

// Appends one per-layer value to an extra key shaped like layer_pr: {"0": [...], ...}.
void appendLayerSeries(nlohmann::ordered_json& extra, const std::string& key, const std::vector<double>& values)
{
    auto& series = extra[key];
    if (!series.is_object())
        series = nlohmann::ordered_json::object();
    for (size_t l = 0; l < values.size(); ++l)
        series[std::to_string(l)].push_back(values[l]);
}

} // namespace

Trainer::Trainer(StudyConfig config, Condition condition, const TokenDataset& data, std::filesystem::path resultsPath,
                 EventSink sink, std::shared_ptr<CancelToken> cancel)
    : m_config(std::move(config)), m_condition(std::move(condition)), m_data(data), m_resultsPath(std::move(resultsPath)),
      m_sink(std::move(sink)), m_cancel(std::move(cancel)), m_plan(makeRunPlan(m_config))
{
}

RunResults Trainer::run()
{
    const auto& mc = m_config.model;
    const auto& tc = m_config.train;
    const auto& pc = m_config.probe;
    auto emit = [&](TrainEvent e) {
        if (m_sink)
            m_sink(e);
    };
    auto log = [&](const std::string& message) { emit(LogEvent{m_condition.tag, message}); };

    // ---- set-up: device, seed, model, optimizers, data order ----
    const torch::Device device = resolveDevice(tc.device);
    configureCpuThreads(tc.threads);
    const bool autocast = tc.bf16_autocast && device.is_cuda();
    torch::manual_seed(static_cast<uint64_t>(tc.seed));
    MinimalLlm model(mc, m_condition.mode);
    model->to(device);
    StudyOptimizer optimizer(*model, tc);
    MicroStepper stepper(model, optimizer, tc.gradient_accumulation_steps, autocast);
    BatchOrder order(m_data.trainCount(), static_cast<uint64_t>(tc.seed));
    log("training " + m_condition.tag + " (" + m_condition.label + ") on " + describeDevice(device) + ", " +
        std::to_string(m_plan.microSteps) + " micro-steps, " + std::to_string(m_plan.totalTokens()) + " tokens");

    const int64_t T = mc.max_seq_len;
    const int64_t B = tc.batch_size;
    if (m_data.valCount() < pc.batch)
        throw DataError("the validation split has " + std::to_string(m_data.valCount()) + " sequences but probe.batch needs " +
                        std::to_string(pc.batch) + "; prepare more data or lower probe.batch");
    const torch::Tensor probeIds = gatherBatch(m_data, range(0, pc.batch), true, T, device);
    const int64_t valBatches = std::max<int64_t>(1, std::min(pc.val_batches, m_data.valCount() / B));

    RunResults results;
    results.tag = m_condition.tag;
    results.extra["label"] = m_condition.label;
    results.extra["config"] = configToJson(m_config);
    results.extra["micro_steps"] = nlohmann::ordered_json::array();
    results.extra["wall_time"] = nlohmann::ordered_json::array();
    const bool hasGamma = m_condition.mode != QkNormMode::None;
    results.layer_pr.assign(static_cast<size_t>(mc.n_layers), {});
    if (hasGamma)
        results.gamma_cv.assign(static_cast<size_t>(mc.n_layers), {});

    const auto start = Clock::now();
    double lossSum = 0.0;
    int64_t lossCount = 0;
    size_t nextProbe = 0;

    // ---- probe: val loss, key PR, γ statistics; then rewrite results.json ----
    auto probe = [&](int64_t microStep) {
        ProbeEvent ev;
        ev.tag = m_condition.tag;
        ev.index = static_cast<int64_t>(results.tokens.size());
        ev.microStep = microStep;
        ev.tokens = microStep * m_plan.tokensPerMicroStep;
        if (microStep > 0) {
            ev.trainLoss = lossCount > 0 ? std::optional<double>(lossSum / static_cast<double>(lossCount)) : std::nullopt;
            torch::NoGradGuard noGrad;
            AutocastScope scope(device, autocast);
            double valSum = 0.0;
            for (int64_t b = 0; b < valBatches; ++b)
                valSum += model->loss(gatherBatch(m_data, range(b * B, B), true, T, device)).item<double>();
            ev.valLoss = valSum / static_cast<double>(valBatches);
        }
        lossSum = 0.0;
        lossCount = 0;
        const KeyProbeResult keys = probeKeys(model, probeIds, pc.post_rope, autocast);
        ev.layerPr = keys.layerPr;
        ev.meanPr = keys.meanPr;
        for (const auto& g : keys.gamma)
            ev.gammaCv.push_back(g.cv);
        ev.elapsedSeconds = secondsSince(start);

        results.tokens.push_back(ev.tokens);
        results.loss.push_back(ev.trainLoss);
        results.val_loss.push_back(ev.valLoss);
        results.mean_pr.push_back(ev.meanPr);
        for (size_t l = 0; l < ev.layerPr.size(); ++l)
            results.layer_pr[l].push_back(ev.layerPr[l]);
        for (size_t l = 0; l < ev.gammaCv.size(); ++l)
            results.gamma_cv[l].push_back(ev.gammaCv[l]);
        results.extra["micro_steps"].push_back(microStep);
        results.extra["wall_time"].push_back(ev.elapsedSeconds);
        if (pc.post_rope) {
            results.extra["post_rope_mean_pr"].push_back(keys.postRopeMeanPr);
            appendLayerSeries(results.extra, "post_rope_layer_pr", keys.postRopeLayerPr);
        }
        if (hasGamma) {
            std::vector<double> means, stds, mins, maxs;
            for (const auto& g : keys.gamma) {
                means.push_back(g.mean);
                stds.push_back(g.std);
                mins.push_back(g.min);
                maxs.push_back(g.max);
            }
            appendLayerSeries(results.extra, "gamma_mean", means);
            appendLayerSeries(results.extra, "gamma_std", stds);
            appendLayerSeries(results.extra, "gamma_min", mins);
            appendLayerSeries(results.extra, "gamma_max", maxs);
        }
        writeResults(results, m_resultsPath);
        emit(ev);
    };

    // ---- the loop: one iteration per micro-step ----
    for (int64_t step = 0; step < m_plan.microSteps; ++step) {
        if (nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[nextProbe] == step) {
            probe(step);
            ++nextProbe;
        }
        if (m_cancel && m_cancel->cancelled()) {
            m_cancelled = true;
            log("stopped at micro-step " + std::to_string(step) + "; results so far are in " + m_resultsPath.string());
            return results;
        }
        const double lossValue = stepper.step(gatherBatch(m_data, order.next(B), false, T, device));
        if (!std::isfinite(lossValue))
            throw DivergedError(m_condition.tag + ": the loss became " + (std::isnan(lossValue) ? "NaN" : "infinite") +
                                " at micro-step " + std::to_string(step) + " (" +
                                std::to_string(step * m_plan.tokensPerMicroStep) + " tokens). Results up to the last probe are kept in " +
                                m_resultsPath.string() + ". Lower train.muon_lr / train.adamw_lr or keep train.grad_clip on.");
        lossSum += lossValue;
        ++lossCount;
        const double elapsed = secondsSince(start);
        const int64_t done = step + 1;
        emit(StepEvent{m_condition.tag, done, m_plan.microSteps, done * m_plan.tokensPerMicroStep, m_plan.totalTokens(),
                       lossValue, elapsed > 0 ? static_cast<double>(done * m_plan.tokensPerMicroStep) / elapsed : 0.0, elapsed});
    }
    if (nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[nextProbe] == m_plan.microSteps)
        probe(m_plan.microSteps);

    if (m_condition.mode == QkNormMode::Learned) {
        std::vector<std::vector<float>> finalGamma;
        for (const auto& gamma : model->keyNormWeights()) {
            const auto v = gamma.detach().to(torch::kFloat).cpu().contiguous();
            finalGamma.emplace_back(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
        }
        results.gamma_final = std::move(finalGamma);
        writeResults(results, m_resultsPath);
    }
    return results;
}

} // namespace qks
