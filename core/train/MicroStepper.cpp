#include "train/MicroStepper.h"

#include "common/FaultInjection.h"
#include "train/Device.h"

#include <cmath>
#include <torch/torch.h>

namespace qks {

torch::Tensor forwardBackward(MinimalLlm& model, const torch::Tensor& ids, int64_t accumulation, bool autocast)
{
    torch::Tensor loss;
    {
        AutocastScope scope(ids.device(), autocast);
        loss = model->loss(ids);
    }
    (loss / static_cast<double>(accumulation)).backward();
    return loss.detach();
}

MicroStepper::MicroStepper(MinimalLlm& model, StudyOptimizer& optimizer, int64_t accumulation, bool autocast,
                           int64_t shards, bool cudaGraph)
    : m_model(model), m_optimizer(optimizer), m_accumulation(accumulation), m_autocast(autocast)
{
    TORCH_CHECK(!(shards > 1 && cudaGraph), "CPU shards and CUDA graphs exclude each other");
    if (shards > 1) {
        TORCH_CHECK(!autocast, "CPU shards run without autocast"); // cpuShardsFor gives CUDA 1 shard
        m_sharded = std::make_unique<ShardedMicroStep>(model, shards);
    }
    if (cudaGraph)
        m_graph = std::make_unique<CudaGraphMicroStep>(model, accumulation, autocast);
}

double MicroStepper::step(const torch::Tensor& ids)
{
    const FaultPlan& fault = faultPlan();
    if (fault.oomAtStep == m_microSteps)
        TORCH_CHECK_WITH(OutOfMemoryError, false, "CUDA out of memory. Tried to allocate 2.00 GiB (injected by QKS_FAULT)");
    double lossValue = 0.0;
    if (m_sharded) {
        lossValue = m_sharded->run(ids, 1.0 / static_cast<double>(m_accumulation));
    } else if (m_graph) {
        // Captured at the first micro-step, which always starts an optimizer step (a resume too).
        lossValue = m_graph->run(ids);
    } else {
        const torch::Tensor loss = forwardBackward(m_model, ids, m_accumulation, m_autocast);
        // Read after backward so the device never waits between the two; the weights change
        // only at the accumulation boundary below, so a non-finite loss still stops before that.
        lossValue = loss.item<double>();
    }
    const double value = fault.nanAtStep == m_microSteps ? std::nan("") : lossValue;
    if (!std::isfinite(value))
        return value;
    ++m_microSteps;
    if (m_microSteps % m_accumulation == 0) {
        m_lastGradNorm = m_optimizer.step();
        m_optimizer.zeroGrad();
    }
    return value;
}

} // namespace qks
