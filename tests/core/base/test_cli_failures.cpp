// Failures a long run can meet, each made to happen through qkstudio-cli on a tiny model: an
// invalid configuration, missing and corrupt data, an unwritable output folder, too little free
// space, a disk that fills up mid-run, a NaN loss and an out-of-memory error. Each must stop
// with the promised exit code and a message that names the cause and what to do, and must lose
// nothing already written: results.json still validates, no file is torn, and where a
// checkpoint survives, resuming from it ends exactly where an uninterrupted run ends.
// The disk, NaN and OOM faults come from QKS_FAULT (core/common/FaultInjection.h).
#include "CliProcess.h"
#include "results/ResultsJson.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

using namespace qks;
using qks::testing::CliRun;
using qks::testing::runCli;
using qks::testing::writeWordCorpus;

namespace {

// Files under `dir` whose names say they were being written (writeFileAtomically's temporaries).
QStringList tornFiles(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(".tmp."))
            found << path;
    }
    return found;
}

QStringList checkpointFiles(const QString& dir)
{
    return QDir(dir + "/QK/checkpoints").entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestCliFailures final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.path() + "/text");
        writeWordCorpus(m_dir.path() + "/text", 3, 8000);
        const CliRun prep = runCli({"prepare", "--text", m_dir.path() + "/text", "--vocab-size", "300", "--seq-len", "32",
                                 "--out", m_dir.path() + "/tokens"});
        QVERIFY2(prep.exitCode == 0, qPrintable(prep.err));
        const CliRun ref = train("reference");
        QVERIFY2(ref.exitCode == 0, qPrintable(ref.err));
        m_reference = readResults(fsPath("reference/QK/results.json"));
        QCOMPARE(m_reference.tokens.back(), int64_t(8192));
    }

    void invalidConfigurationNamesTheFieldBeforeAnyWork()
    {
        const CliRun run = train("invalid", {"--set", "model.n_heads=5"}); // 32 is not divisible by 5
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("model.n_heads"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path("invalid")));
        const CliRun unknown = train("invalid", {"--set", "train.no_such_key=1"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("train.no_such_key"), qPrintable(unknown.err));
    }

    void missingOrCorruptDataNamesTheFile()
    {
        const CliRun missing = runCli(qks::testing::tinyTrainArgs(path("no-such-tokens"), path("nodata")));
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains("no-such-tokens"), qPrintable(missing.err));

        // A shard cut short in the middle of its tokens.
        QDir().mkpath(path("corrupt-tokens"));
        for (const QString& name : QDir(path("tokens")).entryList(QDir::Files))
            QVERIFY(QFile::copy(path("tokens/" + name), path("corrupt-tokens/" + name)));
        QFile shard(path("corrupt-tokens/train_000000.bin"));
        QVERIFY(shard.open(QIODevice::ReadWrite));
        QVERIFY(shard.resize(shard.size() - 7));
        shard.close();
        const CliRun corrupt = runCli(qks::testing::tinyTrainArgs(path("corrupt-tokens"), path("corrupt")));
        QCOMPARE(corrupt.exitCode, 3);
        QVERIFY2(corrupt.err.contains("train_000000.bin"), qPrintable(corrupt.err));
        QVERIFY(!QFileInfo::exists(path("corrupt/QK/results.json")));
    }

    void unwritableOutputFolderIsRefusedBeforeTraining()
    {
        QFile file(path("a-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const CliRun run = train("a-file/study");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("a-file/study") && run.err.contains("output folder"), qPrintable(run.err));
        QVERIFY(!run.err.contains("micro-step"));
    }

    void tooLittleFreeSpaceIsRefusedBeforeTraining()
    {
        const CliRun run = train("small-disk", {}, "free-bytes=100000");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("98 KiB free") && run.err.contains("checkpoint.keep"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path("small-disk/QK/results.json")));
        // The same run with room enough starts (and here finishes).
        QCOMPARE(train("small-disk", {}, "free-bytes=100000000").exitCode, 0);
    }

    void fullDiskMidRunTearsNothingAndResumesExactly()
    {
        // config.json, a few results.json rewrites and the first checkpoint (~240 KB) fit; the
        // second checkpoint does not.
        const CliRun run = train("full", {}, "disk-full-after=400000");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("No space left on device") && run.err.contains("disk is full"), qPrintable(run.err));
        QVERIFY2(run.err.contains("--resume"), qPrintable(run.err));
        QVERIFY2(tornFiles(path("full")).isEmpty(), qPrintable(tornFiles(path("full")).join(' ')));
        // Only whole checkpoints remain: the one that could not be written left nothing behind.
        QCOMPARE(checkpointFiles(path("full")),
                 (QStringList{"step_000000008.json", "step_000000008.optim.safetensors", "step_000000008.safetensors"}));
        const RunResults partial = readResults(fsPath("full/QK/results.json"));
        QVERIFY(validateResults(partial).empty());
        QVERIFY(!partial.tokens.empty());

        const CliRun resumed = train("full", {"--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        expectReference(readResults(fsPath("full/QK/results.json")));
    }

    void nanLossStopsWithFourAndKeepsTheLastGoodCheckpoint()
    {
        // Micro-step 17 is the second micro-step of the optimizer step that starts at 16: the
        // checkpoint taken at 16 holds the weights that gave the NaN, the one at 8 is good.
        const CliRun run = train("nan", {}, "nan-at-step=17");
        QCOMPARE(run.exitCode, 4);
        const QString all = run.out + run.err;
        QVERIFY2(all.contains("NaN at micro-step 17 (2176 tokens)"), qPrintable(all));
        QVERIFY2(all.contains("step_000000008.safetensors"), qPrintable(all));
        QCOMPARE(checkpointFiles(path("nan")),
                 (QStringList{"step_000000008.json", "step_000000008.optim.safetensors", "step_000000008.safetensors"}));
        const RunResults kept = readResults(fsPath("nan/QK/results.json"));
        QVERIFY(validateResults(kept).empty());
        QCOMPARE(kept.tokens, (std::vector<int64_t>{0, 1024, 2048})); // probes at micro-steps 0, 8, 16

        const CliRun resumed = train("nan", {"--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        expectReference(readResults(fsPath("nan/QK/results.json")));
    }

    void outOfMemorySuggestsASmallerMicroBatch()
    {
        const CliRun run = train("oom", {}, "oom-at-step=5");
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("out of memory") &&
                     run.err.contains("train.batch_size=2 --set train.gradient_accumulation_steps=4") &&
                     run.err.contains("--set train.activation_checkpointing=on"),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("oom/QK/results.json"), qPrintable(run.err));
        QVERIFY2(run.err.count("Use a smaller micro-batch") == 1, qPrintable(run.err)); // said once, by main
        QVERIFY2(run.err.contains("[QK] FAILED after") && run.err.contains("(out of memory)"), qPrintable(run.err));
        QVERIFY(validateResults(readResults(fsPath("oom/QK/results.json"))).empty());
    }

    void aMistypedFaultIsAUsageError()
    {
        const CliRun run = train("typo", {}, "disk-ful-after=1");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("QKS_FAULT"), qPrintable(run.err));
    }

private:
    QString path(const QString& relative) const { return m_dir.path() + "/" + relative; }
    std::filesystem::path fsPath(const QString& relative) const { return path(relative).toStdString(); }

    CliRun train(const QString& out, const QStringList& extra = {}, const QString& fault = {}) const
    {
        return runCli(qks::testing::tinyTrainArgs(path("tokens"), path(out)) + QStringList{"--quiet"} + extra, fault);
    }

    // A resumed run continues exactly: the same probes, losses, PRs and γ as the run that
    // never stopped (on the CPU, with one thread, bit for bit; 1e-6 is the promise).
    void expectReference(const RunResults& r) const
    {
        const RunResults& ref = m_reference;
        QCOMPARE(r.tokens, ref.tokens);
        for (size_t i = 0; i < ref.tokens.size(); ++i) {
            QCOMPARE(r.loss[i].has_value(), ref.loss[i].has_value());
            if (ref.loss[i]) {
                QVERIFY(std::abs(*r.loss[i] - *ref.loss[i]) <= 1e-6);
                QVERIFY(std::abs(*r.val_loss[i] - *ref.val_loss[i]) <= 1e-6);
            }
            QVERIFY(std::abs(r.mean_pr[i] - ref.mean_pr[i]) <= 1e-6);
            for (size_t l = 0; l < ref.layer_pr.size(); ++l)
                QVERIFY(std::abs(r.layer_pr[l][i] - ref.layer_pr[l][i]) <= 1e-6);
        }
        QVERIFY(r.gamma_final.has_value());
        QCOMPARE(*r.gamma_final, *ref.gamma_final);
    }

    QTemporaryDir m_dir;
    RunResults m_reference;
};

QTEST_APPLESS_MAIN(TestCliFailures)
#include "test_cli_failures.moc"
