#include "train/Hardware.h"

#include "common/Error.h"
#include "config/Condition.h"
#include "config/ResourceEstimate.h"
#include "config/Validation.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/Device.h"
#include "train/MicroStepper.h"

#include <chrono>
#include <thread>
#include <torch/cuda.h>
#include <torch/torch.h>

namespace qks {

std::vector<DeviceInfo> availableDevices()
{
    std::vector<DeviceInfo> out;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    out.push_back({"cpu", "CPU, " + std::to_string(cores) + " cores", physicalMemoryBytes()});
    if (torch::cuda::is_available()) {
        for (size_t i = 0; i < torch::cuda::device_count(); ++i) {
            const std::string id = "cuda:" + std::to_string(i);
            out.push_back({id, id, 0});
        }
    }
    return out;
}

double measureTrainingSpeed(const StudyConfig& config, const std::string& tag, int microSteps,
                            std::shared_ptr<CancelToken> cancel)
{
    requireValidConfig(config);
    const auto condition = conditionForTag(tag);
    if (!condition)
        throw ConfigError("unknown condition " + tag);
    const torch::Device device = resolveDevice(config.train.device);
    if (device.is_cpu())
        configureCpuThreads(config.train.threads);
    torch::manual_seed(static_cast<uint64_t>(config.train.seed));
    const bool autocast = config.train.bf16_autocast && device.is_cuda();
    MinimalLlm model(config.model, condition->mode);
    model->to(device);
    StudyOptimizer optimizer(*model, config.train);
    MicroStepper stepper(model, optimizer, config.train.gradient_accumulation_steps, autocast);
    const auto ids = torch::randint(config.model.vocab_size, {config.train.batch_size, config.model.max_seq_len},
                                    torch::TensorOptions().dtype(torch::kLong).device(device));
    using Clock = std::chrono::steady_clock;
    stepper.step(ids); // warm-up: allocations, kernel choice
    if (device.is_cuda())
        torch::cuda::synchronize();
    const auto start = Clock::now();
    int done = 0;
    for (; done < std::max(1, microSteps); ++done) {
        if (cancel && cancel->cancelled())
            return 0.0;
        stepper.step(ids);
    }
    if (device.is_cuda())
        torch::cuda::synchronize();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return seconds > 0 ? double(done * config.train.batch_size * config.model.max_seq_len) / seconds : 0.0;
}

} // namespace qks
