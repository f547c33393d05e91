#include "ProgressPrinter.h"

#include "common/Error.h"

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace qks::cli {

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const auto s = static_cast<long long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%llds", s);
    return buf;
}

ProgressPrinter::ProgressPrinter(bool quiet) : m_tty(::isatty(STDERR_FILENO) == 1), m_quiet(quiet) {}

void ProgressPrinter::operator()(const TrainEvent& event)
{
    std::visit(
        [this](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, StepEvent>)
                onStep(e);
            else if constexpr (std::is_same_v<E, ProbeEvent>)
                onProbe(e);
            else if constexpr (std::is_same_v<E, LogEvent>)
                onLog(e);
            else
                onFinished(e);
        },
        event);
}

void ProgressPrinter::clearLine()
{
    if (m_lineOpen) {
        std::fputs("\r\033[K", stderr);
        m_lineOpen = false;
    }
}

void ProgressPrinter::onStep(const StepEvent& e)
{
    m_lastLoss = e.loss;
    if (!m_tty || m_quiet)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (e.microStep != e.totalMicroSteps && now - m_lastDraw < std::chrono::milliseconds(200))
        return;
    m_lastDraw = now;
    const double eta = e.tokensPerSecond > 0 ? static_cast<double>(e.totalTokens - e.tokens) / e.tokensPerSecond : NAN;
    std::fprintf(stderr, "\r\033[K[%s] %.2fM/%.2fM tokens (%3.0f%%)  %.0f tok/s  ETA %s  loss %.3f  PR %.2f", e.tag.c_str(),
                 static_cast<double>(e.tokens) / 1e6, static_cast<double>(e.totalTokens) / 1e6,
                 100.0 * static_cast<double>(e.microStep) / static_cast<double>(std::max<int64_t>(1, e.totalMicroSteps)),
                 e.tokensPerSecond, formatDuration(eta).c_str(), e.loss, m_lastMeanPr);
    std::fflush(stderr);
    m_lineOpen = true;
}

void ProgressPrinter::onProbe(const ProbeEvent& e)
{
    m_lastMeanPr = e.meanPr;
    if (m_quiet)
        return;
    clearLine();
    char loss[32] = "-", val[32] = "-";
    if (e.trainLoss)
        std::snprintf(loss, sizeof loss, "%.4f", *e.trainLoss);
    if (e.valLoss)
        std::snprintf(val, sizeof val, "%.4f", *e.valLoss);
    std::fprintf(stderr, "[%s] probe %lld  tokens %lld  loss %s  val %s  mean PR %.3f  (%s)\n", e.tag.c_str(),
                 static_cast<long long>(e.index), static_cast<long long>(e.tokens), loss, val, e.meanPr,
                 formatDuration(e.elapsedSeconds).c_str());
}

void ProgressPrinter::onLog(const LogEvent& e)
{
    if (m_quiet)
        return;
    clearLine();
    std::fprintf(stderr, "[%s] %s\n", e.tag.c_str(), e.message.c_str());
}

void ProgressPrinter::onFinished(const RunFinished& e)
{
    clearLine();
    // A diverged condition is reported here only (the study goes on to the next one); every
    // other failure ends the command and main prints its message, so it is named, not repeated.
    if (e.errorKind && *e.errorKind == qks::ErrorKind::Diverged)
        std::fprintf(stderr, "[%s] FAILED after %s: %s\n", e.tag.c_str(), formatDuration(e.seconds).c_str(), e.error.c_str());
    else if (e.errorKind)
        std::fprintf(stderr, "[%s] FAILED after %s (%s)\n", e.tag.c_str(), formatDuration(e.seconds).c_str(),
                     qks::errorKindName(*e.errorKind));
    else if (e.cancelled)
        std::fprintf(stderr, "[%s] stopped after %s; partial results in %s\n", e.tag.c_str(),
                     formatDuration(e.seconds).c_str(), e.resultsPath.c_str());
    else if (!m_quiet)
        std::fprintf(stderr, "[%s] done in %s: %s\n", e.tag.c_str(), formatDuration(e.seconds).c_str(), e.resultsPath.c_str());
}

} // namespace qks::cli
