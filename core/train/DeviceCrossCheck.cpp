#include "train/DeviceCrossCheck.h"

#include "config/Validation.h"
#include "probe/KeyProbe.h"
#include "train/Device.h"
#include "train/TrainingSetup.h"

#include <algorithm>
#include <cmath>
#include <torch/torch.h>

namespace qks {

namespace {

struct DeviceRun {
    std::vector<double> losses;
    double initialPr = 0;
};

// TrainingSetup draws the weights on the CPU from the seed and then moves them, so both devices
// start from bit-identical parameters whatever their random generators do. Each micro-batch
// trains in one pass on both sides; the candidate keeps a configured CUDA graph.
DeviceRun trainOn(const StudyConfig& config, const std::string& device, StepPath path,
                  const std::vector<torch::Tensor>& batches)
{
    TrainingSetup setup(config, QkNormMode::Learned, {.device = device, .path = path});
    DeviceRun run;
    run.initialPr = probeKeys(setup.model, batches.front().to(setup.device), {}).meanPr;
    for (const auto& batch : batches)
        run.losses.push_back(setup.stepper.step(batch.to(setup.device)));
    return run;
}

double relativeDifference(double a, double b)
{
    const double scale = std::max(std::abs(a), std::abs(b));
    return scale > 0 ? std::abs(a - b) / scale : 0.0;
}

} // namespace

CrossCheckReport crossCheckDevices(const StudyConfig& config, const std::string& candidateDevice,
                                   const std::string& referenceDevice, int64_t microSteps)
{
    requireValidConfig(config);
    const torch::Device candidate = resolveDevice(candidateDevice);
    const torch::Device reference = resolveDevice(referenceDevice);
    configureCpuThreads(config.train.threads);

    torch::Generator generator = at::detail::createCPUGenerator(static_cast<uint64_t>(config.train.seed) + 1);
    // Two batches in turn: random tokens cannot be learned, but two batches can be memorised, so
    // the loss falls and the optimizers' arithmetic is compared, not only the forward pass.
    std::vector<torch::Tensor> distinct;
    for (int i = 0; i < 2; ++i)
        distinct.push_back(torch::randint(config.model.vocab_size, {config.train.batch_size, config.model.max_seq_len},
                                          generator, torch::kLong));
    std::vector<torch::Tensor> batches;
    for (int64_t s = 0; s < microSteps; ++s)
        batches.push_back(distinct[static_cast<size_t>(s % 2)]);

    CrossCheckReport report;
    report.candidate = describeDevice(candidate);
    report.reference = describeDevice(reference);
    report.candidateAutocast = autocastOn(config.train, candidate);
    report.candidateCudaGraph = cudaGraphOn(config.train, candidate);
    const bool referenceAutocast = autocastOn(config.train, reference);
    const DeviceRun a = trainOn(config, candidateDevice, StepPath::Unsharded, batches);
    const DeviceRun b = trainOn(config, referenceDevice, StepPath::Eager, batches);
    report.candidateLosses = a.losses;
    report.referenceLosses = b.losses;
    report.candidateInitialPr = a.initialPr;
    report.referenceInitialPr = b.initialPr;
    for (size_t i = 0; i < a.losses.size(); ++i)
        report.maxLossRelativeDifference =
            std::max(report.maxLossRelativeDifference, relativeDifference(a.losses[i], b.losses[i]));
    report.prRelativeDifference = relativeDifference(a.initialPr, b.initialPr);
    // bf16 keeps 8 mantissa bits (relative rounding 2^-9 ≈ 2e-3 per operation); through a few
    // layers and steps that grows to about 1%. In fp32 on both sides only summation order differs.
    report.tolerance = report.candidateAutocast || referenceAutocast ? 2e-2 : 1e-5;
    const bool finite = std::all_of(a.losses.begin(), a.losses.end(), [](double v) { return std::isfinite(v); });
    report.agree = finite && report.maxLossRelativeDifference <= report.tolerance &&
                   report.prRelativeDifference <= report.tolerance;
    return report;
}

} // namespace qks
