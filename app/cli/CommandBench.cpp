#include "Commands.h"

#include "CliFormat.h"

#include "common/Error.h"
#include "train/Benchmark.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

nlohmann::ordered_json reportToJson(const BenchmarkReport& r, const StudyConfig& c, const std::string& tag)
{
    nlohmann::ordered_json j;
    j["device"] = r.device;
    j["condition"] = tag;
    j["parameters"] = r.parameters;
    j["tokens_per_micro_step"] = r.tokensPerMicroStep;
    j["gradient_accumulation_steps"] = c.train.gradient_accumulation_steps;
    j["timed_micro_steps"] = r.microSteps;
    j["tokens_per_second"] = r.tokensPerSecond;
    j["kernels"] = kernelsName(r.kernels);
    j["cpu_shards"] = r.cpuShards;
    if (r.referenceTokensPerSecond) {
        j["reference_kernels_tokens_per_second"] = *r.referenceTokensPerSecond;
        j["speedup_over_reference_kernels"] = r.tokensPerSecond / *r.referenceTokensPerSecond;
    }
    // One CUDA graph replays both passes at once: no separate figures then.
    const auto separate = [&](double ms) { return r.cudaGraph ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ms); };
    j["cuda_graph"] = r.cudaGraph;
    j["forward_ms_per_micro_step"] = separate(r.forwardMs);
    j["backward_ms_per_micro_step"] = separate(r.backwardMs);
    j["forward_and_backward_ms_per_micro_step"] = r.forwardBackwardMs;
    j["optimizer_ms_per_optimizer_step"] = r.optimizerMs;
    j["probe_ms"] = r.probeMs;
    j["probe_val_loss_ms"] = r.valLossMs;
    j["probe_key_pr_ms"] = r.keyProbeMs;
    j["probe_key_pr_solve_ms_off_training_thread"] = r.keySolveMs;
    j["probe_share_of_training_time"] = r.probeShare;
    j["flops_per_token"] = r.flopsPerToken;
    j["flops_formula"] = "6*N_matmul (block matrices + tied LM head) + 12*n_layers*d_model*seq_len";
    j["peak_flops"] = r.peakFlops ? nlohmann::ordered_json(*r.peakFlops) : nlohmann::ordered_json(nullptr);
    j["mfu"] = r.mfu ? nlohmann::ordered_json(*r.mfu) : nlohmann::ordered_json(nullptr);
    j["peak_memory_bytes"] = r.peakMemoryBytes;
    j["peak_memory_source"] = r.peakMemorySource;
    j["estimated_memory_bytes"] = memoryJson(r.estimate);
    j["activation_checkpointing"] = r.estimate.activationCheckpointing;
    return j;
}

} // namespace

int runBench(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"steps", "device", "condition", "json", "peak-tflops", "threads", "kernels", "compare-kernels"});
    args.allowOnly(known);
    StudyConfig config = configFromArgs(args, "tiny-cpu");
    if (const auto device = args.value("device"))
        config.train.device = *device;
    if (args.has("threads"))
        config.train.threads = args.intValueOr("threads", 0);
    BenchmarkOptions options;
    options.microSteps = args.intValueOr("steps", 32);
    if (options.microSteps < 1)
        throw UsageError("--steps must be at least 1");
    options.tag = args.valueOr("condition", "QK");
    if (const auto kernels = args.value("kernels"))
        config.train.kernels = *kernels; // validated with the rest of the configuration
    options.compareWithReference = args.has("compare-kernels");
    if (options.compareWithReference && config.train.kernels == "reference")
        throw UsageError("--compare-kernels measures the fused kernels against the reference ones; drop --kernels reference");
    if (const auto peak = args.value("peak-tflops")) {
        try {
            options.peakFlops = std::stod(*peak) * 1e12;
        } catch (const std::exception&) {
            throw UsageError("--peak-tflops must be a number (dense bf16 TFLOP/s of the device)");
        }
    }
    const BenchmarkReport r = runBenchmark(config, options);
    if (args.has("json")) {
        std::cout << reportToJson(r, config, options.tag).dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "device            " << r.device << "\n"
              << "model             " << withThousands(r.parameters) << " parameters (" << options.tag << "), B "
              << config.train.batch_size << " x T " << config.model.max_seq_len << ", accumulation "
              << config.train.gradient_accumulation_steps << "\n"
              << "tokens/s          " << withThousands(int64_t(r.tokensPerSecond + 0.5)) << "  (median over "
              << r.microSteps / config.train.gradient_accumulation_steps << " optimizer steps, " << kernelsName(r.kernels)
              << " kernels)\n";
    if (r.referenceTokensPerSecond)
        std::cout << "reference kernels " << withThousands(int64_t(*r.referenceTokensPerSecond + 0.5))
                  << "  (same process, optimizer steps interleaved): fused is "
                  << fixed(r.tokensPerSecond / *r.referenceTokensPerSecond, 2) << "x\n";
    if (r.cpuShards > 1)
        std::cout << "cpu shards        " << r.cpuShards
                  << " per micro-batch, side by side (forward and backward: the slowest shard's)\n";
    if (r.cudaGraph)
        std::cout << "forward+backward  " << fixed(r.forwardBackwardMs, 2)
                  << " ms / micro-step (one CUDA graph replay: the two are not timed apart)\n";
    else
        std::cout << "forward           " << fixed(r.forwardMs, 2) << " ms / micro-step\n"
                  << "backward          " << fixed(r.backwardMs, 2) << " ms / micro-step\n";
    std::cout << "optimizer         " << fixed(r.optimizerMs, 2) << " ms / optimizer step\n"
              << "probe             " << fixed(r.probeMs, 2) << " ms (" << fixed(100.0 * r.probeShare, 2)
              << "% of training time at probe.every = " << config.probe.every << "; validation loss "
              << fixed(r.valLossMs, 1) << " ms, key PR " << fixed(r.keyProbeMs, 1) << " ms)\n"
              << "                  + " << fixed(r.keySolveMs, 1)
              << " ms of key-PR eigen-solves on the CPU pool, off the training thread\n"
              << "FLOPs/token       " << fixed(r.flopsPerToken / 1e9, 3) << " GFLOP (6*N_matmul + 12*L*d*T)\n";
    if (r.mfu)
        std::cout << "MFU               " << fixed(100.0 * *r.mfu, 1) << "% of " << fixed(*r.peakFlops / 1e12, 0)
                  << " TFLOP/s\n";
    std::cout << "peak memory       " << formatBytes(r.peakMemoryBytes) << " (" << r.peakMemorySource << ")\n"
              << "estimated memory  " << formatBytes(r.estimate.total()) << " (" << memoryParts(r.estimate)
              << (r.estimate.activationCheckpointing ? ", blocks checkpointed" : "") << ")\n";
    return kExitOk;
}

} // namespace qks::cli
