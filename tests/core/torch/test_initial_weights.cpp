// Initial weights equal the original study's bit for bit (docs/design.md §1.3): for several
// seeds, all three conditions and two shapes, QK Studio's seeded model and `qkstudio-cli init`
// against the original module tree built by PyTorch (tests/reference/original_init.py, run
// with Debian's python3-torch, whose CPU generator and kernels are LibTorch's).
#include "CliProcess.h"
#include "checkpoint/Safetensors.h"
#include "config/Condition.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "train/Checkpoint.h"
#include "train/TrainingSetup.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

using namespace qks;
namespace fs = std::filesystem;

namespace {

struct Case {
    std::string name;
    int64_t seed;
    std::string condition;
    ModelConfig model;
};

ModelConfig gqaShape()
{
    ModelConfig m;
    m.d_model = 48; m.n_layers = 3; m.n_heads = 6; m.n_kv_heads = 2; m.d_ff = 96; m.vocab_size = 101;
    m.max_seq_len = 16;
    return m;
}

// Every head its own kv head, widths that are not multiples of 16 (normal_'s vectorised and
// scalar tails both drawn), an FFN narrower than the model.
ModelConfig mhaShape()
{
    ModelConfig m;
    m.d_model = 20; m.n_layers = 2; m.n_heads = 2; m.n_kv_heads = 2; m.d_ff = 13; m.vocab_size = 37;
    m.max_seq_len = 8;
    return m;
}

std::vector<Case> cases()
{
    std::vector<Case> out;
    for (const int64_t seed : {0, 42, 1234567})
        for (const char* tag : {"QK", "QK_frozen", "NoQK"})
            for (const auto& [shape, model] : {std::pair{"gqa", gqaShape()}, std::pair{"mha", mhaShape()}})
                out.push_back({std::string(tag) + "_" + std::to_string(seed) + "_" + shape, seed, tag, model});
    return out;
}

void writeSpec(const fs::path& path, const std::vector<Case>& all)
{
    nlohmann::json spec = nlohmann::json::array();
    for (const Case& c : all)
        spec.push_back({{"name", c.name}, {"seed", c.seed}, {"condition", c.condition},
                        {"model", {{"d_model", c.model.d_model}, {"n_layers", c.model.n_layers},
                                   {"n_heads", c.model.n_heads}, {"n_kv_heads", c.model.n_kv_heads},
                                   {"d_ff", c.model.d_ff}, {"vocab_size", c.model.vocab_size}}}});
    std::ofstream(path) << spec.dump();
}

// Names, shapes and bytes all equal; the first difference otherwise.
QString difference(const fs::path& ours, const fs::path& theirs)
{
    const auto a = SafetensorsFile::open(ours), b = SafetensorsFile::open(theirs);
    if (a.tensors().size() != b.tensors().size())
        return QStringLiteral("%1 tensors here, %2 in the original").arg(a.tensors().size()).arg(b.tensors().size());
    for (const auto& t : a.tensors()) {
        const SafetensorsTensor* u = b.find(t.name);
        if (!u)
            return QString::fromStdString(t.name + " is missing from the original");
        if (t.dtype != u->dtype || t.shape != u->shape || t.bytes != u->bytes)
            return QString::fromStdString(t.name + " differs in dtype or shape");
        if (std::memcmp(t.data, u->data, t.bytes) != 0)
            return QString::fromStdString(t.name + " differs in value");
    }
    return {};
}

StudyConfig configFor(const Case& c)
{
    StudyConfig config = presetConfig("tiny-cpu");
    config.model = c.model;
    config.train.seed = c.seed;
    return config;
}

} // namespace

class TestInitialWeights : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_original;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_original = fs::path(m_dir.path().toStdString()) / "original";
        fs::create_directories(m_original);
        writeSpec(m_original / "spec.json", cases());
        QProcess python;
        python.start("/usr/bin/python3", {QKS_REFERENCE_DIR "/original_init.py",
                                          QString::fromStdString((m_original / "spec.json").string()),
                                          QString::fromStdString(m_original.string())});
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    }

    void theSeededModelIsTheOriginals()
    {
        for (const Case& c : cases()) {
            const auto mode = conditionForTag(c.condition)->mode;
            MinimalLlm model = initialModel(configFor(c), mode);
            const fs::path ours = m_original.parent_path() / (c.name + ".safetensors");
            saveModelWeights(ours, model, {});
            const QString diff = difference(ours, m_original / (c.name + ".safetensors"));
            QVERIFY2(diff.isEmpty(), qPrintable(QString::fromStdString(c.name) + ": " + diff));
        }
    }

    void initWritesTheOriginalsWeights()
    {
        // The command a user compares with, once per condition, through a config file.
        for (const Case& c : cases()) {
            if (c.seed != 42 || c.model.d_model != gqaShape().d_model)
                continue;
            const fs::path config = m_original.parent_path() / "config.json";
            std::ofstream(config) << configToJson(configFor(c)).dump();
            const fs::path out = m_original.parent_path() / ("cli_" + c.name + ".safetensors");
            const auto run = qks::testing::runCli({"init", "--condition", QString::fromStdString(c.condition),
                                                   "--config", QString::fromStdString(config.string()), "--seed", "42",
                                                   "--out", QString::fromStdString(out.string())});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QString diff = difference(out, m_original / (c.name + ".safetensors"));
            QVERIFY2(diff.isEmpty(), qPrintable(QString::fromStdString(c.name) + ": " + diff));
            const auto file = SafetensorsFile::open(out);
            QCOMPARE(QString::fromStdString(file.metadata().at("tag")), QString::fromStdString(c.condition));
            QCOMPARE(QString::fromStdString(file.metadata().at("seed")), QStringLiteral("42"));
        }
    }

    void anotherSeedGivesOtherWeights()
    {
        // The comparison can fail: the original at seed 0 is not the original at seed 42.
        QVERIFY(!difference(m_original / "QK_0_gqa.safetensors", m_original / "QK_42_gqa.safetensors").isEmpty());
    }

    void initRefusesWhatItCannotWrite()
    {
        auto run = qks::testing::runCli({"init", "--out", "x.safetensors"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--condition"));
        run = qks::testing::runCli({"init", "--condition", "QK"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--out"));
        // An existing file is replaced only when asked; a device or a link never.
        const QString existing = m_dir.path() + "/exists.safetensors";
        QVERIFY(QFile(existing).open(QIODevice::WriteOnly));
        run = qks::testing::runCli({"init", "--condition", "QK", "--out", existing});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--overwrite"));
        QCOMPARE(QFileInfo(existing).size(), qint64(0));
        run = qks::testing::runCli({"init", "--condition", "QK", "--out", existing, "--overwrite"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFileInfo(existing).size() > 0);
        run = qks::testing::runCli({"init", "--condition", "QK", "--out", "/dev/null", "--overwrite"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFileInfo("/dev/null").isFile());
        // A folder is not a weights file: refused, and the folder is left as it was.
        run = qks::testing::runCli({"init", "--condition", "QK", "--out", m_dir.path()});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(m_dir.path()), qPrintable(run.err));
        QVERIFY(QFileInfo(m_dir.path()).isDir());
    }
};

QTEST_APPLESS_MAIN(TestInitialWeights)
#include "test_initial_weights.moc"
