#include "run/LiveBinding.h"

#include "app/AppTheme.h"
#include "run/StudyController.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"

#include <QDir>
#include <QLocale>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QTime>

namespace qks::gui {

LiveBinding::LiveBinding(StudyController* controller, StudyStore* store, QPlainTextEdit* log, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_store(store)
    , m_log(log)
{
    connect(controller, &StudyController::jobQueued, this, [this](const JobInfo& job) {
        if (job.tag == QLatin1String("prepare")) {
            appendLog(QFileInfo(job.studyDir).fileName(), tr("queued: tokenize the text into %1").arg(job.studyDir + QStringLiteral("/data")), false);
            return;
        }
        m_store->ensureRunIn(job.studyDir, job.tag);
        m_store->updateLive(job.studyDir, job.tag, [](LiveRun& live) {
            live = LiveRun{};
            live.state = JobState::Queued;
        });
    });
    connect(controller, &StudyController::jobStarted, this, [this](const JobInfo& job) {
        m_store->updateLive(job.studyDir, job.tag, [](LiveRun& live) { live.state = JobState::Running; });
        appendLog(QFileInfo(job.studyDir).fileName() + QLatin1Char('/') + job.tag,
                  job.resume ? tr("started (resuming) on %1").arg(job.device) : tr("started on %1").arg(job.device), false);
    });
    connect(controller, &StudyController::steps, this, [this](const QVector<LiveStep>& steps) {
        // One store update per run and drain, not per step: a drain holds many steps of one run.
        for (qsizetype first = 0; first < steps.size();) {
            qsizetype end = first + 1;
            while (end < steps.size() && steps[end].tag == steps[first].tag && steps[end].studyDir == steps[first].studyDir)
                ++end;
            m_store->updateLive(steps[first].studyDir, steps[first].tag, [&](LiveRun& live) {
                if (live.state == JobState::Queued)
                    live.state = JobState::Running;
                for (qsizetype i = first; i < end; ++i)
                    live.stepLoss.push_back(QPointF(double(steps[i].tokens) / 1e6, steps[i].loss));
                const LiveStep& last = steps[end - 1];
                live.tokens = last.tokens;
                live.totalTokens = last.totalTokens;
                live.tokensPerSecond = last.tokensPerSecond;
                live.etaSeconds =
                    last.tokensPerSecond > 0 ? double(last.totalTokens - last.tokens) / last.tokensPerSecond : -1.0;
            });
            first = end;
        }
    });
    connect(controller, &StudyController::probed, this, [this](const LiveProbe&) { m_store->rescan(); });
    connect(controller, &StudyController::logged, this, [this](const LiveLog& line) {
        appendLog(QFileInfo(line.studyDir).fileName() + QLatin1Char('/') + line.tag, line.message, line.error);
    });
    connect(controller, &StudyController::jobFinished, this, [this](const JobOutcome& o) {
        m_store->rescan();
        m_store->updateLive(o.studyDir, o.tag, [&o](LiveRun& live) {
            live.state = o.state;
            live.message = o.error;
            live.etaSeconds = -1.0;
            // Finished: exactly what is on disk. Stopped or failed: the steps stay visible up
            // to where the run ended.
            if (o.state == JobState::Finished)
                live.stepLoss.clear();
        });
        QString what;
        switch (o.state) {
        case JobState::Finished: what = tr("finished (%1 tokens in %2 s)").arg(QLocale().toString(qlonglong(o.tokens)), QLocale().toString(o.seconds, 'f', 0)); break;
        case JobState::Stopped: what = tr("stopped; resume it from its checkpoint"); break;
        case JobState::Cancelled: what = tr("cancelled: %1").arg(o.error); break;
        case JobState::Failed: what = tr("failed (%1)").arg(o.errorKind); break;
        default: break;
        }
        appendLog(QFileInfo(o.studyDir).fileName() + QLatin1Char('/') + o.tag, what, o.state == JobState::Failed);
        if (o.state == JobState::Failed)
            Q_EMIT runFailed(o);
    });
}

void LiveBinding::appendLog(const QString& who, const QString& message, bool error)
{
    if (!m_log)
        return;
    const QString line = QStringLiteral("%1  %2  %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), who,
                                                          message.toHtmlEscaped());
    m_log->appendHtml(error ? QStringLiteral("<span style=\"color:%1\">%2</span>").arg(kErrorColor.name(), line) : line);
}

} // namespace qks::gui
