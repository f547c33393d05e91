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
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <torch/cuda.h>
#include <torch/torch.h>

namespace qks {

namespace {

// Names and memory of the GPUs, from nvidia-smi when it is installed (LibTorch's own device
// properties need the CUDA headers, which CPU builds lack). Indexed as nvidia-smi counts.
std::vector<std::pair<std::string, int64_t>> nvidiaGpus()
{
    std::vector<std::pair<std::string, int64_t>> gpus;
    FILE* pipe = popen("nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits 2>/dev/null", "r");
    if (!pipe)
        return gpus;
    char line[512];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string text(line);
        const size_t comma = text.rfind(',');
        if (comma == std::string::npos)
            continue;
        const std::string name = text.substr(0, comma);
        const int64_t mib = std::atoll(text.c_str() + comma + 1);
        gpus.emplace_back(name, mib * 1024 * 1024);
    }
    pclose(pipe);
    return gpus;
}

} // namespace

std::vector<DeviceInfo> availableDevices()
{
    std::vector<DeviceInfo> out;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    out.push_back({"cpu", "CPU, " + std::to_string(cores) + " cores", physicalMemoryBytes()});
    if (torch::cuda::is_available()) {
        // With CUDA_VISIBLE_DEVICES set, LibTorch renumbers the GPUs: names are only matched
        // when it is unset.
        const auto gpus = std::getenv("CUDA_VISIBLE_DEVICES") ? decltype(nvidiaGpus()){} : nvidiaGpus();
        for (size_t i = 0; i < torch::cuda::device_count(); ++i) {
            const std::string id = "cuda:" + std::to_string(i);
            if (i < gpus.size())
                out.push_back({id, id + " (" + gpus[i].first + ")", gpus[i].second});
            else
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
