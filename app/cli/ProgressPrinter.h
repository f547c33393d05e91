#pragma once

#include "train/TrainEvents.h"

#include <chrono>
#include <string>

namespace qks::cli {

// Turns training events into terminal output: one live, rewritten status line when stderr is
// a terminal; plain log lines (one per probe) otherwise, so logs stay readable in files.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool quiet);
    void operator()(const TrainEvent& event);

private:
    void onStep(const StepEvent& e);
    void onProbe(const ProbeEvent& e);
    void onLog(const LogEvent& e);
    void onFinished(const RunFinished& e);
    void clearLine();

    bool m_tty;
    bool m_quiet;
    bool m_lineOpen = false;
    double m_lastMeanPr = -1.0;
    double m_lastLoss = -1.0;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

// "1h02m", "3m05s", "42s"
std::string formatDuration(double seconds);

} // namespace qks::cli
