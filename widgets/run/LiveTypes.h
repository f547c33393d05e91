#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace qks::gui {

// Value types the controller's signals carry from core events (core/train/TrainEvents.h):
// plain copies, safe to queue across threads. `studyDir` + `tag` name the run.

enum class JobState { Queued, Running, Stopping, Finished, Stopped, Failed, Cancelled };

struct JobInfo {
    QString studyDir;
    QString tag;          // condition tag, or "prepare" for the data preparation step
    QString device;       // the queue it waits in: "cpu", "cuda:0"
    JobState state = JobState::Queued;
    bool resume = false;
};

struct LiveStep {
    QString studyDir;
    QString tag;
    qint64 microStep = 0;
    qint64 totalMicroSteps = 0;
    qint64 tokens = 0;
    qint64 totalTokens = 0;
    double loss = 0.0;
    double tokensPerSecond = 0.0;
    double elapsedSeconds = 0.0;
};

struct LiveProbe {
    QString studyDir;
    QString tag;
    qint64 index = 0;
    qint64 tokens = 0;
    double meanPr = 0.0;
    std::optional<double> trainLoss;
    std::optional<double> valLoss;
};

struct LiveLog {
    QString studyDir;
    QString tag;
    QString message;
    bool error = false;
};

struct JobOutcome {
    QString studyDir;
    QString tag;
    JobState state = JobState::Finished; // Finished, Stopped, Failed or Cancelled
    QString errorKind;   // "diverged", "out of memory", "data", "config", "io", "internal"; empty when none
    QString error;       // the core's message: names the run and what to do
    qint64 tokens = 0;
    double seconds = 0.0;
    int exitCode = 0;    // qks::exitCodeFor the error kind when Failed
};

} // namespace qks::gui

Q_DECLARE_METATYPE(qks::gui::JobInfo)
Q_DECLARE_METATYPE(qks::gui::LiveStep)
Q_DECLARE_METATYPE(qks::gui::LiveProbe)
Q_DECLARE_METATYPE(qks::gui::LiveLog)
Q_DECLARE_METATYPE(qks::gui::JobOutcome)
