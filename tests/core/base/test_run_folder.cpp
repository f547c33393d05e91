// A results folder is a ledger: a condition's folder holds one run, known by the run id of its
// run.json, its checkpoints and its results.json. Here, without training: how a run may begin
// in a folder (results/RunFolder.h), which checkpoints are a run's (checkpoint/CheckpointFiles.h),
// the manifest's reader, and the folder's lock (common/RunLock.h).
#include "ErrorMessage.h"
#include "checkpoint/CheckpointFiles.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/RunLock.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "results/ResultsJson.h"
#include "results/RunFolder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace qks;
namespace fs = std::filesystem;

namespace {

nlohmann::json tinyConfig()
{
    return configToJson(presetConfig("tiny-cpu"));
}

// A checkpoint as listing sees one: the three files, the state readable. `version1` writes a
// state without a run id, as QK Studio did before run ids.
void writeCheckpoint(const fs::path& dir, int64_t step, const std::string& runId, const nlohmann::json& config,
                     bool version1 = false)
{
    fs::create_directories(dir);
    const fs::path stem = checkpointStem(dir, step);
    writeFileAtomically(stem.string() + ".safetensors", "weights");
    writeFileAtomically(stem.string() + ".optim.safetensors", "optimizer");
    TrainerState state;
    state.runId = runId;
    state.tag = "QK";
    state.microStep = step;
    state.config = config;
    std::string json = trainerStateJson(state);
    if (version1) {
        auto j = nlohmann::json::parse(json);
        j.erase("run_id");
        j.erase("results");
        j["version"] = 1;
        json = j.dump();
    }
    writeFileAtomically(stem.string() + ".json", json);
}

void writeResultsFile(const fs::path& dir, size_t probes)
{
    RunResults r;
    r.tag = "QK";
    for (size_t i = 0; i < probes; ++i) {
        r.tokens.push_back(static_cast<int64_t>(i) * 1024);
        r.loss.push_back(i ? std::optional<double>(5.0) : std::nullopt);
        r.val_loss.push_back(i ? std::optional<double>(5.5) : std::nullopt);
        r.mean_pr.push_back(20.0);
    }
    r.layer_pr.assign(1, std::vector<double>(probes, 20.0));
    r.gamma_cv.assign(1, std::vector<double>(probes, 0.1));
    writeResults(r, dir / "results.json");
}

QStringList namesIn(const fs::path& dir)
{
    QStringList names;
    for (const auto& e : fs::directory_iterator(dir))
        names << QString::fromStdString(e.path().filename().string());
    names.sort();
    return names;
}

} // namespace

class TestRunFolder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void theManifestRoundTripsAndRefusesATamperedConfiguration()
    {
        const fs::path dir = root() / "manifest";
        const RunManifest m = newRunManifest("QK", tinyConfig());
        QCOMPARE(m.runId.size(), size_t(32));
        QVERIFY(m.runId != newRunManifest("QK", tinyConfig()).runId);
        writeRunManifest(dir, m);
        const auto back = readRunManifest(dir);
        QVERIFY(back);
        QCOMPARE(back->runId, m.runId);
        QCOMPARE(back->configHash, m.configHash);
        QCOMPARE(back->config, m.config);
        QVERIFY(!readRunManifest(root() / "nowhere"));

        // A hand-edited learning rate no longer matches the hash: not silently a different run.
        std::string text = readFile(dir / "run.json");
        const auto at = text.find("\"muon_lr\": 0.012");
        QVERIFY(at != std::string::npos);
        text.replace(at, 16, "\"muon_lr\": 0.05");
        writeFileAtomically(dir / "run.json", text);
        QVERIFY2(dataErrorOf([&] { readRunManifest(dir); }).contains("does not match its hash"),
                 qPrintable(dataErrorOf([&] { readRunManifest(dir); })));
        writeFileAtomically(dir / "run.json", "{not json");
        QVERIFY(dataErrorOf([&] { readRunManifest(dir); }).contains("run.json: not a QK Studio run manifest"));
    }

    void onlyWhatChangesTheRunCountsAsADifference()
    {
        // One data folder however it is written.
        nlohmann::json spelled = tinyConfig(), slash = tinyConfig();
        spelled["data"]["path"] = "tokens";
        slash["data"]["path"] = fs::absolute("tokens").string() + "/";
        QVERIFY(trajectoryDifferences(spelled, slash).empty());
        slash["data"]["path"] = "other-tokens";
        QCOMPARE(trajectoryDifferences(spelled, slash).size(), size_t(1));

        nlohmann::json a = tinyConfig(), b = tinyConfig();
        for (const char* key : {"device", "threads", "kernels", "cpu_shards", "cuda_graph", "activation_checkpointing"})
            b["train"][key] = "changed";
        b["study"]["out"] = "elsewhere";
        b["checkpoint"]["keep"] = 9;
        QVERIFY(trajectoryDifferences(a, b).empty());
        b["train"]["muon_lr"] = 0.05;
        b["probe"]["every"] = 7;
        b["data"]["path"] = "other";
        const auto differing = trajectoryDifferences(a, b);
        QCOMPARE(differing.size(), size_t(3));
        QCOMPARE(QString::fromStdString(differing[0]), QString("data.path (\"data/demo/tokens\" → \"other\")"));
        QCOMPARE(QString::fromStdString(differing[1]), QString("probe.every (32 → 7)"));
        QCOMPARE(QString::fromStdString(differing[2]), QString("train.muon_lr (0.012 → 0.05)"));
    }

    void aFreshStartNeedsAFolderWithoutARun()
    {
        const fs::path dir = root() / "fresh";
        QCOMPARE(int(planRunStart(dir, "QK", tinyConfig(), StartMode::Fresh, 100).action), int(StartPlan::Action::Fresh));
        writeResultsFile(dir, 3);
        const QString refused = errorMessageOf<ConfigError>([&] { planRunStart(dir, "QK", tinyConfig(), StartMode::Fresh, 100); });
        QVERIFY2(refused.contains("already holds a run, 3 probes in results.json, no checkpoint") &&
                     refused.contains("--resume") && refused.contains("--overwrite"),
                 qPrintable(refused));
        const StartPlan overwrite = planRunStart(dir, "QK", tinyConfig(), StartMode::Overwrite, 100);
        QCOMPARE(int(overwrite.action), int(StartPlan::Action::Fresh));
        QVERIFY(QString::fromStdString(overwrite.note).contains("--overwrite: removing"));
    }

    void aResumeContinuesItsOwnRunOnly()
    {
        const fs::path dir = root() / "resume";
        const RunManifest m = newRunManifest("QK", tinyConfig());
        writeRunManifest(dir, m);
        writeResultsFile(dir, 3);
        writeCheckpoint(dir / "checkpoints", 8, m.runId, m.config);
        writeCheckpoint(dir / "checkpoints", 16, m.runId, m.config);
        writeCheckpoint(dir / "checkpoints", 80, "another-run", m.config); // left by another run

        StartPlan plan = planRunStart(dir, "QK", tinyConfig(), StartMode::Resume, 100);
        QCOMPARE(int(plan.action), int(StartPlan::Action::Continue));
        QCOMPARE(plan.manifest.runId, m.runId);
        QCOMPARE(checkpointMicroStep(plan.checkpoint), int64_t(16)); // not the other run's 80
        plan = planRunStart(dir, "QK", tinyConfig(), StartMode::Resume, 16);
        QCOMPARE(int(plan.action), int(StartPlan::Action::Finished));

        nlohmann::json device = tinyConfig();
        device["train"]["device"] = "cuda";
        QCOMPARE(int(planRunStart(dir, "QK", device, StartMode::Resume, 100).action), int(StartPlan::Action::Continue));
        nlohmann::json lr = tinyConfig();
        lr["train"]["muon_lr"] = 0.05;
        const QString refused = errorMessageOf<ConfigError>([&] { planRunStart(dir, "QK", lr, StartMode::Resume, 100); });
        QVERIFY2(refused.contains("train.muon_lr (0.012 → 0.05)") && refused.contains("run.json"), qPrintable(refused));
        QVERIFY(errorMessageOf<ConfigError>([&] { planRunStart(dir, "NoQK", tinyConfig(), StartMode::Resume, 100); })
                    .contains("holds a run of condition QK, not NoQK"));
    }

    // train.tokens may only grow, and only when asked: the plan's manifest records it.
    void extendingTheTokensIsExplicitAndRecorded()
    {
        const fs::path dir = root() / "extend";
        const RunManifest m = newRunManifest("QK", tinyConfig());
        writeRunManifest(dir, m);
        writeResultsFile(dir, 3);
        writeCheckpoint(dir / "checkpoints", 16, m.runId, m.config);
        const int64_t tokens = m.config["train"]["tokens"].get<int64_t>();
        nlohmann::json longer = tinyConfig();
        longer["train"]["tokens"] = 2 * tokens;

        const QString asked = errorMessageOf<ConfigError>([&] { planRunStart(dir, "QK", longer, StartMode::Resume, 1000); });
        QVERIFY2(asked.contains("train.tokens (" + QString::number(tokens) + " → " + QString::number(2 * tokens) + ")") &&
                     asked.contains("--extend-tokens"),
                 qPrintable(asked));

        const StartPlan plan = planRunStart(dir, "QK", longer, StartMode::Resume, 1000, true);
        QCOMPARE(int(plan.action), int(StartPlan::Action::Continue));
        QVERIFY(plan.extended);
        QCOMPARE(plan.manifest.runId, m.runId);
        QCOMPARE(plan.manifest.config["train"]["tokens"].get<int64_t>(), 2 * tokens);
        QCOMPARE(plan.manifest.configHash, configHash(plan.manifest.config));
        QCOMPARE(plan.manifest.extensions.size(), size_t(1));
        QCOMPARE(plan.manifest.extensions[0]["from"].get<int64_t>(), tokens);
        const nlohmann::json t = tinyConfig()["train"];
        QCOMPARE(plan.manifest.extensions[0]["at_tokens"].get<int64_t>(),
                 16 * t["batch_size"].get<int64_t>() * tinyConfig()["model"]["max_seq_len"].get<int64_t>());
        // Any other difference is still refused.
        nlohmann::json other = longer;
        other["train"]["muon_lr"] = 0.05;
        QVERIFY(errorMessageOf<ConfigError>([&] { planRunStart(dir, "QK", other, StartMode::Resume, 1000, true); })
                    .contains("train.muon_lr"));
        // The manifest keeps the record through a write and a read.
        writeRunManifest(dir, plan.manifest);
        QCOMPARE(readRunManifest(dir)->extensions, plan.manifest.extensions);

        nlohmann::json shorter = tinyConfig();
        shorter["train"]["tokens"] = tokens / 2;
        QVERIFY(errorMessageOf<ConfigError>([&] { planRunStart(root() / "extend-again", "QK", shorter, StartMode::Resume,
                                                                1000, true); }) == "NO EXCEPTION"); // nothing there: fresh
        writeRunManifest(root() / "extend-less", m);
        writeCheckpoint(root() / "extend-less" / "checkpoints", 16, m.runId, m.config);
        QVERIFY(errorMessageOf<ConfigError>([&] { planRunStart(root() / "extend-less", "QK", shorter, StartMode::Resume,
                                                                1000, true); })
                    .contains("must be more than the " + QString::number(tokens)));
    }

    void aResumeWithNothingToResumeFromSaysSo()
    {
        const fs::path empty = root() / "empty";
        const StartPlan plan = planRunStart(empty, "QK", tinyConfig(), StartMode::Resume, 100);
        QCOMPARE(int(plan.action), int(StartPlan::Action::Fresh));
        QVERIFY(QString::fromStdString(plan.note).contains("nothing to resume"));

        // Results but no checkpoint: resuming would have to start over and lose them.
        const fs::path bare = root() / "bare";
        writeRunManifest(bare, newRunManifest("QK", tinyConfig()));
        writeResultsFile(bare, 2);
        const QString refused = errorMessageOf<ConfigError>([&] { planRunStart(bare, "QK", tinyConfig(), StartMode::Resume, 100); });
        QVERIFY2(refused.contains("no checkpoint to resume from") && refused.contains("--overwrite"), qPrintable(refused));
    }

    void aFolderFromBeforeRunIdsIsContinued()
    {
        const fs::path dir = root() / "legacy";
        writeResultsFile(dir, 2);
        writeCheckpoint(dir / "checkpoints", 8, "", tinyConfig(), true);
        const StartPlan plan = planRunStart(dir, "QK", tinyConfig(), StartMode::Resume, 100);
        QCOMPARE(int(plan.action), int(StartPlan::Action::Continue));
        QCOMPARE(plan.manifest.runId, std::string(kLegacyRunId));
        QVERIFY(QString::fromStdString(plan.note).contains("no run.json"));
    }

    void onlyCompleteCheckpointsOfTheRunAreListedAndPruned()
    {
        const fs::path dir = root() / "prune" / "checkpoints";
        for (int64_t step : {8, 16, 24, 32})
            writeCheckpoint(dir, step, "mine", tinyConfig());
        writeCheckpoint(dir, 40, "theirs", tinyConfig());
        fs::remove(checkpointStem(dir, 32).string() + ".optim.safetensors"); // a save cut short
        writeFileAtomically(checkpointStem(dir, 4).string() + ".safetensors", "a save killed before its .json");
        writeFileAtomically(checkpointStem(dir, 12).string() + ".optim.safetensors.tmp.4242", "torn");
        QCOMPARE(listCheckpoints(dir, std::string("mine")).size(), size_t(3)); // 8, 16, 24
        QCOMPARE(listCheckpoints(dir).size(), size_t(4));                     // and theirs

        pruneCheckpoints(dir, 2, "mine");
        // 8 goes; the debris older than the oldest kept (4, 12) goes; theirs and 32's remains stay.
        QCOMPARE(namesIn(dir), (QStringList{"step_000000016.json", "step_000000016.optim.safetensors",
                                            "step_000000016.safetensors", "step_000000024.json",
                                            "step_000000024.optim.safetensors", "step_000000024.safetensors",
                                            "step_000000032.json", "step_000000032.safetensors",
                                            "step_000000040.json", "step_000000040.optim.safetensors",
                                            "step_000000040.safetensors"}));
        removeCheckpointsAfter(dir, 16, "mine");
        QCOMPARE(listCheckpoints(dir, std::string("mine")).size(), size_t(1));
        QCOMPARE(listCheckpoints(dir, std::string("theirs")).size(), size_t(1));
    }

    void overwriteRemovesTheRunAndNothingElse()
    {
        const fs::path dir = root() / "clear";
        writeRunManifest(dir, newRunManifest("QK", tinyConfig()));
        writeResultsFile(dir, 2);
        writeCheckpoint(dir / "checkpoints", 8, "x", tinyConfig());
        writeFileAtomically(dir / "notes.txt", "the researcher's own file");
        writeFileAtomically(dir / "checkpoints" / "README", "also theirs");
        clearRunFolder(dir);
        QCOMPARE(namesIn(dir), (QStringList{"checkpoints", "notes.txt"}));
        QCOMPARE(namesIn(dir / "checkpoints"), QStringList{"README"});
        QVERIFY(!inspectRunFolder(dir).holdsRun());
    }

    void oneWriterHoldsTheLock()
    {
        const fs::path dir = root() / "lock";
        {
            RunLock first(dir);
            const QString refused = errorMessageOf<ConfigError>([&] { RunLock second(dir); });
            QVERIFY2(refused.contains("is being written by PID " + QString::number(::getpid())), qPrintable(refused));
        }
        RunLock again(dir); // released with its holder
    }

    void theLockOfADeadWriterIsTakenOverWithALogLine()
    {
        const fs::path dir = root() / "stale";
        fs::create_directories(dir);
        writeFileAtomically(dir / RunLock::kFileName, "pid 2147480000 host elsewhere started 2026-01-01T00:00:00Z\n");
        std::string logged;
        RunLock lock(dir, [&](const std::string& line) { logged += line; });
        QVERIFY2(QString::fromStdString(logged).contains("left by PID 2147480000 on elsewhere"), logged.c_str());
        QVERIFY(readFile(dir / RunLock::kFileName).find("pid " + std::to_string(::getpid())) == 0);
    }

    void aReaderTellsALiveWriterFromADeadOne()
    {
        using State = RunLock::Holder::State;
        const fs::path dir = root() / "holder";
        fs::create_directories(dir);
        QCOMPARE(RunLock::holderOf(dir).state, State::None); // no file
        {
            RunLock lock(dir);
            const RunLock::Holder h = RunLock::holderOf(dir);
            QCOMPARE(h.state, State::Alive);
            QCOMPARE(h.pid, long(::getpid()));
        }
        QCOMPARE(RunLock::holderOf(dir).state, State::None); // emptied by a clean end

        char host[256] = {};
        QCOMPARE(::gethostname(host, sizeof host - 1), 0);
        // A PID that no process has (above pid_max), as a kill -9 leaves it.
        writeFileAtomically(dir / RunLock::kFileName, "pid 2147480000 host " + std::string(host) + " started x\n");
        QCOMPARE(RunLock::holderOf(dir).state, State::Gone);
        // A running process that is not a qkstudio writer: a reused PID does not make a run live.
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted());
        writeFileAtomically(dir / RunLock::kFileName,
                            "pid " + std::to_string(sleeper.processId()) + " host " + std::string(host) + " started x\n");
        QCOMPARE(RunLock::holderOf(dir).state, State::Gone);
        sleeper.kill();
        sleeper.waitForFinished();
        // A command line that merely mentions qkstudio is not a qkstudio program.
        QProcess shell;
        shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("sleep 30; echo qkstudio")});
        QVERIFY(shell.waitForStarted());
        writeFileAtomically(dir / RunLock::kFileName,
                            "pid " + std::to_string(shell.processId()) + " host " + std::string(host) + " started x\n");
        QCOMPARE(RunLock::holderOf(dir).state, State::Gone);
        shell.kill();
        shell.waitForFinished();
        // PIDs no process can have: wrapped past 32 bits (to 1, to -1), kernel threads (2).
        for (const char* pid : {"4294967297", "4294967295", "2", "99999999999999999999"}) {
            writeFileAtomically(dir / RunLock::kFileName, "pid " + std::string(pid) + " host " + std::string(host) + " started x\n");
            QVERIFY2(RunLock::holderOf(dir).state != State::Alive, pid);
        }
        // A killed writer its parent has not reaped yet (a zombie) is gone.
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QStringLiteral("/proc/%1").arg(child)), 1000);
        QTest::qWait(100); // it exits at once; not waited for, it stays a zombie
        writeFileAtomically(dir / RunLock::kFileName, "pid " + std::to_string(child) + " host " + std::string(host) + " started x\n");
        QCOMPARE(RunLock::holderOf(dir).state, State::Gone);
        ::waitpid(child, nullptr, 0);
        writeFileAtomically(dir / RunLock::kFileName, "pid 42 host some-other-machine started x\n");
        QCOMPARE(RunLock::holderOf(dir).state, State::OtherHost);
    }

private:
    fs::path root() const { return m_dir.path().toStdString(); }

    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestRunFolder)
#include "test_run_folder.moc"
