#pragma once

#include "common/Error.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace qks {

// After every micro-step.
struct StepEvent {
    std::string tag;
    int64_t microStep = 0;      // micro-steps done
    int64_t totalMicroSteps = 0;
    int64_t tokens = 0;         // tokens trained on so far
    int64_t totalTokens = 0;
    double loss = 0.0;          // this micro-step's loss
    double tokensPerSecond = 0.0;
    double elapsedSeconds = 0.0;
};

// After every probe; the same numbers that go into results.json at this point.
struct ProbeEvent {
    std::string tag;
    int64_t index = 0;          // probe number, 0 = initial
    int64_t microStep = 0;
    int64_t tokens = 0;
    std::optional<double> trainLoss;
    std::optional<double> valLoss;
    double meanPr = 0.0;
    std::vector<double> layerPr;
    std::vector<double> gammaCv; // empty for NoQK
    double elapsedSeconds = 0.0;
};

// Free-form progress text (device chosen, data opened, results written).
struct LogEvent {
    std::string tag;
    std::string message;
};

// Once per run, whatever happened.
struct RunFinished {
    std::string tag;
    bool completed = false;
    bool cancelled = false;
    std::optional<ErrorKind> errorKind;
    std::string error;
    std::filesystem::path resultsPath;
    int64_t tokens = 0;
    double seconds = 0.0;
};

using TrainEvent = std::variant<StepEvent, ProbeEvent, LogEvent, RunFinished>;
using EventSink = std::function<void(const TrainEvent&)>;

// Shared between the caller and the training thread; checked every micro-step.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic_bool m_cancelled{false};
};

} // namespace qks
