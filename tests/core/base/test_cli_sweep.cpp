// Sweeps through qkstudio-cli (issue 22 §5): a grid over configuration keys, each point a
// study of its own (here of two seeds) in <out>/<key>=<value>,…/, the values applied in each
// point's configuration; every grid point validated before anything is written (exit 2 naming
// the key and the value); summary of a sweep gives each point's summary with its values.
#include "CliProcess.h"
#include "config/ConfigJson.h"
#include "config/SweepGrid.h"
#include "results/StudyFolder.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace qks;
using qks::testing::CliRun;
using qks::testing::runCli;

namespace {

QStringList tinyStudy(const QString& tokens, const QString& out)
{
    QStringList args = {"study", "--preset", "tiny-cpu", "--data", tokens, "--out", out, "--quiet"};
    for (const char* s : {"model.d_model=32", "model.n_layers=2", "model.n_kv_heads=2", "model.d_ff=64",
                          "model.vocab_size=300", "model.max_seq_len=32", "train.batch_size=4",
                          "train.gradient_accumulation_steps=2", "train.tokens=512", "train.threads=1", "probe.every=4",
                          "probe.early_every=0", "probe.batch=4", "probe.val_batches=2", "study.conditions=QK,NoQK"})
        args << "--set" << s;
    return args;
}

} // namespace

class TestCliSweep final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tokens;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = qks::testing::prepareWordTokens(m_dir.path(), 4, 6000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_tokens = m_dir.path() + "/tokens";
    }

    void theGridInConfiguration()
    {
        StudyConfig c;
        applyConfigOverride(c, R"(study.sweep={"train.muon_lr": [0.006, 0.012, 0.024], "model.n_heads": [2, 4]})");
        QCOMPARE(sweepPointCount(c), size_t(6));
        const auto points = sweepPoints(c);
        QCOMPARE(points.size(), size_t(6));
        // Keys in the file's (sorted) order; the last varies fastest.
        QCOMPARE(QString::fromStdString(points[0].name), QStringLiteral("model.n_heads=2,train.muon_lr=0.006"));
        QCOMPARE(QString::fromStdString(points[1].name), QStringLiteral("model.n_heads=2,train.muon_lr=0.012"));
        QCOMPARE(QString::fromStdString(points[5].name), QStringLiteral("model.n_heads=4,train.muon_lr=0.024"));
        QCOMPARE(points[4].config.train.muon_lr, 0.012);
        QCOMPARE(points[4].config.model.n_heads, int64_t(4));
        QVERIFY(points[4].config.study.sweep.empty());
        QCOMPARE(QString::fromStdString(points[4].config.study.out),
                 QString::fromStdString(c.study.out + "/model.n_heads=4,train.muon_lr=0.012"));
        // The grid survives a round trip through the configuration file.
        QCOMPARE(configFromJson(configToJson(c)).study.sweep, c.study.sweep);
        QCOMPARE(QString::fromStdString(sweepValueText("\"a/b\"")), QStringLiteral("a_b"));
        QVERIFY(!sweepableKey("study.out") && !sweepableKey("train.nope") && sweepableKey("probe.every"));
    }

    void aSweepOfTwoSeedsRuns()
    {
        const QString out = m_dir.path() + "/sweep";
        const CliRun run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--set"
                                                           << R"(study.sweep={"model.n_heads": [2, 4], "train.muon_lr": [0.006, 0.024]})");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        for (const char* point : {"model.n_heads=2,train.muon_lr=0.006", "model.n_heads=2,train.muon_lr=0.024",
                                  "model.n_heads=4,train.muon_lr=0.006", "model.n_heads=4,train.muon_lr=0.024"}) {
            const QString dir = out + "/" + point;
            const StudyConfig own = loadConfigFile((dir + "/config.json").toStdString());
            QVERIFY(own.study.sweep.empty());
            QCOMPARE(own.study.seeds, (std::vector<int64_t>{1, 2}));
            QCOMPARE(own.model.n_heads, QString(point).contains("n_heads=2") ? int64_t(2) : int64_t(4));
            for (const char* seed : {"seed_1", "seed_2"})
                QCOMPARE(listStudy((dir + "/" + seed).toStdString()).size(), size_t(2));
        }
        const CliRun summary = runCli({"summary", out, "--json"});
        QVERIFY2(summary.exitCode == 0, qPrintable(summary.err));
        const auto s = nlohmann::json::parse(summary.out.toStdString());
        QCOMPARE(s["points"].size(), size_t(4));
        QCOMPARE(s["points"][3]["values"]["train.muon_lr"].get<double>(), 0.024);
        QCOMPARE(s["points"][3]["summary"]["conditions"]["QK"]["final_pr"]["n"].get<int>(), 2);
        // Every run finished: a resume has nothing left to do.
        const CliRun again = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--resume" << "--set"
                                                             << R"(study.sweep={"model.n_heads": [2, 4], "train.muon_lr": [0.006, 0.024]})");
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        // A study into the sweep's folder, or another grid, is refused: the sweep stays.
        CliRun into = runCli(tinyStudy(m_tokens, out));
        QCOMPARE(into.exitCode, 2);
        QVERIFY2(into.err.contains("holds a sweep"), qPrintable(into.err));
        into = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--set" << R"(study.sweep={"train.adamw_lr": [0.001]})");
        QCOMPARE(into.exitCode, 2);
        QVERIFY2(into.err.contains("other settings"), qPrintable(into.err));
        QCOMPARE(runCli({"summary", out, "--json"}).exitCode, 0);
    }

    void everyPointIsCheckedFirst()
    {
        const QString out = m_dir.path() + "/bad";
        CliRun run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"model.n_heads": [2, 3]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("model.n_heads=3"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"train.muon_lr": [0.01, "fast"]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("train.muon_lr=\"fast\""), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"train.muon_lr": []})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("train.muon_lr") && run.err.contains("no values"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"study.out": ["a", "b"]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("study.out"), qPrintable(run.err));
        // Two points that are one study, or that share a folder, or a seed swept twice over.
        run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"train.muon_lr": [0.01, 1e-2]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("share the folder") || run.err.contains("same study"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--set" << R"(study.sweep={"model.n_layers": [2, 2.0]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("same study"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--set" << R"(study.sweep={"train.seed": [5, 6]})");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("train.seed"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out)); // nothing was written
        run = runCli({"train", "--condition", "QK", "--data", m_tokens, "--out", out, "--set",
                      R"(study.sweep={"train.muon_lr": [0.01]})"});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_APPLESS_MAIN(TestCliSweep)
#include "test_cli_sweep.moc"
