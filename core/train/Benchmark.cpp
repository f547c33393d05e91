#include "train/Benchmark.h"

#include "common/Elapsed.h"
#include "common/Error.h"
#include "config/Condition.h"
#include "config/ParamCount.h"
#include "config/Validation.h"
#include "model/Attention.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/CudaGraphMicroStep.h"
#include "train/Device.h"
#include "train/Hardware.h"
#include "train/KeyProbe.h"
#include "train/ShardedMicroStep.h"

#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#if defined(QKS_WITH_CUDA) && __has_include(<c10/cuda/CUDACachingAllocator.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#define QKS_CUDA_MEMORY_STATS 1
#endif

namespace qks {

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void sync(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

// Dense bf16 peaks of GPUs this study is run on (vendor data sheets, SXM parts).
std::optional<double> guessPeakFlops(const std::string& description)
{
    if (description.find("H100") != std::string::npos || description.find("H200") != std::string::npos)
        return 989e12;
    if (description.find("A100") != std::string::npos)
        return 312e12;
    return std::nullopt;
}

int64_t maxResidentBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return int64_t(usage.ru_maxrss) * 1024;
}

double tokensPerSecond(double tokensPerOptimizerStep, double stepMs)
{
    return stepMs > 0 ? tokensPerOptimizerStep / (stepMs / 1000.0) : 0.0;
}

// One model and its optimizer, trained on the same ids over and over, each phase timed.
struct TimedTraining {
    TimedTraining(const ModelConfig& mc, const Condition& condition, const TrainConfig& tc, const torch::Device& device,
                  Kernels kernels)
        : model(makeModel(mc, condition, tc, device, kernels)), optimizer(*model, tc), device(device)
    {
    }

    static MinimalLlm makeModel(const ModelConfig& mc, const Condition& condition, const TrainConfig& tc,
                                const torch::Device& device, Kernels kernels)
    {
        torch::manual_seed(static_cast<uint64_t>(tc.seed));
        MinimalLlm m(mc, condition.mode);
        m->setKernels(kernels);
        m->to(device);
        return m;
    }

    void optimizerStep(const torch::Tensor& ids, int64_t accum, bool autocast, bool record)
    {
        const auto stepStart = Clock::now();
        for (int64_t m = 0; m < accum; ++m) {
            if (graph) {
                const auto t = Clock::now();
                graph->run(ids); // reads the loss: the replay is done
                if (record)
                    forwardBackward.push_back(msSince(t));
                continue;
            }
            if (sharded) {
                ShardedMicroStep::Times times;
                sharded->run(ids, 1.0 / static_cast<double>(accum), &times);
                if (record) {
                    forward.push_back(times.forwardMs);
                    backward.push_back(times.backwardMs);
                    forwardBackward.push_back(times.forwardMs + times.backwardMs);
                }
                continue;
            }
            auto t = Clock::now();
            torch::Tensor loss;
            {
                AutocastScope scope(device, autocast);
                loss = model->loss(ids);
            }
            sync(device);
            const double f = msSince(t);
            t = Clock::now();
            (loss / static_cast<double>(accum)).backward();
            sync(device);
            if (record) {
                forward.push_back(f);
                backward.push_back(msSince(t));
                forwardBackward.push_back(f + backward.back());
            }
        }
        const auto t = Clock::now();
        optimizer.step();
        optimizer.zeroGrad();
        sync(device);
        if (record) {
            update.push_back(msSince(t));
            perOptimizerStep.push_back(msSince(stepStart));
        }
    }

    MinimalLlm model;
    StudyOptimizer optimizer;
    std::unique_ptr<ShardedMicroStep> sharded;
    std::unique_ptr<CudaGraphMicroStep> graph;
    torch::Device device;
    std::vector<double> forward, backward, forwardBackward, update, perOptimizerStep;
};

} // namespace

double trainingFlopsPerToken(const ModelConfig& m)
{
    const double d = double(m.d_model), kv = double(m.n_kv_heads * m.d_k());
    const double perBlock = d * d + 2 * d * kv + d * d + 2 * d * double(m.d_ff); // q, k, v, o, FFN up/down
    const double matmulWeights = double(m.n_layers) * perBlock + double(m.vocab_size) * d; // + tied LM head
    return 6.0 * matmulWeights + 12.0 * double(m.n_layers) * d * double(m.max_seq_len);
}

BenchmarkReport runBenchmark(const StudyConfig& config, const BenchmarkOptions& options)
{
    requireValidConfig(config);
    const auto condition = conditionForTag(options.tag);
    if (!condition)
        throw ConfigError("bench: unknown condition " + options.tag + " (use QK, QK_frozen or NoQK)");
    const torch::Device device = resolveDevice(config.train.device);
    if (device.is_cpu())
        configureCpuThreads(config.train.threads);
    const ModelConfig& mc = config.model;
    const TrainConfig& tc = config.train;
    const bool autocast = autocastOn(tc, device);

    const Kernels kernels = kernelsNamed(tc.kernels);
    TimedTraining timed(mc, *condition, tc, device, kernels);
    std::optional<TimedTraining> baseline;
    if (options.compareWithReference)
        baseline.emplace(mc, *condition, tc, device, Kernels::Reference);
    const bool checkpointing = activationCheckpointingFor(config, condition->mode, device);
    timed.model->setActivationCheckpointing(checkpointing);
    if (baseline)
        baseline->model->setActivationCheckpointing(checkpointing);
    const int64_t shards = cpuShardsFor(tc, device, checkpointing);
    if (shards > 1)
        timed.sharded = std::make_unique<ShardedMicroStep>(timed.model, shards);
    if (cudaGraphOn(tc, device)) // captured in the first (untimed) warm-up step
        timed.graph = std::make_unique<CudaGraphMicroStep>(timed.model, tc.gradient_accumulation_steps, autocast);
    MinimalLlm& model = timed.model;
    const auto longOnDevice = torch::TensorOptions().dtype(torch::kLong).device(device);
    const torch::Tensor ids = torch::randint(mc.vocab_size, {tc.batch_size, mc.max_seq_len}, longOnDevice);
    const int64_t accum = tc.gradient_accumulation_steps;

    const int64_t optimizerSteps = std::max<int64_t>(1, (options.microSteps + accum - 1) / accum);
    for (int64_t s = 0; s < options.warmupSteps + optimizerSteps; ++s) {
        const bool record = s >= options.warmupSteps;
        // Interleaved step by step, first one then the other, so both see the same machine.
        if (baseline && s % 2 == 1)
            baseline->optimizerStep(ids, accum, autocast, record);
        timed.optimizerStep(ids, accum, autocast, record);
        if (baseline && s % 2 == 0)
            baseline->optimizerStep(ids, accum, autocast, record);
    }

    // The probe as the Trainer runs it: validation loss, then the keys of the probe batch, whose
    // eigen-solves run on the CPU pool. Timed apart: what holds up the training thread, and the
    // solves (waited for here, so that they do not overlap the finish).
    std::vector<double> probes, valLosses, keyProbes, keySolves;
    const torch::Tensor probeIds = torch::randint(mc.vocab_size, {config.probe.batch, mc.max_seq_len}, longOnDevice);
    for (int r = 0; options.probeRepeats > 0 && r < options.probeRepeats + 1; ++r) {
        const auto t = Clock::now();
        {
            torch::NoGradGuard noGrad;
            AutocastScope scope(device, autocast);
            for (int64_t b = 0; b < config.probe.val_batches; ++b)
                model->loss(ids).item<double>();
        }
        sync(device);
        const double valMs = msSince(t);
        const auto k = Clock::now();
        PendingKeyProbe pending = startKeyProbe(model, probeIds, config.probe.post_rope, autocast);
        sync(device);
        const double startMs = msSince(k);
        const double solveMs = pending.solveMs();
        const auto f = Clock::now();
        pending.finish();
        sync(device);
        const double keyMs = startMs + msSince(f);
        if (r > 0) { // the first one allocates
            probes.push_back(valMs + keyMs);
            valLosses.push_back(valMs);
            keyProbes.push_back(keyMs);
            keySolves.push_back(solveMs);
        }
    }

    BenchmarkReport report;
    report.device = describeDevice(device);
    for (const DeviceInfo& d : availableDevices()) {
        if (d.id == device.str())
            report.device = d.description;
    }
    report.parameters = parameterCount(mc, condition->mode);
    report.tokensPerMicroStep = tc.batch_size * mc.max_seq_len;
    report.microSteps = optimizerSteps * accum;
    const double stepMs = median(timed.perOptimizerStep);
    report.tokensPerSecond = tokensPerSecond(double(accum * report.tokensPerMicroStep), stepMs);
    report.kernels = kernels;
    report.cpuShards = shards;
    if (baseline)
        report.referenceTokensPerSecond =
            tokensPerSecond(double(accum * report.tokensPerMicroStep), median(baseline->perOptimizerStep));
    report.cudaGraph = timed.graph != nullptr;
    report.forwardMs = median(timed.forward);
    report.backwardMs = median(timed.backward);
    report.forwardBackwardMs = median(timed.forwardBackward);
    report.optimizerMs = median(timed.update);
    report.probeMs = median(probes);
    report.valLossMs = median(valLosses);
    report.keyProbeMs = median(keyProbes);
    report.keySolveMs = median(keySolves);
    // Training on the CPU, the pool's solves take the training's own cores: they count there.
    const double probeCostMs = report.probeMs + (device.is_cpu() ? report.keySolveMs : 0.0);
    const double betweenProbesMs = double(config.probe.every) * stepMs / double(accum);
    report.probeShare = betweenProbesMs > 0 ? probeCostMs / betweenProbesMs : 0.0;
    report.flopsPerToken = trainingFlopsPerToken(mc);
    report.peakFlops = options.peakFlops ? options.peakFlops : guessPeakFlops(report.device);
    if (device.is_cuda() && report.peakFlops)
        report.mfu = report.tokensPerSecond * report.flopsPerToken / *report.peakFlops;
#ifdef QKS_CUDA_MEMORY_STATS
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
        report.peakMemoryBytes = stats.allocated_bytes[0].peak; // aggregate pool
        report.peakMemorySource = "CUDA caching allocator, peak allocated";
    }
#endif
    if (report.peakMemorySource.empty()) {
        report.peakMemoryBytes = maxResidentBytes();
        report.peakMemorySource = device.is_cuda() ? "host max resident set (no CUDA allocator statistics in this build)"
                                                   : "process max resident set";
    }
    report.estimate =
        estimateTrainingMemory(config, condition->mode, device.is_cuda(), fusedAttentionOn(device), checkpointing);
    return report;
}

} // namespace qks
