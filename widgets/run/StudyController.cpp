#include "run/StudyController.h"

#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/SeedStudies.h"
#include "config/SweepGrid.h"
#include "config/Validation.h"
#include "results/RunFolder.h"
#include "study/ConfigIssueText.h"
#include "train/Hardware.h"
#include "train/Study.h"

#include <QDir>
#include <QRunnable>

#include <mutex>
#include <thread>
#include <variant>

namespace qks::gui {

namespace {

QString kindName(ErrorKind kind)
{
    return QString::fromLatin1(errorKindName(kind));
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

// What a job thread hands to the GUI thread: a core event, or the end of the job.
struct StudyController::Mailbox {
    struct Done {
        std::optional<RunFinished> finished; // what the core reported, if it reported
        std::optional<ErrorKind> thrownKind;  // an exception that escaped the job
        std::string thrown;
    };
    struct Letter {
        quint64 job;
        std::variant<TrainEvent, Done> body;
    };
    std::mutex mutex;
    std::vector<Letter> letters;

    void post(quint64 job, std::variant<TrainEvent, Done> body)
    {
        const std::lock_guard lock(mutex);
        letters.push_back({job, std::move(body)});
    }
    std::vector<Letter> take()
    {
        const std::lock_guard lock(mutex);
        return std::exchange(letters, {});
    }
};

struct StudyController::Job {
    quint64 id = 0;
    JobInfo info;
    StudyConfig config;
    std::optional<PrepareOptions> prepare; // set for the data preparation job
    std::shared_ptr<CancelToken> cancel = std::make_shared<CancelToken>();
    bool reportedFinish = false;
};

namespace {

// Runs one job on a pool thread. Everything it learns goes into the mailbox; it never
// touches the controller, which may be gone by the time it ends.
class JobRunnable final : public QRunnable {
public:
    using Body = std::function<void(const EventSink&)>;

    JobRunnable(Body body, EventSink sink, std::function<void(std::optional<ErrorKind>, std::string)> done)
        : m_body(std::move(body)), m_sink(std::move(sink)), m_done(std::move(done))
    {
    }

    void run() override
    {
        try {
            m_body(m_sink);
            m_done(std::nullopt, {});
        } catch (const Error& e) {
            m_done(e.kind(), e.what());
        } catch (const std::exception& e) {
            m_done(ErrorKind::Internal, e.what());
        } catch (...) {
            m_done(ErrorKind::Internal, "unknown error");
        }
    }

private:
    Body m_body;
    EventSink m_sink;
    std::function<void(std::optional<ErrorKind>, std::string)> m_done;
};

} // namespace

StudyController::StudyController(QObject* parent)
    : StudyController(
          [](const StudyConfig& c, const std::string& tag, const EventSink& sink, std::shared_ptr<CancelToken> cancel,
             bool resume) {
              return runStudyCondition(c, tag, sink, std::move(cancel),
                                       {.mode = resume ? StartMode::Resume : StartMode::Fresh});
          },
          [](const PrepareOptions& o) { prepareTextCorpus(o); }, parent)
{
}

StudyController::StudyController(ConditionRunner runner, DataPreparer preparer, QObject* parent)
    : QObject(parent)
    , m_runner(std::move(runner))
    , m_preparer(std::move(preparer))
    , m_mailbox(std::make_shared<Mailbox>())
{
    qRegisterMetaType<JobInfo>();
    qRegisterMetaType<LiveStep>();
    qRegisterMetaType<LiveProbe>();
    qRegisterMetaType<LiveLog>();
    qRegisterMetaType<JobOutcome>();
    // One thread per device queue at most, plus headroom for short side jobs.
    m_pool.setMaxThreadCount(std::max(2, int(std::thread::hardware_concurrency())));
    m_drainTimer.setInterval(40);
    connect(&m_drainTimer, &QTimer::timeout, this, &StudyController::drain);
}

StudyController::~StudyController()
{
    m_drainTimer.stop();
    for (const auto& job : m_jobs)
        job->cancel->cancel();
    m_jobs.clear();
    m_pool.waitForDone();
}

QString StudyController::queueFor(const StudyConfig& config) const
{
    return qs(deviceFor(config.train.device, availableDevices()));
}

bool StudyController::startStudy(const StudyConfig& config, const std::optional<PrepareOptions>& prepare, bool resume,
                                 QString* error)
{
    StudyConfig c = config;
    if (prepare)
        c.data.path = prepare->outDir.string();
    // Data from text does not exist yet: validate everything else now, the data when it runs.
    const auto issues = validateConfig(c);
    if (!issues.empty()) {
        QStringList lines;
        for (const ConfigIssue& i : issues)
            lines << qs(i.field) + QStringLiteral(": ") + configIssueText(i);
        *error = lines.join(QLatin1Char('\n'));
        return false;
    }
    const QString studyDir = QDir(qs(c.study.out)).absolutePath();
    c.study.out = studyDir.toStdString();
    // A sweep is one study per grid point, and a study of several seeds one study per seed
    // folder, each with its config.json, queued point by point and seed by seed so that a stop
    // half way leaves whole seeds (core/config/SweepGrid.h, SeedStudies.h).
    const std::vector<StudyConfig> points = pointStudies(c);
    std::vector<StudyConfig> studies;
    try {
        QDir().mkpath(studyDir);
        saveConfigFile(c, c.study.out + "/config.json");
        for (const StudyConfig& point : points) {
            if (!c.study.sweep.empty()) {
                QDir().mkpath(qs(point.study.out));
                saveConfigFile(point, point.study.out + "/config.json");
            }
            for (StudyConfig& seed : seedStudies(point)) {
                if (isMultiSeed(point)) {
                    QDir().mkpath(qs(seed.study.out));
                    saveConfigFile(seed, seed.study.out + "/config.json");
                }
                studies.push_back(std::move(seed));
            }
        }
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_configs.insert(studyDir, c);
    const QString device = queueFor(c);
    if (prepare) {
        auto job = std::make_shared<Job>();
        job->info = {studyDir, QStringLiteral("prepare"), device, JobState::Queued, false};
        job->config = c;
        job->prepare = prepare;
        enqueue(job);
    }
    for (const StudyConfig& seed : studies) {
        const QString seedDir = qs(seed.study.out);
        if (seedDir != studyDir)
            m_configs.insert(seedDir, seed);
        for (const std::string& tag : seed.study.conditions) {
            auto job = std::make_shared<Job>();
            job->info = {seedDir, qs(tag), device, JobState::Queued, resume};
            job->config = seed;
            enqueue(job);
        }
    }
    return true;
}

bool StudyController::resumeRun(const StudyConfig& config, const QString& tag, QString* error)
{
    const QString studyDir = QDir(qs(config.study.out)).absolutePath();
    for (const auto& job : m_jobs) {
        if (job->info.studyDir == studyDir && job->info.tag == tag) {
            *error = tr("%1 is already queued or running.").arg(tag);
            return false;
        }
    }
    StudyConfig c = config;
    c.study.out = studyDir.toStdString();
    if (std::find(c.study.conditions.begin(), c.study.conditions.end(), tag.toStdString()) == c.study.conditions.end())
        c.study.conditions.push_back(tag.toStdString());
    m_configs.insert(studyDir, c);
    // A folder without a run (a cancelled or failed start) starts fresh, and says so.
    bool holdsRun = true;
    try {
        holdsRun = inspectRunFolder(std::filesystem::path(c.study.out) / tag.toStdString()).holdsRun();
    } catch (const std::exception&) {
        holdsRun = true; // the resume itself reports what is wrong with the folder
    }
    auto job = std::make_shared<Job>();
    job->info = {studyDir, tag, queueFor(c), JobState::Queued, holdsRun};
    job->config = c;
    enqueue(job);
    return true;
}

void StudyController::enqueue(std::shared_ptr<Job> job)
{
    job->id = m_nextId++;
    m_jobs.push_back(job);
    Q_EMIT jobQueued(job->info);
    m_drainTimer.start();
    startNext();
}

void StudyController::startNext()
{
    QSet<QString> busy;
    for (const auto& job : m_jobs) {
        if (job->info.state != JobState::Queued)
            busy.insert(job->info.device);
    }
    for (const auto& job : m_jobs) {
        if (job->info.state != JobState::Queued || busy.contains(job->info.device))
            continue;
        busy.insert(job->info.device);
        job->info.state = JobState::Running;
        const quint64 id = job->id;
        const std::shared_ptr<Mailbox> mailbox = m_mailbox; // the job keeps it alive, not the controller
        EventSink sink = [mailbox, id](const TrainEvent& e) { mailbox->post(id, e); };
        auto done = [mailbox, id](std::optional<ErrorKind> kind, std::string what) {
            mailbox->post(id, Mailbox::Done{std::nullopt, kind, std::move(what)});
        };
        JobRunnable::Body body;
        if (job->prepare) {
            PrepareOptions options = *job->prepare;
            const std::string tag = "prepare";
            options.log = [sink, tag](const std::string& line) { sink(LogEvent{tag, line}); };
            body = [preparer = m_preparer, options](const EventSink&) { preparer(options); };
        } else {
            body = [runner = m_runner, config = job->config, tag = job->info.tag.toStdString(), cancel = job->cancel,
                    resume = job->info.resume](const EventSink& s) { runner(config, tag, s, cancel, resume); };
        }
        Q_EMIT jobStarted(job->info);
        m_pool.start(new JobRunnable(std::move(body), std::move(sink), std::move(done)));
    }
}

void StudyController::drain()
{
    QVector<LiveStep> stepBatch;
    const auto flushSteps = [&] {
        if (!stepBatch.isEmpty())
            Q_EMIT steps(std::exchange(stepBatch, {}));
    };
    for (auto& letter : m_mailbox->take()) {
        std::shared_ptr<Job> job;
        for (const auto& j : m_jobs) {
            if (j->id == letter.job)
                job = j;
        }
        if (!job)
            continue; // cancelled and forgotten
        const QString dir = job->info.studyDir;
        if (auto* event = std::get_if<TrainEvent>(&letter.body)) {
            if (auto* s = std::get_if<StepEvent>(event)) {
                stepBatch.push_back({dir, qs(s->tag), s->microStep, s->totalMicroSteps, s->tokens, s->totalTokens, s->loss,
                                     s->tokensPerSecond, s->elapsedSeconds});
            } else if (auto* p = std::get_if<ProbeEvent>(event)) {
                flushSteps();
                Q_EMIT probed({dir, qs(p->tag), p->index, p->tokens, p->meanPr, p->trainLoss, p->valLoss});
            } else if (auto* l = std::get_if<LogEvent>(event)) {
                Q_EMIT logged({dir, qs(l->tag), qs(l->message), false});
            } else if (auto* f = std::get_if<RunFinished>(event)) {
                job->reportedFinish = true;
                JobOutcome o{dir, qs(f->tag), JobState::Finished, {}, qs(f->error), f->tokens, f->seconds};
                if (f->errorKind) {
                    o.state = JobState::Failed;
                    o.errorKind = kindName(*f->errorKind);
                    o.exitCode = exitCodeFor(*f->errorKind);
                } else if (f->cancelled) {
                    o.state = JobState::Stopped;
                }
                flushSteps();
                finish(job, o);
            }
            continue;
        }
        const auto& done = std::get<Mailbox::Done>(letter.body);
        flushSteps();
        if (job->reportedFinish) {
            // The core already reported this run; an exception after that only repeats it.
            m_jobs.removeAll(job);
            continue;
        }
        JobOutcome o{dir, job->info.tag, JobState::Finished, {}, {}, 0, 0.0};
        if (done.thrownKind) {
            o.state = JobState::Failed;
            o.errorKind = kindName(*done.thrownKind);
            o.exitCode = exitCodeFor(*done.thrownKind);
            o.error = qs(done.thrown);
        } else if (job->cancel->cancelled() && !job->prepare) {
            o.state = JobState::Stopped;
        }
        finish(job, o);
        m_jobs.removeAll(job);
    }
    flushSteps();
    startNext();
    if (m_jobs.isEmpty()) {
        m_drainTimer.stop();
        Q_EMIT idle();
    }
}

void StudyController::finish(const std::shared_ptr<Job>& job, const JobOutcome& outcome)
{
    job->info.state = outcome.state;
    if (outcome.state == JobState::Failed)
        Q_EMIT logged({outcome.studyDir, outcome.tag, outcome.error, true});
    Q_EMIT jobFinished(outcome);
    // Bad data or settings would stop every condition alike.
    if (outcome.state == JobState::Failed &&
        (outcome.errorKind == QLatin1String("data") || outcome.errorKind == QLatin1String("config") ||
         outcome.errorKind == QLatin1String("io")))
        cancelStudyQueue(outcome.studyDir, tr("not started: %1 failed").arg(outcome.tag));
}

void StudyController::cancelStudyQueue(const QString& studyDir, const QString& reason)
{
    QVector<std::shared_ptr<Job>> keep;
    for (const auto& job : m_jobs) {
        if (job->info.state == JobState::Queued && job->info.studyDir == studyDir) {
            Q_EMIT jobFinished({studyDir, job->info.tag, JobState::Cancelled, {}, reason, 0, 0.0});
            continue;
        }
        keep.push_back(job);
    }
    m_jobs = keep;
}

void StudyController::stopRun(const QString& studyDir, const QString& tag)
{
    for (const auto& job : m_jobs) {
        if (job->info.studyDir == studyDir && job->info.tag == tag && job->info.state == JobState::Running) {
            job->cancel->cancel();
            job->info.state = JobState::Stopping;
        }
    }
}

void StudyController::stopAll()
{
    cancelQueued();
    for (const auto& job : m_jobs) {
        if (job->info.state == JobState::Running) {
            job->cancel->cancel();
            job->info.state = JobState::Stopping;
        }
    }
}

void StudyController::cancelQueued()
{
    QVector<std::shared_ptr<Job>> keep;
    for (const auto& job : m_jobs) {
        if (job->info.state == JobState::Queued) {
            Q_EMIT jobFinished({job->info.studyDir, job->info.tag, JobState::Cancelled, {}, tr("cancelled before it started"), 0, 0.0});
            continue;
        }
        keep.push_back(job);
    }
    m_jobs = keep;
    if (m_jobs.isEmpty()) {
        m_drainTimer.stop();
        Q_EMIT idle();
    }
}

QVector<JobInfo> StudyController::jobs() const
{
    QVector<JobInfo> out;
    for (const auto& job : m_jobs)
        out.push_back(job->info);
    return out;
}

bool StudyController::isBusy() const
{
    return !m_jobs.isEmpty();
}

std::optional<JobInfo> StudyController::runningOn(const QString& device) const
{
    for (const auto& job : m_jobs) {
        if (job->info.device == device && (job->info.state == JobState::Running || job->info.state == JobState::Stopping))
            return job->info;
    }
    return std::nullopt;
}

std::optional<StudyConfig> StudyController::studyConfig(const QString& studyDir) const
{
    const auto it = m_configs.find(QDir(studyDir).absolutePath());
    if (it == m_configs.end())
        return std::nullopt;
    return *it;
}

} // namespace qks::gui
