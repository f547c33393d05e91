// A study of several seeds through qkstudio-cli (issue 22 §2): study --seeds writes one
// complete study per seed under seed_<n>/ plus one config.json, the seeds differ where they
// should (initial weights) and pair where they should (conditions of one seed), summary gives
// mean ± interval over them, --resume-or-start finishes only what is missing, and the folder
// never mixes a one-seed study with a multi-seed one.
#include "CliProcess.h"
#include "results/ResultsJson.h"
#include "results/StudyFolder.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace qks;
using qks::testing::CliRun;
using qks::testing::runCli;

namespace {

QStringList tinyStudy(const QString& tokens, const QString& out)
{
    QStringList args = {"study", "--preset", "tiny-cpu", "--data", tokens, "--out", out, "--quiet"};
    for (const char* s : {"model.d_model=32", "model.n_layers=2", "model.n_heads=4", "model.n_kv_heads=2", "model.d_ff=64",
                          "model.vocab_size=300", "model.max_seq_len=32", "train.batch_size=4",
                          "train.gradient_accumulation_steps=2", "train.tokens=1024", "train.threads=1", "probe.every=4",
                          "probe.early_every=0", "probe.batch=4", "probe.val_batches=2",
                          "probe.val_sampling=shuffled"})
        args << "--set" << s;
    return args;
}

nlohmann::json readJson(const QString& path)
{
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in);
}

RunResults results(const QString& path)
{
    return readResults(path.toStdString());
}

} // namespace

class TestCliSeeds final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tokens;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = qks::testing::prepareWordTokens(m_dir.path(), 4, 9000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_tokens = m_dir.path() + "/tokens";
    }

    void threeSeedsMakeThreeStudies()
    {
        const QString out = m_dir.path() + "/seeds";
        const CliRun run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "5,6,7");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains("γ effect")); // the multi-seed summary table
        const auto top = readJson(out + "/config.json");
        QCOMPARE(top["study"]["seeds"], nlohmann::json::array({5, 6, 7}));
        for (const int seed : {5, 6, 7}) {
            const QString dir = out + QStringLiteral("/seed_%1").arg(seed);
            const auto own = readJson(dir + "/config.json");
            QCOMPARE(own["train"]["seed"].get<int>(), seed);
            QVERIFY(own["study"]["seeds"].empty());
            QCOMPARE(QString::fromStdString(own["study"]["out"].get<std::string>()), dir);
            QCOMPARE(listStudy(dir.toStdString()).size(), size_t(3)); // a complete study of its own
            // Within a seed the conditions are paired: the same initial weights (γ = 1) give
            // QK and QK_frozen the same first probe.
            QCOMPARE(results(dir + "/QK/results.json").mean_pr[0], results(dir + "/QK_frozen/results.json").mean_pr[0]);
            const CliRun alone = runCli({"summary", dir, "--json"});
            QCOMPARE(alone.exitCode, 0);
        }
        // Across seeds the initial weights and the probe batch differ.
        QVERIFY(results(out + "/seed_5/QK/results.json").mean_pr[0] != results(out + "/seed_6/QK/results.json").mean_pr[0]);

        // summary: the mean and the Student-t interval of the three final PRs, computed here.
        const CliRun summary = runCli({"summary", out, "--json"});
        QVERIFY2(summary.exitCode == 0, qPrintable(summary.err));
        const auto s = nlohmann::json::parse(summary.out.toStdString());
        std::vector<double> finals;
        for (const int seed : {5, 6, 7})
            finals.push_back(results(out + QStringLiteral("/seed_%1/NoQK/results.json").arg(seed)).mean_pr.back());
        const double mean = (finals[0] + finals[1] + finals[2]) / 3;
        double ss = 0;
        for (double v : finals)
            ss += (v - mean) * (v - mean);
        const double half = 4.302652729911275 * std::sqrt(ss / 2) / std::sqrt(3.0);
        const auto& e = s["conditions"]["NoQK"]["final_pr"];
        QCOMPARE(e["n"].get<int>(), 3);
        QVERIFY(std::abs(e["mean"].get<double>() - mean) < 1e-9);
        QVERIFY(std::abs(e["ci95"][1].get<double>() - (mean + half)) < 1e-9);
        QVERIFY(s["differences"].contains("QK-QK_frozen"));
    }

    void resumeFinishesOnlyWhatIsMissing()
    {
        const QString out = m_dir.path() + "/seeds";
        const auto before = results(out + "/seed_5/QK/results.json").mean_pr;
        QVERIFY(QDir(out + "/seed_7").removeRecursively());
        const CliRun run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "5,6,7" << "--resume-or-start");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(listStudy((out + "/seed_7").toStdString()).size(), size_t(3));
        QCOMPARE(results(out + "/seed_5/QK/results.json").mean_pr, before); // finished: left alone
        // --resume of the whole study again: every run of every seed is finished.
        const CliRun again = runCli(tinyStudy(m_tokens, out) << "--seeds" << "5,6,7" << "--resume");
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void aFolderHoldsOneKindOfStudy()
    {
        const QString single = m_dir.path() + "/single";
        CliRun run = runCli(tinyStudy(m_tokens, single) << "--seed" << "3");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, single) << "--seeds" << "3,4");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("one-seed study"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(single + "/seed_4"));

        run = runCli(tinyStudy(m_tokens, m_dir.path() + "/seeds"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("multi-seed study") && run.err.contains("--config"), qPrintable(run.err));
    }

    void aMultiSeedFolderKeepsItsSettings()
    {
        const QString out = m_dir.path() + "/kept";
        CliRun run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Other settings into the same folder: refused, nothing written.
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "3" << "--set" << "train.muon_lr=0.05");
        QCOMPARE(run.exitCode, 2); // one seed into a multi-seed folder
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2,3" << "--set" << "train.muon_lr=0.05" << "--resume-or-start");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("other settings") && run.err.contains("train.muon_lr"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out + "/seed_3"));
        // The same settings with a seed added: the study grows.
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2,3" << "--resume-or-start");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(listStudy((out + "/seed_3").toStdString()).size(), size_t(3));
        // --overwrite with fewer seeds would leave seed_3 beside the new ones: refused.
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--overwrite");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("seed_3"), qPrintable(run.err));
        QCOMPARE(listStudy((out + "/seed_1").toStdString()).size(), size_t(3)); // nothing removed
        // train of one condition into the multi-seed folder's top: refused.
        run = runCli({"train", "--condition", "QK", "--data", m_tokens, "--out", out});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFileInfo::exists(out + "/QK"));
        // A mistyped --out with --resume leaves nothing behind.
        run = runCli(tinyStudy(m_tokens, m_dir.path() + "/typo") << "--seeds" << "1,2" << "--resume");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFileInfo::exists(m_dir.path() + "/typo"));
        // One seed given as --seeds 7 is a one-seed study at seed 7.
        run = runCli(tinyStudy(m_tokens, m_dir.path() + "/one") << "--seeds" << "7");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(listStudy((m_dir.path() + "/one").toStdString()).size(), size_t(3));
        QCOMPARE(readJson(m_dir.path() + "/one/config.json")["train"]["seed"].get<int>(), 7);
    }

    void badSeedListsAreRefused()
    {
        const QString out = m_dir.path() + "/bad";
        CliRun run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "4,4");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("study.seeds") && run.err.contains("twice"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,x");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("study.seeds"), qPrintable(run.err));
        run = runCli(tinyStudy(m_tokens, out) << "--seeds" << "1,2" << "--seed" << "3");
        QCOMPARE(run.exitCode, 2);
        run = runCli({"train", "--condition", "QK", "--seeds", "1,2", "--data", m_tokens, "--out", out});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--seed N"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_APPLESS_MAIN(TestCliSeeds)
#include "test_cli_seeds.moc"
