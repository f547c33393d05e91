// The training controller with a fast fake job: queue order, one run per device, stop,
// cancel, error propagation, and no signal after destruction.
#include "run/StudyController.h"

#include "common/Error.h"
#include "config/Presets.h"
#include "train/Hardware.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace qks;
using namespace qks::gui;

namespace {

// Records what ran, in which order, and never overlapping on one device.
struct FakeLab {
    std::mutex mutex;
    QStringList started;
    std::atomic<int> running{0};
    std::atomic<int> maxRunning{0};
    std::atomic<bool> release{true};   // false: jobs wait (until cancelled) after their first step
    QString failTag;                   // this condition throws
    ErrorKind failKind = ErrorKind::Data;
    QStringList prepared;
};

ConditionRunner fakeRunner(std::shared_ptr<FakeLab> lab)
{
    return [lab](const StudyConfig& config, const std::string& tag, const EventSink& sink,
                 std::shared_ptr<CancelToken> cancel, bool resume) {
        {
            const std::lock_guard lock(lab->mutex);
            lab->started << QString::fromStdString(tag) + (resume ? QStringLiteral(" (resume)") : QString());
        }
        const int now = ++lab->running;
        lab->maxRunning = std::max(lab->maxRunning.load(), now);
        RunFinished done;
        done.tag = tag;
        const auto leave = [&] { --lab->running; };
        if (QString::fromStdString(tag) == lab->failTag) {
            leave();
            if (lab->failKind == ErrorKind::Diverged) {
                done.errorKind = ErrorKind::Diverged;
                done.error = tag + ": loss is NaN";
                sink(done);
                return done;
            }
            throw DataError(tag + ": the data went away");
        }
        const int64_t total = 8;
        sink(LogEvent{tag, "training " + tag});
        for (int64_t step = 1; step <= total; ++step) {
            if (cancel->cancelled()) {
                done.cancelled = true;
                break;
            }
            sink(StepEvent{tag, step, total, step * 100, total * 100, 5.0 - 0.1 * double(step), 1000.0, 0.01 * double(step)});
            if (step % 4 == 0)
                sink(ProbeEvent{tag, step / 4, step, step * 100, 4.0, 4.1, 20.0, {20.0}, {}, 0.0});
            while (!lab->release && !cancel->cancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        done.completed = !done.cancelled;
        done.tokens = 800;
        leave();
        sink(done);
        (void)config;
        return done;
    };
}

DataPreparer fakePreparer(std::shared_ptr<FakeLab> lab)
{
    return [lab](const PrepareOptions& o) {
        const std::lock_guard lock(lab->mutex);
        lab->prepared << QString::fromStdString(o.outDir.string());
        lab->started << QStringLiteral("prepare");
    };
}

StudyConfig studyIn(const QString& dir)
{
    StudyConfig c = presetConfig("tiny-cpu");
    c.study.out = dir.toStdString();
    c.train.device = "cpu";
    return c;
}

} // namespace

class TestStudyController final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsConditionsInOrderOneAtATime();
    void stepsAndProbesArriveAsValues();
    void stopIsGracefulAndCancelDropsQueuedRuns();
    void saysWhichRunOccupiesADevice();
    void dataErrorStopsTheStudyDivergedDoesNot();
    void preparesDataBeforeTraining();
    void refusesAnInvalidConfiguration();
    void noSignalAfterDestruction();
};

void TestStudyController::runsConditionsInOrderOneAtATime()
{
    auto lab = std::make_shared<FakeLab>();
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy finished(&controller, &StudyController::jobFinished);
    QSignalSpy idle(&controller, &StudyController::idle);
    QSignalSpy queued(&controller, &StudyController::jobQueued);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error), qPrintable(error));
    QCOMPARE(queued.count(), 3);
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/config.json")));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
    QCOMPARE(lab->started, (QStringList{QStringLiteral("QK"), QStringLiteral("QK_frozen"), QStringLiteral("NoQK")}));
    QCOMPARE(lab->maxRunning.load(), 1); // one device, one run at a time
    QCOMPARE(finished.count(), 3);
    for (const auto& args : finished)
        QCOMPARE(args.at(0).value<JobOutcome>().state, JobState::Finished);
    QVERIFY(!controller.isBusy());
}

void TestStudyController::stepsAndProbesArriveAsValues()
{
    auto lab = std::make_shared<FakeLab>();
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy steps(&controller, &StudyController::steps);
    QSignalSpy probes(&controller, &StudyController::probed);
    QSignalSpy logs(&controller, &StudyController::logged);
    QSignalSpy idle(&controller, &StudyController::idle);
    QTemporaryDir dir;
    StudyConfig c = studyIn(dir.path());
    c.study.conditions = {"NoQK"};
    QString error;
    QVERIFY(controller.startStudy(c, std::nullopt, false, &error));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
    QVector<LiveStep> all;
    for (const auto& args : steps)
        all += args.at(0).value<QVector<LiveStep>>();
    QCOMPARE(all.size(), 8);
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].microStep, qint64(i + 1)); // in order, none lost or repeated
        QCOMPARE(all[i].tag, QStringLiteral("NoQK"));
        QCOMPARE(all[i].studyDir, QDir(dir.path()).absolutePath());
    }
    QCOMPARE(probes.count(), 2);
    QCOMPARE(probes.at(1).at(0).value<LiveProbe>().tokens, qint64(800));
    QVERIFY(!logs.isEmpty());
}

void TestStudyController::stopIsGracefulAndCancelDropsQueuedRuns()
{
    auto lab = std::make_shared<FakeLab>();
    lab->release = false;
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy finished(&controller, &StudyController::jobFinished);
    QSignalSpy idle(&controller, &StudyController::idle);
    QTemporaryDir dir;
    QString error;
    QVERIFY(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error));
    QTRY_VERIFY_WITH_TIMEOUT(lab->running.load() == 1, 5000);
    controller.cancelQueued();
    QCOMPARE(finished.count(), 2); // QK_frozen and NoQK, reported at once
    for (const auto& args : finished)
        QCOMPARE(args.at(0).value<JobOutcome>().state, JobState::Cancelled);
    controller.stopRun(QDir(dir.path()).absolutePath(), QStringLiteral("QK"));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 5000);
    QCOMPARE(finished.count(), 3);
    QCOMPARE(finished.last().at(0).value<JobOutcome>().state, JobState::Stopped);
    QCOMPARE(lab->started, QStringList{QStringLiteral("QK")}); // the cancelled runs never started

    // A stopped run resumes from its checkpoint through the same queue. (The fake trainer
    // writes nothing: give the folder the results a real stopped run leaves.)
    lab->release = true;
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/QK")));
    QFile results(dir.path() + QStringLiteral("/QK/results.json"));
    QVERIFY(results.open(QIODevice::WriteOnly));
    results.write("{}");
    results.close();
    StudyConfig c = studyIn(dir.path());
    QVERIFY(controller.resumeRun(c, QStringLiteral("QK"), &error));
    QVERIFY(!controller.resumeRun(c, QStringLiteral("QK"), &error)); // already queued
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 2, 5000);
    QCOMPARE(lab->started.last(), QStringLiteral("QK (resume)"));
    // A cancelled run that never started has nothing to resume: it starts fresh, and says so.
    QVERIFY(controller.resumeRun(c, QStringLiteral("QK_frozen"), &error));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 3, 5000);
    QCOMPARE(lab->started.last(), QStringLiteral("QK_frozen"));
}

void TestStudyController::saysWhichRunOccupiesADevice()
{
    // The queue a setting lands in, as the trainer resolves it.
    const std::vector<DeviceInfo> cpuOnly{{"cpu", "CPU", 0}};
    const std::vector<DeviceInfo> twoGpus{{"cpu", "CPU", 0}, {"cuda:0", "GPU 0", 0}, {"cuda:1", "GPU 1", 0}};
    QCOMPARE(deviceFor("auto", cpuOnly), std::string("cpu"));
    QCOMPARE(deviceFor("auto", twoGpus), std::string("cuda:0"));
    QCOMPARE(deviceFor("cuda", twoGpus), std::string("cuda:0"));
    QCOMPARE(deviceFor("cuda:1", twoGpus), std::string("cuda:1"));
    QCOMPARE(deviceFor("cpu", twoGpus), std::string("cpu"));

    auto lab = std::make_shared<FakeLab>();
    lab->release = false;
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy idle(&controller, &StudyController::idle);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!controller.runningOn(QStringLiteral("cpu")));
    QVERIFY(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error));
    QTRY_VERIFY_WITH_TIMEOUT(lab->running.load() == 1, 5000);
    const std::optional<JobInfo> running = controller.runningOn(QStringLiteral("cpu"));
    QVERIFY(running);
    QCOMPARE(running->tag, QStringLiteral("QK")); // the running one, not the queued ones
    QCOMPARE(running->studyDir, QDir(dir.path()).absolutePath());
    QVERIFY(!controller.runningOn(QStringLiteral("cuda:0")));
    controller.stopAll();
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 5000);
    QVERIFY(!controller.runningOn(QStringLiteral("cpu")));
}

void TestStudyController::dataErrorStopsTheStudyDivergedDoesNot()
{
    {
        auto lab = std::make_shared<FakeLab>();
        lab->failTag = QStringLiteral("QK_frozen");
        lab->failKind = ErrorKind::Diverged;
        StudyController controller(fakeRunner(lab), fakePreparer(lab));
        QSignalSpy finished(&controller, &StudyController::jobFinished);
        QSignalSpy idle(&controller, &StudyController::idle);
        QTemporaryDir dir;
        QString error;
        QVERIFY(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error));
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
        QCOMPARE(finished.count(), 3);
        const JobOutcome diverged = finished.at(1).at(0).value<JobOutcome>();
        QCOMPARE(diverged.state, JobState::Failed);
        QCOMPARE(diverged.errorKind, QStringLiteral("diverged"));
        QCOMPARE(finished.at(2).at(0).value<JobOutcome>().state, JobState::Finished); // NoQK still ran
    }
    {
        auto lab = std::make_shared<FakeLab>();
        lab->failTag = QStringLiteral("QK");
        StudyController controller(fakeRunner(lab), fakePreparer(lab));
        QSignalSpy finished(&controller, &StudyController::jobFinished);
        QSignalSpy logs(&controller, &StudyController::logged);
        QSignalSpy idle(&controller, &StudyController::idle);
        QTemporaryDir dir;
        QString error;
        QVERIFY(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error));
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
        QCOMPARE(finished.count(), 3);
        const JobOutcome failed = finished.at(0).at(0).value<JobOutcome>();
        QCOMPARE(failed.state, JobState::Failed);
        QCOMPARE(failed.errorKind, QStringLiteral("data"));
        QVERIFY(failed.error.contains(QStringLiteral("the data went away")));
        QCOMPARE(finished.at(1).at(0).value<JobOutcome>().state, JobState::Cancelled);
        QCOMPARE(finished.at(2).at(0).value<JobOutcome>().state, JobState::Cancelled);
        QCOMPARE(lab->started, QStringList{QStringLiteral("QK")});
        bool logged = false;
        for (const auto& args : logs)
            logged = logged || (args.at(0).value<LiveLog>().error && args.at(0).value<LiveLog>().message.contains(QStringLiteral("went away")));
        QVERIFY(logged);
    }
}

void TestStudyController::preparesDataBeforeTraining()
{
    auto lab = std::make_shared<FakeLab>();
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy idle(&controller, &StudyController::idle);
    QTemporaryDir dir;
    PrepareOptions prepare;
    prepare.textDir = "/somewhere/text";
    prepare.outDir = (dir.path() + QStringLiteral("/data")).toStdString();
    QString error;
    QVERIFY(controller.startStudy(studyIn(dir.path()), prepare, false, &error));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
    QCOMPARE(lab->started.first(), QStringLiteral("prepare"));
    QCOMPARE(lab->started.size(), 4);
    QCOMPARE(lab->prepared.first(), dir.path() + QStringLiteral("/data"));
}

void TestStudyController::refusesAnInvalidConfiguration()
{
    auto lab = std::make_shared<FakeLab>();
    StudyController controller(fakeRunner(lab), fakePreparer(lab));
    QSignalSpy queued(&controller, &StudyController::jobQueued);
    QTemporaryDir dir;
    StudyConfig c = studyIn(dir.path());
    c.model.n_heads = 3;
    QString error;
    QVERIFY(!controller.startStudy(c, std::nullopt, false, &error));
    QVERIFY2(error.contains(QStringLiteral("model.n_heads")), qPrintable(error));
    QCOMPARE(queued.count(), 0);
    QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/config.json")));
}

void TestStudyController::noSignalAfterDestruction()
{
    auto lab = std::make_shared<FakeLab>();
    lab->release = false;
    auto signals_ = std::make_shared<std::atomic<int>>(0);
    QTemporaryDir dir;
    {
        StudyController controller(fakeRunner(lab), fakePreparer(lab));
        connect(&controller, &StudyController::jobFinished, [signals_] { ++*signals_; });
        connect(&controller, &StudyController::steps, [signals_] { ++*signals_; });
        QString error;
        QVERIFY(controller.startStudy(studyIn(dir.path()), std::nullopt, false, &error));
        QTRY_VERIFY_WITH_TIMEOUT(lab->running.load() == 1, 5000);
        // Destroyed mid-run: it cancels the job and waits for its thread.
    }
    QCOMPARE(lab->running.load(), 0);
    const int before = *signals_;
    QTest::qWait(200); // anything still queued would arrive now
    QCOMPARE(*signals_, before);
}

QTEST_GUILESS_MAIN(TestStudyController)
#include "test_study_controller.moc"
