#pragma once

#include "config/StudyConfig.h"

#include <cstdint>
#include <string>
#include <vector>

// Torch-free declarations (the GUI includes this header); implemented with LibTorch.
namespace qks {

// A device training can run on: "cpu", "cuda:0", ...
struct DeviceInfo {
    std::string id;          // what train.device takes
    std::string description; // "CPU, 2 cores", "cuda:0"
    int64_t memoryBytes = 0; // physical memory for the CPU; 0 when unknown
};

// The CPU and every CUDA device this LibTorch sees.
std::vector<DeviceInfo> availableDevices();

// The device a train.device setting trains on, among `devices` (availableDevices()): "auto" is
// the first GPU, else "cpu"; "cuda" is "cuda:0"; anything else stays as written. resolveDevice
// decides the same way; the GUI asks this one for its run queues, its memory check and which
// device a speed measurement would share.
std::string deviceFor(const std::string& setting, const std::vector<DeviceInfo>& devices);

// The training speed of the configured model and condition in tokens per second: runBenchmark
// over `microSteps` micro-steps (whole optimizer steps) without the probe. No data, nothing
// written. Throws like training would (ConfigError, OutOfMemoryError).
double measureTrainingSpeed(const StudyConfig& config, const std::string& tag, int microSteps);

} // namespace qks
