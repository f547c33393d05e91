// End to end through qkstudio-cli: prepare a small corpus, run a very small three-condition
// study, and check every results.json against the schema and the loop's promises; then the
// exit codes for bad configs, missing data and usage errors.
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
using qks::testing::writeWordCorpus;


class TestCliStudy final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.path() + "/text");
        writeWordCorpus(m_dir.path() + "/text", 6, 12000);
        const CliRun prep = runCli({"prepare", "--text", m_dir.path() + "/text", "--vocab-size", "300", "--seq-len", "32",
                                 "--out", m_dir.path() + "/tokens"});
        QVERIFY2(prep.exitCode == 0, qPrintable(prep.err));
    }

    void smallStudyWritesValidResults()
    {
        const QString out = m_dir.path() + "/study";
        const CliRun run = runCli({"study", "--preset", "tiny-cpu", "--data", m_dir.path() + "/tokens", "--out", out,
                                "--set", "model.d_model=32", "--set", "model.n_layers=2", "--set", "model.n_heads=4",
                                "--set", "model.n_kv_heads=2", "--set", "model.d_ff=64", "--set", "model.vocab_size=300",
                                "--set", "model.max_seq_len=32", "--set", "train.batch_size=4", "--set",
                                "train.gradient_accumulation_steps=2", "--set", "train.tokens=2048", "--set",
                                "probe.every=4", "--set", "probe.early_every=2", "--set", "probe.early_until=4",
                                "--set", "probe.batch=4", "--set", "probe.val_batches=2", "--set", "probe.post_rope=true"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains("QK_frozen")); // the summary table
        QVERIFY(run.out.contains(out));         // where the results are

        const auto entries = listStudy(out.toStdString());
        QCOMPARE(entries.size(), size_t(3));
        QCOMPARE(entries[0].tag, std::string("QK"));
        QCOMPARE(entries[1].tag, std::string("QK_frozen"));
        QCOMPARE(entries[2].tag, std::string("NoQK"));
        for (const auto& e : entries) {
            QVERIFY2(e.ok(), e.error.c_str());
            const RunResults& r = *e.results;
            QVERIFY(validateResults(r).empty());
            // 2048 tokens / (4×32) = 16 micro-steps of 128 tokens; probes at 0, then every 2
            // micro-steps until 4 (early), then every 4.
            QCOMPARE(r.tokens, (std::vector<int64_t>{0, 256, 512, 1024, 1536, 2048}));
            QVERIFY(!r.loss[0] && !r.val_loss[0]);
            for (size_t i = 1; i < r.tokens.size(); ++i)
                QVERIFY(r.loss[i] && std::isfinite(*r.loss[i]) && r.val_loss[i] && std::isfinite(*r.val_loss[i]));
            QCOMPARE(r.layer_pr.size(), size_t(2));
            for (size_t i = 0; i < r.tokens.size(); ++i) {
                QVERIFY(r.mean_pr[i] >= 1.0 && r.mean_pr[i] <= 8.0); // d_k = 8
                QVERIFY(std::abs(r.mean_pr[i] - (r.layer_pr[0][i] + r.layer_pr[1][i]) / 2) < 1e-12);
            }
            QVERIFY(r.extra.contains("post_rope_layer_pr"));
            const bool learned = r.tag == "QK";
            const bool frozen = r.tag == "QK_frozen";
            QCOMPARE(r.gamma_cv.size(), size_t(learned || frozen ? 2 : 0));
            QCOMPARE(r.gamma_final.has_value(), learned);
            if (frozen)
                for (const auto& layer : r.gamma_cv)
                    for (double v : layer)
                        QCOMPARE(v, 0.0);
            if (learned) {
                QCOMPARE(r.gamma_final->size(), size_t(2));
                QCOMPARE((*r.gamma_final)[0].size(), size_t(8));
            }
        }
        // Same seed and data: the three conditions start from the same initial loss regime and
        // QK / QK_frozen from the same initial PR (γ = 1 at init in both).
        QCOMPARE(entries[0].results->mean_pr[0], entries[1].results->mean_pr[0]);

        // The file is what the original's json.load expects: the published keys in order.
        std::ifstream in(out.toStdString() + "/NoQK/results.json");
        const auto j = nlohmann::ordered_json::parse(in);
        std::vector<std::string> keys;
        for (auto it = j.begin(); it != j.end(); ++it)
            keys.push_back(it.key());
        QCOMPARE(std::vector<std::string>(keys.begin(), keys.begin() + 7),
                 (std::vector<std::string>{"tag", "tokens", "loss", "val_loss", "mean_pr", "layer_pr", "gamma_cv"}));
        QVERIFY(j["gamma_cv"].is_object() && j["gamma_cv"].empty());

        const CliRun summary = runCli({"summary", out, "--json"});
        QCOMPARE(summary.exitCode, 0);
        const auto sj = nlohmann::json::parse(summary.out.toStdString());
        QVERIFY(sj.is_array() || sj.is_object());
    }

    void divergedRunExitsFourAndKeepsResults()
    {
        const QString out = m_dir.path() + "/diverged";
        const CliRun run = runCli({"study", "--data", m_dir.path() + "/tokens", "--out", out, "--conditions", "NoQK,QK",
                                "--set", "model.d_model=32", "--set", "model.n_layers=2", "--set", "model.n_heads=4",
                                "--set", "model.n_kv_heads=2", "--set", "model.d_ff=64", "--set", "model.vocab_size=300",
                                "--set", "model.max_seq_len=32", "--set", "train.batch_size=4", "--set",
                                "train.gradient_accumulation_steps=1", "--set", "train.tokens=4096", "--set",
                                "probe.every=8", "--set", "probe.early_every=0", "--set", "train.grad_clip=0",
                                "--set", "train.muon_lr=1e8", "--set", "train.adamw_lr=1e8"});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("NaN") || run.err.contains("infinite"));
        QVERIFY(run.err.contains("results.json"));
        // Each condition diverged on its own and kept its initial probe.
        for (const char* tag : {"NoQK", "QK"}) {
            const RunResults r = readResults((out + "/" + tag + "/results.json").toStdString());
            QVERIFY(!r.tokens.empty());
            QCOMPARE(r.tokens[0], int64_t(0));
        }
    }

    void exitCodes()
    {
        QCOMPARE(runCli({"study", "--set", "model.n_heads=3", "--out", m_dir.path() + "/bad"}).exitCode, 2);
        const CliRun missing = runCli({"study", "--data", m_dir.path() + "/nowhere", "--out", m_dir.path() + "/bad"});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains("nowhere"));
        QCOMPARE(runCli({"study", "--no-such-option", "1"}).exitCode, 2);
        QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli({"train", "--out", m_dir.path() + "/bad"}).exitCode, 2); // no --condition
    }

    void paramsAndConfigCommands()
    {
        const CliRun qk = runCli({"params", "--preset", "study-50m"});
        QCOMPARE(qk.exitCode, 0);
        QVERIFY(qk.out.contains("1,577,199,616"));
        const CliRun noqk = runCli({"params", "--preset", "study-50m", "--condition", "NoQK", "--json"});
        QCOMPARE(nlohmann::json::parse(noqk.out.toStdString())["parameters"].get<int64_t>(), int64_t(1'577'191'424));
        const CliRun config = runCli({"config", "--preset", "pilot-500k", "--set", "train.seed=7"});
        QCOMPARE(config.exitCode, 0);
        const auto cj = nlohmann::json::parse(config.out.toStdString());
        QCOMPARE(cj["train"]["seed"].get<int>(), 7);
        QCOMPARE(cj["train"]["batch_size"].get<int>(), 1);
        // params also estimates a run's memory (study-50m: fp32 weights are 4 bytes × 1.58e9; under
        // CUDA autocast their bf16 copies add 2 bytes for all but the 141,312 norm weights).
        const auto mem = nlohmann::json::parse(runCli({"params", "--preset", "study-50m", "--json"}).out.toStdString());
        const auto& estimates = mem["estimated_memory_bytes"];
        QCOMPARE(estimates["cpu_fp32"]["weights"].get<int64_t>(), int64_t(4) * 1'577'199'616);
        QCOMPARE(estimates["cuda_bf16_fused_attention"]["weights"].get<int64_t>(),
                 int64_t(4) * 1'577'199'616 + int64_t(2) * (1'577'199'616 - 141'312));
        // Every estimate has the parts bench reports, and they add up to its total.
        for (const auto& [where, e] : estimates.items()) {
            int64_t sum = 0;
            for (const char* part : {"weights", "gradients", "optimizer", "activations", "probe_beside_cuda_graph"})
                sum += e.at(part).get<int64_t>();
            QCOMPARE(e.at("total").get<int64_t>(), sum);
        }
    }

    void everyCommandExplainsItselfWithHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("anOption"); // one option the command's help must describe
        QTest::newRow("study") << "study" << "--conditions";
        QTest::newRow("train") << "train" << "--condition";
        QTest::newRow("probe") << "probe" << "--post-rope";
        QTest::newRow("eval") << "eval" << "--batch-size";
        QTest::newRow("prepare") << "prepare" << "--text-field";
        QTest::newRow("tokenize") << "tokenize" << "--decode";
        QTest::newRow("inspect") << "inspect" << "--seq-len";
        QTest::newRow("summary") << "summary" << "--json";
        QTest::newRow("params") << "params" << "--condition";
        QTest::newRow("config") << "config" << "--set";
        QTest::newRow("bench") << "bench" << "--compare-kernels";
        QTest::newRow("crosscheck") << "crosscheck" << "--against";
    }

    void everyCommandExplainsItselfWithHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, anOption);
        // --help wins over everything else on the line, even a missing required option.
        for (const QStringList& args : {QStringList{command, "--help"}, QStringList{command, "-h", "--json"}}) {
            const CliRun run = runCli(args);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.startsWith("usage: qkstudio-cli " + command + " "), qPrintable(run.out));
            QVERIFY2(run.out.contains("\n  " + anOption + " "), qPrintable(run.out));
            QVERIFY(run.err.isEmpty());
        }
        // Without --help a usage error still names the command's usage on stderr, and exits 2.
        const CliRun bad = runCli({command, "--no-such-option", "1"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("usage: qkstudio-cli " + command), qPrintable(bad.err));
    }

    void benchReportsSpeedAndFlops()
    {
        const CliRun run = runCli({"bench", "--preset", "tiny-cpu", "--set", "model.d_model=32", "--set", "model.n_layers=2",
                                "--set", "model.n_heads=4", "--set", "model.n_kv_heads=2", "--set", "model.d_ff=64",
                                "--set", "model.vocab_size=300", "--set", "model.max_seq_len=32", "--set",
                                "train.batch_size=4", "--set", "train.gradient_accumulation_steps=2", "--set",
                                "probe.batch=4", "--set", "probe.val_batches=2", "--steps", "4", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QVERIFY(j["tokens_per_second"].get<double>() > 0);
        QCOMPARE(j["timed_micro_steps"].get<int>(), 4);
        QVERIFY(j["forward_ms_per_micro_step"].get<double>() > 0);
        QVERIFY(j["backward_ms_per_micro_step"].get<double>() > 0);
        QVERIFY(j["optimizer_ms_per_optimizer_step"].get<double>() > 0);
        QVERIFY(j["probe_ms"].get<double>() > 0);
        QVERIFY(j["mfu"].is_null()); // no MFU on the CPU
        // 6 × (2 blocks × (q 32·32 + k,v 2·32·16 + o 32·32 + FFN 2·32·64) + LM head 300·32) + 12 × 2 × 32 × 32
        QCOMPARE(j["flops_per_token"].get<double>(), 168192.0);
        QVERIFY(j["peak_memory_bytes"].get<int64_t>() > 0);
        QCOMPARE(j["estimated_memory_bytes"]["probe_beside_cuda_graph"].get<int64_t>(), int64_t(0)); // no graph on the CPU
        QCOMPARE(runCli({"bench", "--steps", "0"}).exitCode, 2);
    }

    void crossCheckComparesTwoDevices()
    {
        // The CPU against itself: the same seed, weights and batches give the same losses bit for
        // bit, and the two alternating batches are being memorised (the loss falls).
        const CliRun run = runCli({"crosscheck", "--device", "cpu", "--against", "cpu", "--steps", "8", "--json", "--set",
                                "model.d_model=32", "--set", "model.n_layers=2", "--set", "model.n_heads=4", "--set",
                                "model.n_kv_heads=2", "--set", "model.d_ff=64", "--set", "model.vocab_size=300", "--set",
                                "model.max_seq_len=32", "--set", "train.batch_size=4", "--set",
                                "train.gradient_accumulation_steps=2"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QVERIFY(j["agree"].get<bool>());
        QCOMPARE(j["candidate_losses"], j["reference_losses"]);
        QCOMPARE(j["max_loss_relative_difference"].get<double>(), 0.0);
        QCOMPARE(j["tolerance"].get<double>(), 1e-5); // fp32 on both sides
        const auto losses = j["candidate_losses"].get<std::vector<double>>();
        QCOMPARE(losses.size(), size_t(8));
        QVERIFY2(losses[6] < losses[0] - 0.1, qPrintable(QString::fromStdString(j["candidate_losses"].dump())));
        QVERIFY(j["candidate_initial_mean_pr"].get<double>() > 1.0);
        // A device that does not exist is a configuration error, not a disagreement.
        QCOMPARE(runCli({"crosscheck", "--device", "cuda:7", "--steps", "1"}).exitCode, 2);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestCliStudy)
#include "test_cli_study.moc"
