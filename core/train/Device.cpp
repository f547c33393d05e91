#include "train/Device.h"

#include "common/Error.h"
#include "config/ResourceEstimate.h"
#include "model/Attention.h"
#include "train/Hardware.h"

#include <ATen/autocast_mode.h>
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

bool activationCheckpointingFor(const StudyConfig& config, QkNormMode mode, const torch::Device& device)
{
    int64_t memory = 0;
    for (const DeviceInfo& d : availableDevices())
        if (d.id == device.str())
            memory = d.memoryBytes;
    return activationCheckpointingWanted(config, mode, device.is_cuda(), fusedAttentionOn(device), memory);
}

bool cudaAutocastEnabled()
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCUDA);
#else
    return at::autocast::is_enabled();
#endif
}

AutocastScope::AutocastScope(const torch::Device& device, bool enabled)
{
    if (!enabled || !device.is_cuda())
        return;
    m_active = true;
    m_previous = cudaAutocastEnabled();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    m_previousDtype = at::autocast::get_autocast_dtype(at::kCUDA);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
    m_previousDtype = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
    at::autocast::set_autocast_dtype(at::kCUDA, m_previousDtype);
#else
    at::autocast::set_enabled(m_previous);
    at::autocast::set_autocast_gpu_dtype(m_previousDtype);
#endif
}

} // namespace qks
