#include "train/Device.h"

#include "common/Error.h"
#include "config/ResourceEstimate.h"
#include "model/Attention.h"
#include "train/Hardware.h"

#include <mutex>
#include <thread>
#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace qks {

torch::Device resolveDevice(const std::string& name)
{
    const bool haveCuda = torch::cuda::is_available();
    if (name == "auto")
        return haveCuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (name == "cpu")
        return torch::Device(torch::kCPU);
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) {
        if (!haveCuda)
            throw ConfigError("train.device is " + name + " but this LibTorch sees no CUDA device; use --device cpu");
        const int index = name == "cuda" ? 0 : std::stoi(name.substr(5));
        const auto count = static_cast<int>(torch::cuda::device_count());
        if (index < 0 || index >= count)
            throw ConfigError("train.device is " + name + " but only " + std::to_string(count) + " CUDA device(s) exist");
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw ConfigError("train.device must be auto, cpu, cuda or cuda:N (is \"" + name + "\")");
}

void keepFreedHostMemory()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        // Largest fixed threshold glibc accepts on 64-bit (half its 64 MiB heap size); also
        // turns off the dynamic threshold.
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
#endif
}

int configureCpuThreads(int64_t requested)
{
    keepFreedHostMemory();
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = requested > 0 ? static_cast<int>(requested) : cores;
    torch::set_num_threads(threads);
    return threads;
}

std::string describeDevice(const torch::Device& device)
{
    if (device.is_cpu())
        return "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
    return device.str();
}

MemoryTarget memoryTargetFor(const torch::Device& device)
{
    return {.cuda = device.is_cuda(), .fusedAttention = fusedAttentionOn(device)};
}

Activations activationsFor(const StudyConfig& config, QkNormMode mode, const torch::Device& device)
{
    int64_t memory = 0;
    for (const DeviceInfo& d : availableDevices())
        if (d.id == device.str())
            memory = d.memoryBytes;
    return activationsFor(config, mode, memoryTargetFor(device), memory);
}

} // namespace qks
