#include "train/Benchmark.h"

#include "common/Elapsed.h"
#include "common/Error.h"
#include "config/Condition.h"
#include "config/ParamCount.h"
#include "config/Validation.h"
#include "model/Autocast.h"
#include "probe/KeyProbe.h"
#include "train/Device.h"
#include "train/Hardware.h"
#include "train/TrainingSetup.h"

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

// One run's set-up, trained on the same ids over and over, each phase of its micro-steps timed.
struct TimedTraining {
    TimedTraining(const StudyConfig& config, QkNormMode mode, const SetupOptions& options) : setup(config, mode, options) {}

    void optimizerStep(const torch::Tensor& ids, bool record)
    {
        const auto stepStart = Clock::now();
        for (int64_t m = 0; m < setup.stepMode.accumulation; ++m) {
            StepTimes times;
            setup.stepper.step(ids, &times);
            if (!record)
                continue;
            if (!setup.stepMode.cudaGraph) { // a graph replays both passes as one
                forward.push_back(times.forwardMs);
                backward.push_back(times.backwardMs);
            }
            forwardBackward.push_back(times.forwardBackwardMs);
            if (times.optimizerStepped)
                update.push_back(times.optimizerMs);
        }
        if (record)
            perOptimizerStep.push_back(msSince(stepStart));
    }

    TrainingSetup setup;
    std::vector<double> forward, backward, forwardBackward, update, perOptimizerStep;
};

// The probe as the Trainer runs it: validation loss, then the keys of the probe batch, whose
// eigen-solves run on the CPU pool. Timed apart: what holds up the training thread, and the
// solves (waited for here, so that they do not overlap the finish). The first one allocates
// and is not counted.
struct ProbeTimes {
    std::vector<double> total, valLoss, keys, solves;
};

ProbeTimes timeProbes(const StudyConfig& config, TrainingSetup& setup, const torch::Tensor& ids, int repeats)
{
    const ModelConfig& mc = config.model;
    const torch::Device& device = setup.device;
    const bool autocast = setup.stepMode.autocast;
    const auto longOnDevice = torch::TensorOptions().dtype(torch::kLong).device(device);
    const torch::Tensor probeIds = torch::randint(mc.vocab_size, {config.probe.batch, mc.max_seq_len}, longOnDevice);
    ProbeTimes times;
    for (int r = 0; repeats > 0 && r < repeats + 1; ++r) {
        const auto t = Clock::now();
        {
            torch::NoGradGuard noGrad;
            AutocastScope scope(device, autocast);
            for (int64_t b = 0; b < config.probe.val_batches; ++b)
                setup.model->loss(ids).item<double>();
        }
        sync(device);
        const double valMs = msSince(t);
        const auto k = Clock::now();
        PendingKeyProbe pending =
            startKeyProbe(setup.model, probeIds, {.postRope = config.probe.post_rope || config.probe.key_point == "post_rope"});
        sync(device);
        const double startMs = msSince(k);
        const double solveMs = pending.solveMs();
        const auto f = Clock::now();
        pending.finish();
        sync(device);
        const double keyMs = startMs + msSince(f);
        if (r > 0) {
            times.total.push_back(valMs + keyMs);
            times.valLoss.push_back(valMs);
            times.keys.push_back(keyMs);
            times.solves.push_back(solveMs);
        }
    }
    return times;
}

// The device's name, its memory peak, and where that figure comes from.
void reportDeviceAndMemory(BenchmarkReport& report, const torch::Device& device)
{
    report.device = describeDevice(device);
    for (const DeviceInfo& d : availableDevices()) {
        if (d.id == device.str())
            report.device = d.description;
    }
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
}

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
    const ModelConfig& mc = config.model;
    const TrainConfig& tc = config.train;
    // A CUDA graph is captured in the first (untimed) warm-up step. The reference baseline runs
    // eager steps with the reference kernels.
    TimedTraining timed(config, condition->mode, {});
    std::optional<TimedTraining> baseline;
    if (options.compareWithReference)
        baseline.emplace(config, condition->mode, SetupOptions{.kernels = Kernels::Reference, .path = StepPath::Eager});
    const torch::Device device = timed.setup.device;
    const auto longOnDevice = torch::TensorOptions().dtype(torch::kLong).device(device);
    const torch::Tensor ids = torch::randint(mc.vocab_size, {tc.batch_size, mc.max_seq_len}, longOnDevice);
    const int64_t accum = tc.gradient_accumulation_steps;
    const int64_t optimizerSteps = std::max<int64_t>(1, (options.microSteps + accum - 1) / accum);
    for (int64_t s = 0; s < options.warmupSteps + optimizerSteps; ++s) {
        const bool record = s >= options.warmupSteps;
        // Interleaved step by step, first one then the other, so both see the same machine.
        if (baseline && s % 2 == 1)
            baseline->optimizerStep(ids, record);
        timed.optimizerStep(ids, record);
        if (baseline && s % 2 == 0)
            baseline->optimizerStep(ids, record);
    }
    const ProbeTimes probes = timeProbes(config, timed.setup, ids, options.probeRepeats);

    BenchmarkReport report;
    report.parameters = parameterCount(mc, condition->mode);
    report.tokensPerMicroStep = tc.batch_size * mc.max_seq_len;
    report.microSteps = optimizerSteps * accum;
    const double stepMs = median(timed.perOptimizerStep);
    report.tokensPerSecond = tokensPerSecond(double(accum * report.tokensPerMicroStep), stepMs);
    report.kernels = kernelsNamed(tc.kernels);
    report.cpuShards = timed.setup.stepMode.cpuShards;
    if (baseline)
        report.referenceTokensPerSecond =
            tokensPerSecond(double(accum * report.tokensPerMicroStep), median(baseline->perOptimizerStep));
    report.cudaGraph = timed.setup.stepMode.cudaGraph;
    report.forwardMs = median(timed.forward);
    report.backwardMs = median(timed.backward);
    report.forwardBackwardMs = median(timed.forwardBackward);
    report.optimizerMs = median(timed.update);
    report.probeMs = median(probes.total);
    report.valLossMs = median(probes.valLoss);
    report.keyProbeMs = median(probes.keys);
    report.keySolveMs = median(probes.solves);
    // Training on the CPU, the pool's solves take the training's own cores: they count there.
    const double probeCostMs = report.probeMs + (device.is_cpu() ? report.keySolveMs : 0.0);
    const double betweenProbesMs = double(config.probe.every) * stepMs / double(accum);
    report.probeShare = betweenProbesMs > 0 ? probeCostMs / betweenProbesMs : 0.0;
    report.flopsPerToken = trainingFlopsPerToken(mc);
    reportDeviceAndMemory(report, device);
    report.peakFlops = options.peakFlops ? options.peakFlops : guessPeakFlops(report.device);
    if (device.is_cuda() && report.peakFlops)
        report.mfu = report.tokensPerSecond * report.flopsPerToken / *report.peakFlops;
    report.estimate = estimateTrainingMemory(config, condition->mode, memoryTargetFor(device), timed.setup.activations);
    return report;
}

} // namespace qks
