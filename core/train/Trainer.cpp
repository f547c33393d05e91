#include "train/Trainer.h"

#include "common/Elapsed.h"
#include "config/ConfigJson.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "results/ResultsJson.h"
#include "train/BatchOrder.h"
#include "train/Checkpoint.h"
#include "train/Device.h"
#include "train/KeyProbe.h"
#include "train/MicroStepper.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <torch/torch.h>

namespace qks {

namespace {

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

    const int64_t T = mc.max_seq_len;
    const int64_t B = tc.batch_size;
    if (m_data.trainCount() < 1)
        throw DataError("the training split is empty; prepare more data");
    if (m_data.valCount() < std::max(pc.batch, B))
        throw DataError("the validation split has " + std::to_string(m_data.valCount()) + " sequences but one batch (" +
                        std::to_string(B) + ") and the probe batch (" + std::to_string(pc.batch) +
                        ") need at least " + std::to_string(std::max(pc.batch, B)) +
                        "; prepare more data or lower train.batch_size / probe.batch");
    const int64_t valBatches = std::min(pc.val_batches, m_data.valCount() / B);
    if (valBatches < pc.val_batches)
        log("the validation split holds " + std::to_string(valBatches) + " batches of " + std::to_string(B) +
            "; val loss averages those instead of probe.val_batches = " + std::to_string(pc.val_batches));

    // ---- set-up: device, seed, model, optimizers, data order ----
    const torch::Device device = resolveDevice(tc.device);
    configureCpuThreads(tc.threads);
    const bool autocast = autocastOn(tc, device);
    torch::manual_seed(static_cast<uint64_t>(tc.seed));
    MinimalLlm model(mc, m_condition.mode);
    model->setKernels(kernelsNamed(tc.kernels));
    model->setActivationCheckpointing(activationCheckpointingFor(m_config, m_condition.mode, device));
    if (model->activationCheckpointing())
        log("activation checkpointing on (train.activation_checkpointing = " + tc.activation_checkpointing +
            "): each block is recomputed in backward");
    if (!m_initFrom.empty())
        loadModelWeights(model, SafetensorsFile::open(m_initFrom));
    model->to(device);
    StudyOptimizer optimizer(*model, tc);
    const int64_t shards = cpuShardsFor(tc, device, model->activationCheckpointing());
    if (shards > 1)
        log("each micro-batch of " + std::to_string(B) + " sequences trains as " + std::to_string(shards) +
            " shards side by side (train.cpu_shards = " + std::to_string(tc.cpu_shards) + ")");
    const bool cudaGraph = cudaGraphOn(tc, device);
    if (tc.cuda_graph && !cudaGraph)
        log("train.cuda_graph applies to CUDA devices only: on " + device.str() + " every micro-step runs eagerly");
    if (cudaGraph)
        log("each micro-step's forward and backward pass replays one CUDA graph, captured at the first micro-step "
            "(train.cuda_graph); the optimizer step runs eagerly");
    MicroStepper stepper(model, optimizer, tc.gradient_accumulation_steps, autocast, shards, cudaGraph);
    BatchOrder order(m_data.trainCount(), static_cast<uint64_t>(tc.seed));
    const torch::Tensor probeIds = gatherBatch(m_data, range(0, pc.batch), true, T, device);
    const std::filesystem::path checkpointDir = m_resultsPath.parent_path() / "checkpoints";

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

    double lossSum = 0.0;
    int64_t lossCount = 0;
    size_t nextProbe = 0;
    int64_t firstStep = 0;
    double elapsedBefore = 0.0; // wall time of the run before a resume

    // ---- resume: weights, optimizer, data position, running loss, results so far ----
    if (!m_resumeFrom.empty()) {
        loadModelWeights(model, SafetensorsFile::open(m_resumeFrom));
        const TrainerState state = loadTrainingState(m_resumeFrom, optimizer);
        if (state.tag != m_condition.tag)
            throw DataError(m_resumeFrom.string() + " belongs to condition " + state.tag + ", not " + m_condition.tag);
        const nlohmann::json savedConfig = configToJson(configFromJson(state.config));
        const nlohmann::json ourConfig = configToJson(m_config);
        for (const char* key : {"batch_size", "gradient_accumulation_steps", "seed"})
            if (savedConfig["train"][key] != ourConfig["train"][key])
                throw ConfigError(m_resumeFrom.string() + " was trained with train." + key + " = " + savedConfig["train"][key].dump() +
                                  "; resume with the run's own config.json");
        if (savedConfig["model"] != ourConfig["model"])
            throw ConfigError(m_resumeFrom.string() + " was trained with another model shape; resume with the run's own config.json");
        RunResults saved = readResults(m_resultsPath);
        if (static_cast<int64_t>(saved.tokens.size()) < state.probesDone)
            throw DataError(m_resultsPath.string() + " holds fewer probes than the checkpoint expects; it was changed after the checkpoint");
        saved.tokens.resize(state.probesDone);
        saved.loss.resize(state.probesDone);
        saved.val_loss.resize(state.probesDone);
        saved.mean_pr.resize(state.probesDone);
        for (auto& layer : saved.layer_pr)
            layer.resize(state.probesDone);
        for (auto& layer : saved.gamma_cv)
            layer.resize(state.probesDone);
        saved.gamma_final.reset();
        for (auto& [key, value] : saved.extra.items()) {
            if (value.is_array() && value.size() > static_cast<size_t>(state.probesDone))
                value.erase(value.begin() + state.probesDone, value.end());
            else if (value.is_object())
                for (auto& [layer, series] : value.items())
                    if (series.is_array() && series.size() > static_cast<size_t>(state.probesDone))
                        series.erase(series.begin() + state.probesDone, series.end());
        }
        results = std::move(saved);
        order.seek(state.orderEpoch, state.orderPosition);
        lossSum = state.lossSum;
        lossCount = state.lossCount;
        nextProbe = static_cast<size_t>(state.probesDone);
        firstStep = state.microStep;
        elapsedBefore = state.elapsedSeconds;
        stepper.setMicroSteps(state.microStep);
        log("resumed from " + m_resumeFrom.string() + " at micro-step " + std::to_string(firstStep));
    }
    log("training " + m_condition.tag + " (" + m_condition.label + ") on " + describeDevice(device) + ", " +
        std::to_string(m_plan.microSteps) + " micro-steps, " + std::to_string(m_plan.totalTokens()) + " tokens");

    const auto start = Clock::now();
    auto elapsed = [&] { return elapsedBefore + secondsSince(start); };

    // ---- probe: val loss and the keys now; the key PR once its solves are back ----
    // The eigen-solves run on the CPU pool while the next micro-step trains (PendingKeyProbe);
    // recordProbe then appends the probe to results.json. It runs before anything that needs
    // the results whole: a checkpoint, a stop, a failure, the end.
    struct Probing {
        ProbeEvent ev;
        PendingKeyProbe keys;
    };
    std::optional<Probing> probing;
    auto recordProbe = [&] {
        if (!probing)
            return;
        ProbeEvent ev = std::move(probing->ev);
        const KeyProbeResult keys = probing->keys.finish();
        probing.reset();
        ev.layerPr = keys.layerPr;
        ev.meanPr = keys.meanPr;
        for (const auto& g : keys.gamma)
            ev.gammaCv.push_back(g.cv);

        results.tokens.push_back(ev.tokens);
        results.loss.push_back(ev.trainLoss);
        results.val_loss.push_back(ev.valLoss);
        results.mean_pr.push_back(ev.meanPr);
        for (size_t l = 0; l < ev.layerPr.size(); ++l)
            results.layer_pr[l].push_back(ev.layerPr[l]);
        for (size_t l = 0; l < ev.gammaCv.size(); ++l)
            results.gamma_cv[l].push_back(ev.gammaCv[l]);
        results.extra["micro_steps"].push_back(ev.microStep);
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
    auto probe = [&](int64_t microStep) {
        recordProbe();
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
        probing.emplace(Probing{std::move(ev), startKeyProbe(model, probeIds, pc.post_rope, autocast)});
        probing->ev.elapsedSeconds = elapsed();
    };

    // ---- checkpoint: only at optimizer-step boundaries, where no gradient is pending ----
    auto checkpoint = [&](int64_t microStep) {
        recordProbe();
        TrainerState state;
        state.tag = m_condition.tag;
        state.microStep = microStep;
        state.tokens = microStep * m_plan.tokensPerMicroStep;
        state.orderEpoch = order.epoch();
        state.orderPosition = order.position();
        state.lossSum = lossSum;
        state.lossCount = lossCount;
        state.probesDone = static_cast<int64_t>(results.tokens.size());
        state.elapsedSeconds = elapsed();
        state.config = configToJson(m_config);
        const auto path = saveCheckpoint(checkpointDir, model, optimizer, state);
        pruneCheckpoints(checkpointDir, m_config.checkpoint.keep);
        log("checkpoint " + path.string());
    };
    const int64_t every = m_config.checkpoint.every_tokens;
    int64_t nextCheckpointTokens = every > 0 ? (firstStep * m_plan.tokensPerMicroStep / every + 1) * every : 0;

    // ---- the loop: one iteration per micro-step ----
    const int64_t accum = tc.gradient_accumulation_steps;
    for (int64_t step = firstStep; step < m_plan.microSteps; ++step) {
        if (nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[nextProbe] == step) {
            probe(step);
            ++nextProbe;
        }
        // A stop request finishes the current optimizer step, so the checkpoint holds no
        // half-accumulated gradient.
        if (m_cancel && m_cancel->cancelled() && step % accum == 0) {
            m_cancelled = true;
            recordProbe();
            if (m_config.checkpoint.at_end && step > firstStep)
                checkpoint(step);
            log("stopped at micro-step " + std::to_string(step) + "; results so far are in " + m_resultsPath.string());
            return results;
        }
        double lossValue = 0.0;
        try {
            lossValue = stepper.step(gatherBatch(m_data, order.next(B), false, T, device));
        } catch (...) {
            // Out of memory and the like: the probe taken before this step is still good.
            try {
                recordProbe();
            } catch (...) {
            }
            throw;
        }
        if (!std::isfinite(lossValue)) {
            // The weights this optimizer step started from gave the bad loss: a checkpoint of
            // them is no good to resume from, the ones before it are.
            removeCheckpointsAfter(checkpointDir, step - accum);
            recordProbe(); // measured before the bad step: worth keeping
            throw DivergedError(m_condition.tag + ": the loss became " + (std::isnan(lossValue) ? "NaN" : "infinite") +
                                " at micro-step " + std::to_string(step) + " (" +
                                std::to_string(step * m_plan.tokensPerMicroStep) +
                                " tokens). Lower train.muon_lr / train.adamw_lr or keep train.grad_clip on.");
        }
        lossSum += lossValue;
        ++lossCount;
        recordProbe(); // its solves had this micro-step to finish
        const int64_t done = step + 1;
        const int64_t tokens = done * m_plan.tokensPerMicroStep;
        if (every > 0 && done % accum == 0 && tokens >= nextCheckpointTokens && done < m_plan.microSteps) {
            checkpoint(done);
            nextCheckpointTokens = (tokens / every + 1) * every;
        }
        const double seconds = elapsed();
        emit(StepEvent{m_condition.tag, done, m_plan.microSteps, tokens, m_plan.totalTokens(), lossValue,
                       seconds > 0 ? static_cast<double>(tokens - firstStep * m_plan.tokensPerMicroStep) / secondsSince(start) : 0.0,
                       seconds});
    }
    if (nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[nextProbe] == m_plan.microSteps)
        probe(m_plan.microSteps);
    recordProbe();

    if (m_condition.mode == QkNormMode::Learned) {
        std::vector<std::vector<float>> finalGamma;
        for (const auto& gamma : model->keyNormWeights()) {
            const auto v = gamma.detach().to(torch::kFloat).cpu().contiguous();
            finalGamma.emplace_back(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
        }
        results.gamma_final = std::move(finalGamma);
        writeResults(results, m_resultsPath);
    }
    if (m_config.checkpoint.at_end)
        checkpoint(m_plan.microSteps);
    return results;
}

} // namespace qks
