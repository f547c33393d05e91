// Checkpoints: exact resume (a run stopped at a checkpoint and resumed writes the same
// results.json and the same final weights as one that never stopped), a fresh qkstudio-cli
// process probing / evaluating the final checkpoint reproduces the run's last probe, PyTorch
// interop in both directions (tests/reference/checkpoint_interop.py), and mismatches named.
#include "ErrorMessage.h"
#include "checkpoint/Safetensors.h"
#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "data/TokenDataset.h"
#include "data/TokenShard.h"
#include "probe/KeyProbe.h"
#include "results/ResultsJson.h"
#include "train/Checkpoint.h"
#include "train/CheckpointModel.h"
#include "train/EvalBatches.h"
#include "train/Trainer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

using namespace qks;
namespace fs = std::filesystem;

namespace {

StudyConfig tinyConfig(const fs::path& data, const fs::path& out)
{
    StudyConfig c = presetConfig("tiny-cpu");
    c.model.d_model = 32; c.model.n_layers = 2; c.model.n_heads = 4; c.model.n_kv_heads = 2;
    c.model.d_ff = 64; c.model.vocab_size = 50; c.model.max_seq_len = 16;
    c.train.batch_size = 4; c.train.gradient_accumulation_steps = 2; c.train.tokens = 16 * 64;
    c.train.threads = 1;
    c.probe.every = 4; c.probe.early_every = 0; c.probe.early_until = 0; c.probe.at_end = true;
    c.probe.batch = 4; c.probe.val_batches = 2;
    c.checkpoint.every_tokens = 8 * 64; // after micro-step 8 of 16
    c.checkpoint.keep = 5;
    c.data.path = data.string();
    c.study.out = out.string();
    return c;
}

// Token streams with structure (a random walk over a successor table), so training moves.
void writeData(const fs::path& dir)
{
    fs::create_directories(dir);
    std::vector<uint32_t> train, val;
    uint32_t t = 0;
    uint64_t x = 99;
    for (int i = 0; i < 40000; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        t = (t * 7 + static_cast<uint32_t>((x >> 40) % 3)) % 50;
        (i < 36000 ? train : val).push_back(t);
    }
    writeTokenShard(dir / "demo_train_000.bin", train, TokenWidth::U16);
    writeTokenShard(dir / "demo_val_000.bin", val, TokenWidth::U16);
}

QString runProcess(const QString& program, const QStringList& args, int* exitCode)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(300000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()) + (*exitCode ? QString::fromUtf8(p.readAllStandardError()) : "");
}

bool sameTensors(const fs::path& a, const fs::path& b)
{
    const auto fa = SafetensorsFile::open(a), fb = SafetensorsFile::open(b);
    if (fa.tensors().size() != fb.tensors().size())
        return false;
    for (const auto& t : fa.tensors()) {
        const auto* u = fb.find(t.name);
        if (!u || u->bytes != t.bytes || std::memcmp(u->data, t.data, t.bytes) != 0)
            return false;
    }
    return true;
}

} // namespace

class TestCheckpoint final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(1);
        writeData(root() / "data");
    }

    void resumeIsExact()
    {
        const StudyConfig a = tinyConfig(root() / "data", root() / "a");
        const TokenDataset data = TokenDataset::open(a.data.path, 16, 50);
        Trainer full(a, *conditionForTag("QK"), data, root() / "a" / "QK" / "results.json");
        const RunResults straight = full.run();
        const auto checkpoints = listCheckpoints(root() / "a" / "QK" / "checkpoints");
        QCOMPARE(checkpoints.size(), size_t(2)); // after micro-step 8, and at the end
        QCOMPARE(checkpointMicroStep(checkpoints[0]), int64_t(8));
        QCOMPARE(checkpointMicroStep(checkpoints[1]), int64_t(16));

        // A second run dir holding what a crash after the first checkpoint leaves: its
        // results.json already has later probes, which the resume must drop and redo.
        const StudyConfig b = tinyConfig(root() / "data", root() / "b");
        fs::create_directories(root() / "b" / "QK" / "checkpoints");
        fs::copy_file(root() / "a" / "QK" / "results.json", root() / "b" / "QK" / "results.json");
        for (const char* ext : {".safetensors", ".optim.safetensors", ".json"})
            fs::copy_file(root() / "a" / "QK" / "checkpoints" / (std::string("step_000000008") + ext),
                          root() / "b" / "QK" / "checkpoints" / (std::string("step_000000008") + ext));
        Trainer resumed(b, *conditionForTag("QK"), data, root() / "b" / "QK" / "results.json");
        resumed.setResumeFrom(root() / "b" / "QK" / "checkpoints" / "step_000000008.safetensors");
        const RunResults after = resumed.run();

        QCOMPARE(after.tokens, straight.tokens);
        QCOMPARE(after.loss, straight.loss);
        QCOMPARE(after.val_loss, straight.val_loss);
        QCOMPARE(after.mean_pr, straight.mean_pr);
        QCOMPARE(after.layer_pr, straight.layer_pr);
        QCOMPARE(after.gamma_cv, straight.gamma_cv);
        QVERIFY(after.gamma_final && *after.gamma_final == *straight.gamma_final);
        QVERIFY(sameTensors(root() / "a" / "QK" / "checkpoints" / "step_000000016.safetensors",
                            root() / "b" / "QK" / "checkpoints" / "step_000000016.safetensors"));
        QVERIFY(sameTensors(root() / "a" / "QK" / "checkpoints" / "step_000000016.optim.safetensors",
                            root() / "b" / "QK" / "checkpoints" / "step_000000016.optim.safetensors"));
    }

    void resumeRefusesAnotherRunsResults_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another condition's tag") << "tag" << "holds the results of condition QK_frozen, not QK";
        QTest::newRow("no γ series (a NoQK file)") << "gamma" << "0 layers' γ CV";
        QTest::newRow("another layer count") << "layers" << "holds 1 layers' PR";
    }

    void resumeRefusesAnotherRunsResults()
    {
        // Appending a QK run to such a file would label it wrongly or write out of bounds.
        QFETCH(QString, change);
        QFETCH(QString, expected);
        const fs::path dir = root() / ("swap_" + change.toStdString());
        const StudyConfig c = tinyConfig(root() / "data", dir);
        fs::create_directories(dir / "QK" / "checkpoints");
        for (const char* ext : {".safetensors", ".optim.safetensors", ".json"})
            fs::copy_file(root() / "a" / "QK" / "checkpoints" / (std::string("step_000000008") + ext),
                          dir / "QK" / "checkpoints" / (std::string("step_000000008") + ext));
        RunResults other = readResults(root() / "a" / "QK" / "results.json");
        other.gamma_final.reset(); // a run cut short has none yet
        if (change == "tag")
            other.tag = "QK_frozen";
        else if (change == "gamma")
            other.gamma_cv.clear();
        else {
            other.layer_pr.resize(1);
            other.gamma_cv.resize(1);
        }
        writeResults(other, dir / "QK" / "results.json");
        const TokenDataset data = TokenDataset::open(c.data.path, 16, 50);
        Trainer resumed(c, *conditionForTag("QK"), data, dir / "QK" / "results.json");
        resumed.setResumeFrom(dir / "QK" / "checkpoints" / "step_000000008.safetensors");
        const QString message = dataErrorOf([&] { resumed.run(); });
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void freshProcessReproducesTheLastProbe()
    {
        const RunResults r = readResults(root() / "a" / "QK" / "results.json");
        const QString weights = QString::fromStdString((root() / "a" / "QK" / "checkpoints" / "step_000000016.safetensors").string());
        int code = 0;
        const auto probe = nlohmann::json::parse(runProcess(QKS_CLI_PATH, {"probe", "--checkpoint", weights, "--json"}, &code).toStdString());
        QCOMPARE(code, 0);
        QCOMPARE(probe["mean_pr"].get<double>(), r.mean_pr.back());
        QCOMPARE(probe["layer_pr"].get<std::vector<double>>(), (std::vector<double>{r.layer_pr[0].back(), r.layer_pr[1].back()}));
        QCOMPARE(probe["gamma"].size(), size_t(2));
        const auto eval = nlohmann::json::parse(runProcess(QKS_CLI_PATH, {"eval", "--checkpoint", weights, "--json"}, &code).toStdString());
        QCOMPARE(code, 0);
        QCOMPARE(eval["loss"].get<double>(), *r.val_loss.back());
    }

    void aCheckpointIsMeasuredWithItsRunsKernels()
    {
        // probe and eval rebuild the model from the checkpoint: with the kernels the run trained
        // with, so that a reference-kernel run's last probe is reproduced to the bit too.
        StudyConfig c = tinyConfig(root() / "data", root() / "ref");
        c.train.kernels = "reference";
        const TokenDataset data = TokenDataset::open(c.data.path, 16, 50);
        Trainer trainer(c, *conditionForTag("NoQK"), data, root() / "ref" / "NoQK" / "results.json");
        const RunResults r = trainer.run();
        const QString weights =
            QString::fromStdString((root() / "ref" / "NoQK" / "checkpoints" / "step_000000016.safetensors").string());
        int code = 0;
        const auto probe = nlohmann::json::parse(runProcess(QKS_CLI_PATH, {"probe", "--checkpoint", weights, "--json"}, &code).toStdString());
        QCOMPARE(code, 0);
        QCOMPARE(probe["mean_pr"].get<double>(), r.mean_pr.back());
        const auto eval = nlohmann::json::parse(runProcess(QKS_CLI_PATH, {"eval", "--checkpoint", weights, "--json"}, &code).toStdString());
        QCOMPARE(code, 0);
        QCOMPARE(eval["loss"].get<double>(), *r.val_loss.back());
    }

    void pytorchLoadsOurCheckpoint()
    {
        torch::manual_seed(4);
        const StudyConfig c = tinyConfig(root() / "data", root() / "x");
        MinimalLlm model(c.model, QkNormMode::Frozen);
        StudyOptimizer optimizer(*model, c.train);
        TrainerState state;
        state.tag = "QK_frozen";
        state.config = configToJson(c);
        const fs::path weights = saveCheckpoint(root() / "interop", model, optimizer, state);
        QVERIFY(SafetensorsFile::open(weights).find("lm_head.weight") == nullptr); // the tied head is written once

        const auto ids = torch::randint(0, 50, {2, 16}, torch::kLong);
        const double loss = model->loss(ids).item<double>();
        const KeyProbeResult probe = probeKeys(model, ids);
        int code = 0;
        const QString out = runProcess("/usr/bin/python3", {QKS_REFERENCE_DIR "/checkpoint_interop.py", "load", "--weights",
                                                            QString::fromStdString(weights.string()), "--model",
                                                            QString::fromStdString(configToJson(c)["model"].dump()),
                                                            "--condition", "QK_frozen", "--ids", idsJson(ids)}, &code);
        QVERIFY2(code == 0, qPrintable(out));
        const auto py = nlohmann::json::parse(out.toStdString());
        QVERIFY(std::abs(py["loss"].get<double>() - loss) < 1e-6);
        QVERIFY(std::abs(py["mean_pr"].get<double>() - probe.meanPr) < 1e-6 * probe.meanPr);
    }

    void weLoadAPytorchCheckpoint()
    {
        const StudyConfig c = tinyConfig(root() / "data", root() / "x");
        const auto ids = torch::randint(0, 50, {2, 16}, torch::kLong);
        const fs::path weights = root() / "from_pytorch.safetensors";
        int code = 0;
        const QString out = runProcess("/usr/bin/python3", {QKS_REFERENCE_DIR "/checkpoint_interop.py", "save", "--weights",
                                                            QString::fromStdString(weights.string()), "--model",
                                                            QString::fromStdString(configToJson(c)["model"].dump()),
                                                            "--condition", "NoQK", "--seed", "7", "--ids", idsJson(ids)}, &code);
        QVERIFY2(code == 0, qPrintable(out));
        const auto py = nlohmann::json::parse(out.toStdString());
        QVERIFY(SafetensorsFile::open(weights).find("lm_head.weight") != nullptr); // PyTorch wrote the tied head too

        // No config in the file: shapes from the tensors, head count from the fallback (NoQK has no q_norm).
        StudyConfig fallback = presetConfig("tiny-cpu");
        fallback.model.n_heads = 4;
        fallback.model.max_seq_len = 16;
        CheckpointModel loaded = loadCheckpointModel(weights, fallback, std::nullopt);
        QCOMPARE(loaded.condition.tag, std::string("NoQK"));
        QCOMPARE(loaded.config.model.d_model, int64_t(32));
        QCOMPARE(loaded.config.model.n_kv_heads, int64_t(2));
        QCOMPARE(loaded.config.model.vocab_size, int64_t(50));
        torch::NoGradGuard noGrad;
        QVERIFY(std::abs(loaded.model->loss(ids).item<double>() - py["loss"].get<double>()) < 1e-6);
        QVERIFY(std::abs(probeKeys(loaded.model, ids).meanPr - py["mean_pr"].get<double>()) < 1e-6 * py["mean_pr"].get<double>());
    }

    void trainingContinuesFromPytorchWeights()
    {
        // train --init: the run's first probe measures the PyTorch weights, then it trains.
        const fs::path weights = root() / "from_pytorch.safetensors";
        const StudyConfig c = tinyConfig(root() / "data", root() / "init");
        const TokenDataset data = TokenDataset::open(c.data.path, 16, 50);
        Trainer trainer(c, *conditionForTag("NoQK"), data, root() / "init" / "NoQK" / "results.json");
        trainer.setInitialWeights(weights);
        const RunResults r = trainer.run();

        StudyConfig fallback = c;
        CheckpointModel loaded = loadCheckpointModel(weights, fallback, std::string("NoQK"));
        const auto probeIds = probeBatch(data, c.probe.batch, c.train.seed); // the run's own draw
        QCOMPARE(r.mean_pr[0], probeKeys(loaded.model, probeIds).meanPr);
        QVERIFY(r.mean_pr.back() != r.mean_pr[0]); // and it trained
    }

    void mismatchesAreNamed()
    {
        const fs::path weights = root() / "from_pytorch.safetensors"; // NoQK, d_model 32
        StudyConfig wrong = tinyConfig(root() / "data", root() / "x");
        wrong.model.d_ff = 96;
        MinimalLlm model(wrong.model, QkNormMode::Learned);
        try {
            loadModelWeights(model, SafetensorsFile::open(weights));
            QFAIL("a mismatched checkpoint loaded");
        } catch (const DataError& e) {
            const QString m = e.what();
            QVERIFY2(m.contains("missing") && m.contains("transformer_blocks.0.attention.k_norm.weight"), qPrintable(m));
            QVERIFY2(m.contains("wrong shape") && m.contains("up_proj.weight is 64×32 in the file but 96×32"), qPrintable(m));
        }
    }

    void divergedWeightsAreNotMeasured()
    {
        // probe and eval on NaN weights would print PR 0 and loss nan as if they were numbers.
        const StudyConfig c = tinyConfig(root() / "data", root() / "nanweights");
        MinimalLlm model(c.model, QkNormMode::Learned);
        {
            torch::NoGradGuard noGrad;
            model->named_parameters()["transformer_blocks.1.feed_forward.up_proj.weight"][0][3] = NAN;
        }
        StudyOptimizer optimizer(*model, c.train);
        TrainerState state;
        state.tag = "QK";
        state.config = configToJson(c);
        const QString weights = QString::fromStdString(saveCheckpoint(root() / "nanweights", model, optimizer, state).string());
        for (const char* command : {"probe", "eval"}) {
            QProcess p;
            p.start(QKS_CLI_PATH, {command, "--checkpoint", weights});
            p.waitForFinished(300000);
            QCOMPARE(p.exitCode(), 4);
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(err.contains("transformer_blocks.1.feed_forward.up_proj.weight holds NaN or infinite values"),
                     qPrintable(err));
        }
        int code = 0;
        const QString good = QString::fromStdString((root() / "a" / "QK" / "checkpoints" / "step_000000016.safetensors").string());
        runProcess(QKS_CLI_PATH, {"probe", "--checkpoint", good, "--batch", "0"}, &code);
        QCOMPARE(code, 2);
    }

    void aDeeplyNestedStateIsRefused()
    {
        // The state file beside the weights is JSON a user (or a torn copy) can change; nesting
        // beyond 256 levels is refused before parsing, naming the file.
        const StudyConfig c = tinyConfig(root() / "data", root() / "x");
        MinimalLlm model(c.model, QkNormMode::Learned);
        StudyOptimizer optimizer(*model, c.train);
        TrainerState state;
        state.tag = "QK";
        state.config = configToJson(c);
        const fs::path weights = saveCheckpoint(root() / "deep", model, optimizer, state);
        fs::path statePath = weights;
        statePath.replace_extension(".json");
        QVERIFY(fs::exists(statePath));
        std::ofstream(statePath, std::ios::trunc) << "{\"format\": " << std::string(50000, '[') << std::string(50000, ']') << "}";
        try {
            loadTrainingState(weights, optimizer);
            QFAIL("a 50,000-level state file loaded");
        } catch (const DataError& e) {
            const QString m = e.what();
            QVERIFY2(m.contains(".json: arrays and objects nest more than 256 levels deep"), qPrintable(m));
        }
    }

private:
    static QString idsJson(const torch::Tensor& ids)
    {
        nlohmann::json rows = nlohmann::json::array();
        for (int64_t i = 0; i < ids.size(0); ++i) {
            std::vector<int64_t> row(ids[i].data_ptr<int64_t>(), ids[i].data_ptr<int64_t>() + ids.size(1));
            rows.push_back(row);
        }
        return QString::fromStdString(rows.dump());
    }
    fs::path root() const { return m_dir.path().toStdString(); }
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
