#pragma once

#include "config/Condition.h"
#include "config/ResourceEstimate.h"
#include "config/StudyConfig.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/MicroStepper.h"

#include <filesystem>
#include <optional>
#include <string>
#include <torch/types.h>
#include <vector>

namespace qks {

// Which of the configured ways of running a micro-step a set-up may use.
enum class StepPath {
    Configured, // CPU shards and the CUDA graph where the configuration and the device allow them
    Unsharded,  // each micro-batch in one pass (no CPU shards); the CUDA graph as configured
    Eager,      // one eager forward and backward per micro-step: the baseline others are compared with
};

// What a caller may set apart from the configuration.
struct SetupOptions {
    std::optional<std::string> device{};    // instead of train.device (the cross-check's two devices)
    std::optional<Kernels> kernels{};       // instead of train.kernels (the benchmark's reference baseline)
    StepPath path = StepPath::Configured;
    std::filesystem::path initialWeights{}; // start from these weights instead of the seeded draw
};

// The weights a run starts from: torch::manual_seed(train.seed), then the model drawn on the
// CPU in the original's order, so they equal the original MinimalLLM(config)'s bit for bit
// (docs/design.md §1.3). Every device starts from these bits; `qkstudio-cli init` writes them.
MinimalLlm initialModel(const StudyConfig& config, QkNormMode mode);

// Everything one run trains with, built in one place and in the study's order: the device and
// its CPU threads, the model drawn from train.seed (or loaded), its kernels and activation
// checkpointing, the optimizers, and how each micro-step runs. The trainer, the benchmark and
// the CUDA-vs-CPU cross-check all start here, so they train the same thing. Not movable: the
// stepper holds the model and the optimizer by reference.
class TrainingSetup {
public:
    TrainingSetup(const StudyConfig& config, QkNormMode mode, const SetupOptions& options = {});
    TrainingSetup(const TrainingSetup&) = delete;
    TrainingSetup& operator=(const TrainingSetup&) = delete;

    // What the set-up decided that a user should read in the log (checkpointing on, shards,
    // a CUDA-only setting ignored on the CPU), one sentence each.
    const std::vector<std::string>& notes() const { return m_notes; }

    const torch::Device device;
    const Activations activations; // kept, or checkpointed per block (activationsFor)
    const StepMode stepMode;
    MinimalLlm model;
    StudyOptimizer optimizer;
    MicroStepper stepper;

private:
    std::vector<std::string> m_notes;
};

} // namespace qks
