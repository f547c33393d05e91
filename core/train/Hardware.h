#pragma once

#include "config/StudyConfig.h"
#include "train/TrainEvents.h"

#include <cstdint>
#include <memory>
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

// Trains `microSteps` micro-steps (after one warm-up step) of the configured model and
// condition on random token ids, on the configured device with the configured threads,
// and returns the training speed in tokens per second. No data, nothing written. Returns 0
// when cancelled. Throws like training would (ConfigError, OutOfMemoryError).
double measureTrainingSpeed(const StudyConfig& config, const std::string& tag, int microSteps,
                            std::shared_ptr<CancelToken> cancel = {});

} // namespace qks
