#pragma once

#include "config/StudyConfig.h"
#include "data/Prepare.h"
#include "run/LiveTypes.h"
#include "train/TrainEvents.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace qks::gui {

// Runs one condition of a study: the real one is qks::runStudyCondition; tests pass a fake.
using ConditionRunner = std::function<RunFinished(const StudyConfig&, const std::string& tag, const EventSink&,
                                                  std::shared_ptr<CancelToken>, bool resume)>;
// Prepares token data from text: the real one is qks::prepareTextCorpus.
using DataPreparer = std::function<void(const PrepareOptions&)>;

// Runs studies in the background. Each condition is one job on a QThreadPool of its own; jobs
// wait in one queue per device, so a device trains one run at a time and the other conditions
// follow in order. Core events are buffered by the job threads and drained on the GUI thread
// every 40 ms into queued-signal value types (core never sees Qt). A data or configuration
// error stops the study's remaining queued runs, as in qkstudio-cli; a diverged run does not.
// Destroying the controller cancels everything and waits; no signal follows destruction.
class StudyController final : public QObject {
    Q_OBJECT
public:
    explicit StudyController(QObject* parent = nullptr);
    StudyController(ConditionRunner runner, DataPreparer preparer, QObject* parent = nullptr);
    ~StudyController() override;

    // Queues config.study.conditions (after preparing data from text when `prepare` is set:
    // its outDir becomes data.path). Writes <out>/config.json first. With `resume`, runs
    // continue from their newest checkpoint. Returns false with `error` when the
    // configuration is invalid or config.json cannot be written; nothing is queued then.
    bool startStudy(const StudyConfig& config, const std::optional<PrepareOptions>& prepare, bool resume,
                    QString* error);
    // Queues one condition of a study that was run before, resuming from its checkpoint.
    bool resumeRun(const StudyConfig& config, const QString& tag, QString* error);

    // Graceful stop: the run finishes its micro-step, writes results and a checkpoint.
    void stopRun(const QString& studyDir, const QString& tag);
    void stopAll();
    // Removes every queued (not yet started) job; reports each as Cancelled.
    void cancelQueued();

    QVector<JobInfo> jobs() const;
    bool isBusy() const;
    // The job training on `device` ("cpu", "cuda:0") right now, if any: a speed measurement
    // there would share the device with it.
    std::optional<JobInfo> runningOn(const QString& device) const;
    // The last study's configuration by folder, for resuming.
    std::optional<StudyConfig> studyConfig(const QString& studyDir) const;

Q_SIGNALS:
    void jobQueued(const qks::gui::JobInfo& job);
    void jobStarted(const qks::gui::JobInfo& job);
    void steps(const QVector<qks::gui::LiveStep>& steps); // every step since the last drain
    void probed(const qks::gui::LiveProbe& probe);
    void logged(const qks::gui::LiveLog& line);
    void jobFinished(const qks::gui::JobOutcome& outcome);
    void idle(); // nothing running or queued any more

private:
    struct Job;
    struct Mailbox;
    void enqueue(std::shared_ptr<Job> job);
    void startNext();
    void drain();
    void finish(const std::shared_ptr<Job>& job, const JobOutcome& outcome);
    void cancelStudyQueue(const QString& studyDir, const QString& reason);
    QString queueFor(const StudyConfig& config) const;

    ConditionRunner m_runner;
    DataPreparer m_preparer;
    QThreadPool m_pool;
    QTimer m_drainTimer;
    std::shared_ptr<Mailbox> m_mailbox;
    QVector<std::shared_ptr<Job>> m_jobs; // queued and running, in queue order
    QHash<QString, StudyConfig> m_configs;
    quint64 m_nextId = 1;
};

} // namespace qks::gui
