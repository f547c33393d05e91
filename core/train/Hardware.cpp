#include "train/Hardware.h"

#include "train/Benchmark.h"

#include "config/ResourceEstimate.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <torch/cuda.h>

#ifdef QKS_WITH_CUDA
#include <cuda_runtime_api.h>
#endif

namespace qks {

namespace {

// Names and memory of the GPUs as LibTorch numbers them: from the CUDA runtime in a CUDA build
// (CUDA_VISIBLE_DEVICES renumbers both alike); else (a CPU LibTorch, which has no CUDA headers,
// on a machine with GPUs) from nvidia-smi when it is installed and CUDA_VISIBLE_DEVICES does not
// renumber them.
std::vector<std::pair<std::string, int64_t>> nvidiaGpus()
{
    std::vector<std::pair<std::string, int64_t>> gpus;
#ifdef QKS_WITH_CUDA
    for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i) {
        cudaDeviceProp props{};
        if (cudaGetDeviceProperties(&props, i) != cudaSuccess)
            break;
        gpus.emplace_back(props.name, static_cast<int64_t>(props.totalGlobalMem));
    }
#else
    if (std::getenv("CUDA_VISIBLE_DEVICES"))
        return gpus;
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
#endif
    return gpus;
}

} // namespace

std::vector<DeviceInfo> availableDevices()
{
    std::vector<DeviceInfo> out;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    out.push_back({"cpu", "CPU, " + std::to_string(cores) + " cores", physicalMemoryBytes()});
    if (torch::cuda::is_available()) {
        const auto gpus = nvidiaGpus();
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

std::string deviceFor(const std::string& setting, const std::vector<DeviceInfo>& devices)
{
    if (setting == "cuda")
        return "cuda:0";
    if (setting != "auto")
        return setting;
    for (const DeviceInfo& d : devices) {
        if (d.id != "cpu")
            return d.id;
    }
    return "cpu";
}

double measureTrainingSpeed(const StudyConfig& config, const std::string& tag, int microSteps)
{
    BenchmarkOptions options;
    options.microSteps = microSteps;
    options.tag = tag;
    options.probeRepeats = 0;
    return runBenchmark(config, options).tokensPerSecond;
}

} // namespace qks
