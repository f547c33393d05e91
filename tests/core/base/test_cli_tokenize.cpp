// qkstudio-cli tokenize: stdin text -> ids and back, with each way of naming a tokenizer, and
// the exit codes for what it refuses.
#include "common/AtomicFile.h"
#include "data/TokenizerJson.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace qks;

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

CliRun tokenize(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.start(QStringLiteral(QKS_CLI_PATH), QStringList{"tokenize"} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

std::vector<int32_t> idsOf(const QByteArray& line)
{
    std::vector<int32_t> ids;
    for (const QByteArray& w : line.trimmed().split(' '))
        if (!w.isEmpty())
            ids.push_back(w.toInt());
    return ids;
}

const QString kFixtures = QStringLiteral(QKS_FIXTURES_DIR) + "/tokenizer/";

} // namespace

class TestCliTokenize final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodesAndDecodes();
    void tokenizerFilesAndFolders();
    void errors();
};

void TestCliTokenize::encodesAndDecodes()
{
    QVERIFY2(QFileInfo::exists(QKS_CLI_PATH), QKS_CLI_PATH " is missing");
    const QString file = kFixtures + "smollm2_like.json";
    const BpeTokenizer tok = loadTokenizerJson(file.toStdString());
    const QByteArray text = "Call me Ishmael <|endoftext|> in 1851.\n\xff raw byte\n";
    const std::string s = text.toStdString();

    // The whole of stdin is one text; special-token text is ordinary text unless --special.
    CliRun r = tokenize({"--tokenizer", file}, text);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith('\n') && r.out.count('\n') == 1);
    QCOMPARE(idsOf(r.out), tok.encode(s));
    const QByteArray ids = r.out;
    r = tokenize({"--tokenizer", file, "--special"}, text);
    QCOMPARE(idsOf(r.out), tok.encode(s, SpecialTokens::Match));
    QVERIFY(idsOf(r.out) != idsOf(ids));

    // Back to the same bytes, nothing added.
    r = tokenize({"--tokenizer", file, "--decode"}, ids);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, text);
    r = tokenize({"--tokenizer", file, "--decode"}, "[56, 85]"); // a JSON list works too
    QCOMPARE(r.out.toStdString(), tok.decode(std::vector<int32_t>{56, 85}));

    r = tokenize({"--tokenizer", file, "--json"}, text);
    const nlohmann::json j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["vocab_size"].get<int64_t>(), int64_t(528));
    QCOMPARE(j["bytes"].get<int64_t>(), int64_t(text.size()));
    QCOMPARE(j["ids"].get<std::vector<int32_t>>(), tok.encode(s));
    QCOMPARE(j["count"].get<size_t>(), j["ids"].size());

    r = tokenize({"--tokenizer", file}, "");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("\n"));
}

void TestCliTokenize::tokenizerFilesAndFolders()
{
    // GPT-2's own files (data/gpt2, from scripts/setup.sh): the folder, either file of the pair.
    const QString gpt2 = QStringLiteral(QKS_GPT2_DIR);
    QVERIFY2(QFileInfo::exists(gpt2 + "/encoder.json"), "GPT-2 vocabulary missing: run scripts/setup.sh");
    for (const QString& path : {gpt2, gpt2 + "/encoder.json", gpt2 + "/vocab.bpe"}) {
        const CliRun r = tokenize({"--tokenizer", path}, "Hello world's  123!");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(idsOf(r.out), (std::vector<int32_t>{15496, 995, 338, 220, 17031, 0}));
    }
    // A model folder with vocab.json + merges.txt.
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    fs::copy_file(fs::path(QKS_GPT2_DIR) / "encoder.json", dir / "vocab.json");
    fs::copy_file(fs::path(QKS_GPT2_DIR) / "vocab.bpe", dir / "merges.txt");
    const CliRun r = tokenize({"--tokenizer", tmp.path()}, "Hello world's  123!");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(idsOf(r.out), (std::vector<int32_t>{15496, 995, 338, 220, 17031, 0}));
}

void TestCliTokenize::errors()
{
    const QString file = kFixtures + "smollm2_like.json";
    CliRun r = tokenize({}, "x");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--tokenizer"), qPrintable(r.err));
    r = tokenize({"--tokenizer", file, "--decode"}, "12 x");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("\"x\" is not a token id"), qPrintable(r.err));
    r = tokenize({"--tokenizer", file, "--decode"}, "528");
    QCOMPARE(r.exitCode, 3);
    r = tokenize({"--tokenizer", kFixtures + "nope.json"}, "x");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("nope.json"), qPrintable(r.err));

    // A tokenizer it cannot run: named component, data error.
    QTemporaryDir tmp;
    nlohmann::json j = nlohmann::json::parse(readFile((kFixtures + "hf_bpe_512.json").toStdString()));
    j["model"]["type"] = "Unigram";
    const std::string path = tmp.path().toStdString() + "/tokenizer.json";
    std::ofstream(path) << j.dump();
    r = tokenize({"--tokenizer", tmp.path()}, "x");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("Unigram"), qPrintable(r.err));
}

QTEST_APPLESS_MAIN(TestCliTokenize)
#include "test_cli_tokenize.moc"
