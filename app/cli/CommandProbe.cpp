#include "Commands.h"

#include "common/Error.h"
#include "data/TokenDataset.h"
#include "probe/KeyProbe.h"
#include "train/CheckpointModel.h"
#include "train/Device.h"
#include "train/EvalBatches.h"

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
    const auto ids = probeBatch(data, batch).to(device);
    const KeyProbeResult r =
        probeKeys(loaded.model, ids, {.postRope = args.has("post-rope"), .autocast = autocastOn(loaded.config.train, device)});

    if (args.has("json")) {
        nlohmann::ordered_json j;
        j["checkpoint"] = *weights;
        j["condition"] = loaded.condition.tag;
        j["probe_sequences"] = batch;
        j["mean_pr"] = r.meanPr;
        j["layer_pr"] = r.layerPr;
        if (args.has("post-rope")) {
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
    std::printf("%s (%s), %lld probe sequences of %lld tokens\n", weights->c_str(), loaded.condition.tag.c_str(),
                static_cast<long long>(batch), static_cast<long long>(mc.max_seq_len));
    std::printf("layer   key PR%s%s\n", args.has("post-rope") ? "  post-RoPE" : "",
                r.gamma.empty() ? "" : "   γ mean   γ std    γ cv     γ min    γ max");
    for (size_t l = 0; l < r.layerPr.size(); ++l) {
        std::printf("%5zu  %7.3f", l, r.layerPr[l]);
        if (args.has("post-rope"))
            std::printf("  %9.3f", r.postRopeLayerPr[l]);
        if (!r.gamma.empty())
            std::printf("  %7.4f  %7.4f  %7.4f  %7.4f  %7.4f", r.gamma[l].mean, r.gamma[l].std, r.gamma[l].cv, r.gamma[l].min,
                        r.gamma[l].max);
        std::printf("\n");
    }
    std::printf(" mean  %7.3f", r.meanPr);
    if (args.has("post-rope"))
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
    const int64_t batches = args.intValueOr("batches", loaded.config.probe.val_batches);
    if (B < 1 || batches < 1)
        throw UsageError("--batches and --batch-size must be at least 1");
    const torch::Device device = resolveDevice(args.valueOr("device", "cpu"));
    configureCpuThreads(loaded.config.train.threads);
    const TokenDataset data = TokenDataset::open(args.valueOr("data", loaded.config.data.path), mc.max_seq_len, mc.vocab_size);
    if (B > data.valCount())
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences, fewer than one "
                        "batch of " + std::to_string(B) + "; use --batch-size " + std::to_string(data.valCount()) +
                        " or less");
    if (batches > data.valCount() / B) // compared so, B × batches cannot overflow
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences; --batches " +
                        std::to_string(batches) + " × --batch-size " + std::to_string(B) + " need more; ask for at most " +
                        std::to_string(data.valCount() / B) + " batches of " + std::to_string(B));
    loaded.model->to(device);
    const std::vector<double> perBatch =
        validationLosses(loaded.model, data, batches, B, device, autocastOn(loaded.config.train, device));
    double sum = 0.0;
    for (const double loss : perBatch)
        sum += loss;
    const double mean = sum / static_cast<double>(batches);
    if (args.has("json")) {
        nlohmann::ordered_json j{{"checkpoint", *weights}, {"condition", loaded.condition.tag}, {"batches", batches},
                                 {"batch_size", B}, {"loss", mean}, {"batch_losses", perBatch}};
        std::cout << j.dump(2) << "\n";
    } else {
        std::printf("%s (%s): mean loss %.6f over %lld validation batches of %lld sequences\n", weights->c_str(),
                    loaded.condition.tag.c_str(), mean, static_cast<long long>(batches), static_cast<long long>(B));
    }
    return kExitOk;
}

} // namespace qks::cli
