// Which run a folder belongs to, through qkstudio-cli on a tiny model: a run interrupted and
// started again without --resume, a folder reused for another run, a resume with a changed
// setting, two writers at once, and the dead ends of a resume (no checkpoint, a missing
// optimizer file, a deleted results.json). Each either goes on exactly where the run stopped
// or is refused with exit 2 and the option to use, and nothing already written is lost.
#include "CliProcess.h"
#include "checkpoint/CheckpointFiles.h"
#include "common/AtomicFile.h"
#include "results/ResultsJson.h"
#include "results/RunManifest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <filesystem>

using namespace qks;
using qks::testing::CliRun;
using qks::testing::runCli;
using qks::testing::writeWordCorpus;

class TestCliRunFolder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(path("text"));
        writeWordCorpus(path("text"), 3, 8000);
        const CliRun prep = runCli({"prepare", "--text", path("text"), "--vocab-size", "300", "--seq-len", "32", "--out",
                                    path("tokens")});
        QVERIFY2(prep.exitCode == 0, qPrintable(prep.err));
        const CliRun ref = train("reference");
        QVERIFY2(ref.exitCode == 0, qPrintable(ref.err));
        m_reference = readResults(fsPath("reference/QK/results.json"));
    }

    void aRunStartedAgainWithoutResumeIsRefused()
    {
        // The repeat case: a run stops (here out of memory at micro-step 20, after checkpoints at
        // 8 and 16), and the same command is given again.
        QCOMPARE(train("repeat", {}, "oom-at-step=20").exitCode, 5);
        const QByteArray before = readBytes("repeat/QK/results.json");
        const CliRun again = train("repeat");
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already holds run") && again.err.contains("newest checkpoint step_000000016") &&
                     again.err.contains("--resume") && again.err.contains("--overwrite"),
                 qPrintable(again.err));
        QCOMPARE(readBytes("repeat/QK/results.json"), before); // nothing touched
        const CliRun resumed = train("repeat", {"--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        expectReference("repeat");
    }

    void overwriteReplacesAnotherRunsFilesAndKeepPrunesOnlyItsOwn()
    {
        // A longer run (128 micro-steps) leaves checkpoints at 120 and 128; a new, shorter run
        // in the same folder must not lose its own checkpoints to checkpoint.keep because of them.
        QCOMPARE(train("reuse", {"--set", "train.tokens=16384"}).exitCode, 0);
        QCOMPARE(train("reuse").exitCode, 2);
        const CliRun over = train("reuse", {"--overwrite"});
        QVERIFY2(over.exitCode == 0, qPrintable(over.err));
        QCOMPARE(QDir(path("reuse/QK/checkpoints")).entryList(QDir::Files, QDir::Name),
                 (QStringList{"step_000000056.json", "step_000000056.optim.safetensors", "step_000000056.safetensors",
                              "step_000000064.json", "step_000000064.optim.safetensors", "step_000000064.safetensors"}));
        expectReference("reuse");
        // One identity across the folder: run.json, results.json and every checkpoint.
        const auto manifest = readRunManifest(fsPath("reuse/QK"));
        QVERIFY(manifest);
        QCOMPARE(readResults(fsPath("reuse/QK/results.json")).extra.at("run_id").get<std::string>(), manifest->runId);
        for (const auto& weights : listCheckpoints(fsPath("reuse/QK/checkpoints")))
            QCOMPARE(readTrainerState(weights).runId, manifest->runId);
    }

    void aResumeWithAnotherSettingIsRefusedNamingIt()
    {
        QCOMPARE(train("changed", {}, "oom-at-step=20").exitCode, 5);
        const CliRun lr = train("changed", {"--resume", "--set", "train.muon_lr=0.05", "--set", "probe.every=16"});
        QCOMPARE(lr.exitCode, 2);
        QVERIFY2(lr.err.contains("train.muon_lr (0.012 → 0.05)") && lr.err.contains("probe.every (8 → 16)"),
                 qPrintable(lr.err));
        // What cannot change the run may differ: here how many checkpoints are kept.
        const CliRun keep = train("changed", {"--resume", "--set", "checkpoint.keep=3"});
        QVERIFY2(keep.exitCode == 0, qPrintable(keep.err));
        expectReference("changed");
    }

    void aResumeWithoutACheckpointSaysWhy()
    {
        // A --resume that finds no run (a mistyped --out) is refused and writes nothing ...
        const CliRun empty = train("nothing", {"--resume"}, {}, false);
        QVERIFY2(empty.exitCode == 2, qPrintable(empty.err));
        QVERIFY2(empty.err.contains("nothing to resume") && empty.err.contains("--resume-or-start"), qPrintable(empty.err));
        QVERIFY(!QFile::exists(m_dir.filePath("nothing/QK/run.json")));
        // ... --resume-or-start says so and starts it.
        const CliRun started = train("nothing", {"--resume-or-start"}, {}, false);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY2((started.out + started.err).contains("nothing to resume"), qPrintable(started.out + started.err));
        QVERIFY(QFile::exists(m_dir.filePath("nothing/QK/results.json")));

        // No checkpoint before the stop: resuming would start over and replace the results.
        QCOMPARE(train("early", {"--set", "checkpoint.every_tokens=0"}, "oom-at-step=20").exitCode, 5);
        const CliRun early = train("early", {"--resume"});
        QCOMPARE(early.exitCode, 2);
        QVERIFY2(early.err.contains("no checkpoint to resume from") && early.err.contains("--overwrite"),
                 qPrintable(early.err));
    }

    void aLostOptimizerFileFallsBackToTheCheckpointBefore()
    {
        QCOMPARE(train("optim", {}, "oom-at-step=20").exitCode, 5);
        QVERIFY(QFile::remove(path("optim/QK/checkpoints/step_000000016.optim.safetensors")));
        const CliRun resumed = train("optim", {"--resume"}, {}, false);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2((resumed.out + resumed.err).contains("step_000000008.safetensors at micro-step 8"),
                 qPrintable(resumed.out + resumed.err));
        expectReference("optim");
    }

    void aDeletedResultsFileIsRebuiltFromTheCheckpoint()
    {
        QCOMPARE(train("lost", {}, "oom-at-step=20").exitCode, 5);
        QVERIFY(QFile::remove(path("lost/QK/results.json")));
        const CliRun resumed = train("lost", {"--resume"}, {}, false);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2((resumed.out + resumed.err).contains("rebuilt from the checkpoint's own record"),
                 qPrintable(resumed.out + resumed.err));
        expectReference("lost");
    }

    void twoWritersCannotShareAFolder()
    {
        // The first writer trains long enough for a second to try; then it is killed, and the
        // lock it leaves is taken over by the next run, which says so.
        QProcess first;
        first.start(QStringLiteral(QKS_CLI_PATH), trainArgs("shared", {"--set", "train.tokens=262144"}));
        QVERIFY(first.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (!readBytes("shared/QK/run.lock").startsWith("pid ") && waited.elapsed() < 60000)
            QThread::msleep(50);
        const QString pid = QString::number(first.processId()); // 0 once the process has ended
        const CliRun second = train("shared");
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains("is being written by PID " + pid), qPrintable(second.err));
        ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
        first.waitForFinished();
        const CliRun next = train("shared", {"--overwrite"}, {}, false);
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QVERIFY2((next.out + next.err).contains("took over the lock") && (next.out + next.err).contains("PID " + pid),
                 qPrintable(next.out + next.err));
        expectReference("shared");
    }

private:
    QString path(const QString& relative) const { return m_dir.path() + "/" + relative; }
    std::filesystem::path fsPath(const QString& relative) const { return path(relative).toStdString(); }
    QByteArray readBytes(const QString& relative) const
    {
        QFile f(path(relative));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QStringList trainArgs(const QString& out, const QStringList& extra, bool quiet = true) const
    {
        return qks::testing::tinyTrainArgs(path("tokens"), path(out)) + (quiet ? QStringList{"--quiet"} : QStringList{}) +
               extra;
    }

    CliRun train(const QString& out, const QStringList& extra = {}, const QString& fault = {}, bool quiet = true) const
    {
        return runCli(trainArgs(out, extra, quiet), fault);
    }

    // The run ends where one that never stopped ends, bit for bit (one thread, the same kernels).
    void expectReference(const QString& out) const
    {
        const RunResults r = readResults(fsPath(out + "/QK/results.json"));
        QCOMPARE(r.tokens, m_reference.tokens);
        QCOMPARE(r.loss, m_reference.loss);
        QCOMPARE(r.val_loss, m_reference.val_loss);
        QCOMPARE(r.mean_pr, m_reference.mean_pr);
        QCOMPARE(r.layer_pr, m_reference.layer_pr);
        QVERIFY(r.gamma_final && *r.gamma_final == *m_reference.gamma_final);
    }

    QTemporaryDir m_dir;
    RunResults m_reference;
};

QTEST_APPLESS_MAIN(TestCliRunFolder)
#include "test_cli_run_folder.moc"
