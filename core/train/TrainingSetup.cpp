#include "train/TrainingSetup.h"

#include "common/Error.h"
#include "config/ResourceEstimate.h"
#include "train/Checkpoint.h"
#include "train/Device.h"
#include "train/ShardedMicroStep.h"

#include <torch/torch.h>

namespace qks {

namespace {

torch::Device deviceFor(const StudyConfig& config, const SetupOptions& options)
{
    const torch::Device device = resolveDevice(options.device.value_or(config.train.device));
    configureCpuThreads(config.train.threads);
    return device;
}

// The run's activations policy, after checking that a CPU run fits the memory this process may
// still allocate: a model too large for it fails here with what does not fit, not in the
// allocator half way through building it.
Activations checkedActivations(const StudyConfig& config, QkNormMode mode, const torch::Device& device)
{
    const Activations activations = activationsFor(config, mode, device);
    if (device.is_cpu()) {
        const MemoryEstimate estimate = estimateTrainingMemory(config, mode, memoryTargetFor(device), activations);
        if (const std::string shortfall = cpuMemoryShortfall(estimate, availableMemory()); !shortfall.empty())
            throw OutOfMemoryError("not enough memory: " + shortfall);
    }
    return activations;
}

// The weights are drawn on the CPU from the seed whatever the device (so every device starts
// from the same bits), then loaded from a file when asked, then moved.
MinimalLlm makeModel(const StudyConfig& config, QkNormMode mode, const torch::Device& device, Activations activations,
                     const SetupOptions& options)
{
    MinimalLlm model = initialModel(config, mode);
    model->setKernels(options.kernels.value_or(kernelsNamed(config.train.kernels)));
    model->setActivationCheckpointing(activations == Activations::Checkpointed);
    if (!options.initialWeights.empty())
        loadModelWeights(model, SafetensorsFile::open(options.initialWeights));
    model->to(device);
    return model;
}

StepMode stepModeFor(const StudyConfig& config, const torch::Device& device, Activations activations,
                     const SetupOptions& options)
{
    const bool checkpointing = activations == Activations::Checkpointed;
    const TrainConfig& tc = config.train;
    return {.accumulation = tc.gradient_accumulation_steps,
            .autocast = autocastOn(tc, device),
            .cpuShards = options.path == StepPath::Configured ? cpuShardsFor(tc, device, checkpointing) : 1,
            .cudaGraph = options.path != StepPath::Eager && cudaGraphOn(tc, device)};
}

} // namespace

MinimalLlm initialModel(const StudyConfig& config, QkNormMode mode)
{
    torch::manual_seed(static_cast<uint64_t>(config.train.seed));
    return MinimalLlm(config.model, mode);
}

TrainingSetup::TrainingSetup(const StudyConfig& config, QkNormMode mode, const SetupOptions& options)
    : device(deviceFor(config, options)), activations(checkedActivations(config, mode, device)),
      stepMode(stepModeFor(config, device, activations, options)), model(makeModel(config, mode, device, activations, options)),
      optimizer(*model, config.train), stepper(model, optimizer, stepMode)
{
    const TrainConfig& tc = config.train;
    if (model->activationCheckpointing())
        m_notes.push_back("activation checkpointing on (train.activation_checkpointing = " + tc.activation_checkpointing +
                          "): each block is recomputed in backward");
    if (stepMode.cpuShards > 1)
        m_notes.push_back("each micro-batch of " + std::to_string(tc.batch_size) + " sequences trains as " +
                          std::to_string(stepMode.cpuShards) + " shards side by side (train.cpu_shards = " +
                          std::to_string(tc.cpu_shards) + ")");
    if (tc.cuda_graph && !stepMode.cudaGraph)
        m_notes.push_back("train.cuda_graph applies to CUDA devices only: on " + device.str() +
                          " every micro-step runs eagerly");
    if (stepMode.cudaGraph)
        m_notes.push_back("each micro-step's forward and backward pass replays one CUDA graph, captured at the first "
                          "micro-step (train.cuda_graph); the optimizer step runs eagerly");
}

} // namespace qks
