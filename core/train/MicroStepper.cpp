#include "train/MicroStepper.h"

#include "common/Elapsed.h"
#include "common/FaultInjection.h"
#include "model/Autocast.h"

#include <chrono>
#include <cmath>
#include <thread>
#include <torch/cuda.h>
#include <torch/torch.h>

namespace qks {

namespace {

// Waits for the device when a caller times the phases; a no-op otherwise and on the CPU.
void syncForTiming(const torch::Device& device, const StepTimes* times)
{
    if (times && device.is_cuda())
        torch::cuda::synchronize();
}

} // namespace

torch::Tensor forwardBackward(MinimalLlm& model, const torch::Tensor& ids, int64_t accumulation, bool autocast,
                              StepTimes* times)
{
    auto start = Clock::now();
    torch::Tensor loss;
    {
        AutocastScope scope(ids.device(), autocast);
        loss = model->loss(ids);
    }
    if (times) {
        syncForTiming(ids.device(), times);
        times->forwardMs = msSince(start);
        start = Clock::now();
    }
    (loss / static_cast<double>(accumulation)).backward();
    if (times) {
        syncForTiming(ids.device(), times);
        times->backwardMs = msSince(start);
        times->forwardBackwardMs = times->forwardMs + times->backwardMs;
    }
    return loss.detach();
}

MicroStepper::MicroStepper(MinimalLlm& model, StudyOptimizer& optimizer, StepMode mode)
    : m_model(model), m_optimizer(optimizer), m_mode(mode)
{
    TORCH_CHECK(!(mode.cpuShards > 1 && mode.cudaGraph), "CPU shards and CUDA graphs exclude each other");
    if (mode.cpuShards > 1) {
        TORCH_CHECK(!mode.autocast, "CPU shards run without autocast"); // cpuShardsFor gives CUDA 1 shard
        m_sharded = std::make_unique<ShardedMicroStep>(model, mode.cpuShards);
    }
    if (mode.cudaGraph)
        m_graph = std::make_unique<CudaGraphMicroStep>(model, mode.accumulation, mode.autocast);
}

double MicroStepper::runPasses(const torch::Tensor& ids, StepTimes* times)
{
    if (m_sharded) {
        ShardedMicroStep::Times shardTimes;
        const double loss = m_sharded->run(ids, 1.0 / static_cast<double>(m_mode.accumulation), &shardTimes);
        if (times) {
            times->forwardMs = shardTimes.forwardMs;
            times->backwardMs = shardTimes.backwardMs;
            times->forwardBackwardMs = shardTimes.forwardMs + shardTimes.backwardMs;
        }
        return loss;
    }
    if (m_graph) {
        // Captured at the first micro-step, which always starts an optimizer step (a resume too).
        const auto start = Clock::now();
        const double loss = m_graph->run(ids); // reads the loss: the replay is done
        if (times)
            times->forwardBackwardMs = msSince(start);
        return loss;
    }
    // The loss is read after backward so the device never waits between the two; the weights
    // change only at the accumulation boundary, so a non-finite loss still stops before that.
    return forwardBackward(m_model, ids, m_mode.accumulation, m_mode.autocast, times).item<double>();
}

double MicroStepper::step(const torch::Tensor& ids, StepTimes* times)
{
    const FaultPlan& fault = faultPlan();
    if (fault.oomAtStep == m_microSteps)
        TORCH_CHECK_WITH(OutOfMemoryError, false, "CUDA out of memory. Tried to allocate 2.00 GiB (injected by QKS_FAULT)");
    if (fault.slowStepMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(*fault.slowStepMs));
    const double lossValue = runPasses(ids, times);
    const double value = fault.nanAtStep == m_microSteps ? std::nan("") : lossValue;
    if (!std::isfinite(value))
        return value;
    ++m_microSteps;
    if (m_microSteps % m_mode.accumulation == 0) {
        const auto start = Clock::now();
        m_lastGradNorm = m_optimizer.step();
        m_optimizer.zeroGrad();
        if (times) {
            syncForTiming(ids.device(), times);
            times->optimizerMs = msSince(start);
            times->optimizerStepped = true;
        }
    }
    return value;
}

} // namespace qks
