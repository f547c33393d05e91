#include "Commands.h"

#include "common/Error.h"
#include "data/TokenDataset.h"
#include "probe/KeyProbe.h"
#include "train/CheckpointModel.h"
#include "train/Device.h"
#include "train/EvalBatches.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace qks::cli {

int runProbe(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"checkpoint", "data", "batch", "post-rope", "condition", "device", "json"});
    args.allowOnly(known);
    const auto weights = args.value("checkpoint");
    if (!weights)
        throw UsageError("probe needs --checkpoint FILE.safetensors");
    CheckpointModel loaded = loadCheckpointModel(*weights, configFromArgs(args, "study-50m"), args.value("condition"));
    const std::string dataPath = args.valueOr("data", loaded.config.data.path);
    const int64_t batch = args.intValueOr("batch", loaded.config.probe.batch);
    if (batch < 1)
        throw UsageError("--batch must be at least 1 (is " + std::to_string(batch) + "): the probe needs sequences");
    const torch::Device device = resolveDevice(args.valueOr("device", "cpu"));
    configureCpuThreads(loaded.config.train.threads);
    const auto& mc = loaded.config.model;
    const TokenDataset data = TokenDataset::open(dataPath, mc.max_seq_len, mc.vocab_size);
    loaded.model->to(device);
    const auto ids = probeBatch(data, batch, loaded.config.train.seed).to(device);
    // As a run probes: outside autocast, and measuring the run's key point (probe.key_point).
    const bool postRopePrimary = loaded.config.probe.key_point == "post_rope";
    KeyProbeResult r = probeKeys(loaded.model, ids, {.postRope = args.has("post-rope") || postRopePrimary});
    if (postRopePrimary) {
        std::swap(r.layerPr, r.postRopeLayerPr);
        std::swap(r.meanPr, r.postRopeMeanPr);
    }

    if (args.has("json")) {
        nlohmann::ordered_json j;
        j["checkpoint"] = *weights;
        j["condition"] = loaded.condition.tag;
        j["probe_sequences"] = batch;
        j["key_point"] = loaded.config.probe.key_point;
        j["mean_pr"] = r.meanPr;
        j["layer_pr"] = r.layerPr;
        if (postRopePrimary) {
            j["pre_rope_mean_pr"] = r.postRopeMeanPr;
            j["pre_rope_layer_pr"] = r.postRopeLayerPr;
        } else if (args.has("post-rope")) {
            j["post_rope_mean_pr"] = r.postRopeMeanPr;
            j["post_rope_layer_pr"] = r.postRopeLayerPr;
        }
        auto gammas = nlohmann::ordered_json::array();
        for (const auto& g : r.gamma)
            gammas.push_back({{"mean", g.mean}, {"std", g.std}, {"cv", g.cv}, {"min", g.min}, {"max", g.max}});
        j["gamma"] = gammas;
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("%s (%s), %lld probe sequences of %lld tokens, %s keys\n", weights->c_str(), loaded.condition.tag.c_str(),
                static_cast<long long>(batch), static_cast<long long>(mc.max_seq_len),
                postRopePrimary ? "post-RoPE" : "pre-RoPE");
    const bool second = args.has("post-rope") || postRopePrimary;
    std::printf("layer   key PR%s%s\n", postRopePrimary ? "   pre-RoPE" : args.has("post-rope") ? "  post-RoPE" : "",
                r.gamma.empty() ? "" : "   γ mean   γ std    γ cv     γ min    γ max");
    for (size_t l = 0; l < r.layerPr.size(); ++l) {
        std::printf("%5zu  %7.3f", l, r.layerPr[l]);
        if (second)
            std::printf("  %9.3f", r.postRopeLayerPr[l]);
        if (!r.gamma.empty())
            std::printf("  %7.4f  %7.4f  %7.4f  %7.4f  %7.4f", r.gamma[l].mean, r.gamma[l].std, r.gamma[l].cv, r.gamma[l].min,
                        r.gamma[l].max);
        std::printf("\n");
    }
    std::printf(" mean  %7.3f", r.meanPr);
    if (second)
        std::printf("  %9.3f", r.postRopeMeanPr);
    std::printf("\n");
    return kExitOk;
}

int runEval(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"checkpoint", "data", "batches", "batch-size", "condition", "device", "json"});
    args.allowOnly(known);
    const auto weights = args.value("checkpoint");
    if (!weights)
        throw UsageError("eval needs --checkpoint FILE.safetensors");
    CheckpointModel loaded = loadCheckpointModel(*weights, configFromArgs(args, "study-50m"), args.value("condition"));
    const auto& mc = loaded.config.model;
    const int64_t B = args.intValueOr("batch-size", loaded.config.train.batch_size);
    int64_t batches = args.intValueOr("batches", std::max<int64_t>(1, loaded.config.probe.val_batches));
    if (B < 1 || batches < 1)
        throw UsageError("--batches and --batch-size must be at least 1");
    const torch::Device device = resolveDevice(args.valueOr("device", "cpu"));
    configureCpuThreads(loaded.config.train.threads);
    const TokenDataset data = TokenDataset::open(args.valueOr("data", loaded.config.data.path), mc.max_seq_len, mc.vocab_size);
    // Without --batches, as many as the run averaged: probe.val_batches, or what the split holds.
    if (!args.has("batches") && B <= data.valCount())
        batches = validationBatchCount(data, batches, B);
    if (B > data.valCount())
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences, fewer than one "
                        "batch of " + std::to_string(B) + "; use --batch-size " + std::to_string(data.valCount()) +
                        " or less");
    if (batches > data.valCount() / B) // compared so, B × batches cannot overflow
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences; --batches " +
                        std::to_string(batches) + " × --batch-size " + std::to_string(B) + " need more; ask for at most " +
                        std::to_string(data.valCount() / B) + " batches of " + std::to_string(B));
    loaded.model->to(device);
    // The draw the run's probe at this checkpoint's micro-step made (probe.val_sampling).
    ValidationDraw draw = validationDrawFor(loaded.config, batches);
    draw.batchSize = B;
    const int64_t microStep = loaded.tokens / std::max<int64_t>(1, loaded.config.train.batch_size * mc.max_seq_len);
    const std::vector<double> perBatch = validationLosses(loaded.model, data, validationSequences(data, draw, microStep), B,
                                                          device, autocastOn(loaded.config.train, device));
    double sum = 0.0;
    for (const double loss : perBatch)
        sum += loss;
    const double mean = sum / static_cast<double>(batches);
    if (args.has("json")) {
        nlohmann::ordered_json j{{"checkpoint", *weights},  {"condition", loaded.condition.tag},
                                 {"batches", batches},      {"batch_size", B},
                                 {"val_sampling", loaded.config.probe.val_sampling}, {"micro_step", microStep},
                                 {"loss", mean},            {"batch_losses", perBatch}};
        std::cout << j.dump(2) << "\n";
    } else {
        std::printf("%s (%s): mean loss %.6f over %lld validation batches of %lld sequences\n", weights->c_str(),
                    loaded.condition.tag.c_str(), mean, static_cast<long long>(batches), static_cast<long long>(B));
    }
    return kExitOk;
}

} // namespace qks::cli
