#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/Prepare.h"
#include "data/Sha256.h"
#include "data/TokenDataset.h"
#include "data/TokenizerJson.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

namespace {

std::string makeText(int words, uint32_t seed)
{
    static const char* kWords[] = {"the", "whale", "ship", "sea", "and", "of", "Congress", "nation",
                                   "people", "said", "captain", "harpoon", "law", "year", "café",
                                   "東京", "it's", "we'll", "1850", "war", "peace", "trade"};
    uint32_t state = seed;
    std::string text;
    for (int i = 0; i < words; ++i) {
        state = state * 1664525u + 1013904223u;
        if (i > 0)
            text += (state >> 8) % 19 == 0 ? ".\n" : " ";
        text += kWords[(state >> 12) % (sizeof kWords / sizeof kWords[0])];
    }
    return text;
}

void writeText(const fs::path& p, const std::string& text)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

template <typename E, typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const E& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QStringLiteral("WRONG EXCEPTION: ") + QString::fromStdString(e.what());
    }
    return QStringLiteral("NO EXCEPTION");
}

std::vector<int32_t> sequence(const TokenDataset& ds, bool val, int64_t i)
{
    std::vector<int64_t> out(static_cast<size_t>(ds.seqLen()));
    val ? ds.copyValSequence(i, out.data()) : ds.copyTrainSequence(i, out.data());
    return {out.begin(), out.end()};
}

} // namespace

class TestPrepare final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesTokenizerShardsAndMeta();
    void splitIsEveryTenthSequenceOfTheDocumentStream();
    void largeCorpusIsSplitIntoShardsAndStaleShardsGo();
    void sameInputSameBytes();
    void errors();
    void cliPrepareAndInspect();

private:
    PrepareOptions options(int64_t vocab = 320, int64_t seqLen = 16) const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    fs::path m_text;
    fs::path m_out;
    std::map<std::string, std::string> m_files; // relative path -> content
};

void TestPrepare::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_text = fs::path(m_tmp->path().toStdString()) / "text";
    m_out = fs::path(m_tmp->path().toStdString()) / "out";
    m_files = {
        {"b.txt", makeText(3000, 1)},
        {"a.txt", makeText(2500, 2)},
        {"sub/deeper/c.txt", makeText(2000, 3) + " bad bytes: \xff\xfe end"},
        {"empty.txt", ""},
    };
    for (const auto& [rel, text] : m_files)
        writeText(m_text / rel, text);
    writeText(m_text / "notes.md", "not a .txt file: ignored");
    writeText(m_text / "a.txt.bak", "ignored too");
}

PrepareOptions TestPrepare::options(int64_t vocab, int64_t seqLen) const
{
    PrepareOptions o;
    o.textDir = m_text;
    o.outDir = m_out;
    o.vocabSize = vocab;
    o.seqLen = seqLen;
    return o;
}

void TestPrepare::writesTokenizerShardsAndMeta()
{
    const PrepareReport report = prepareTextCorpus(options());
    QCOMPARE(report.documents, int64_t(3));

    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(m_out))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    QCOMPARE(names, (std::vector<std::string>{"meta.json", "tokenizer.json", "train_000000.bin",
                                              "val_000000.bin"})); // no temporary files left

    const nlohmann::json meta = nlohmann::json::parse(readFile(m_out / "meta.json"));
    QCOMPARE(meta["format_version"].get<int>(), 1);
    QCOMPARE(meta["vocab_size"].get<int64_t>(), int64_t(320));
    QCOMPARE(meta["requested_vocab_size"].get<int64_t>(), int64_t(320));
    QCOMPARE(meta["seq_len"].get<int64_t>(), int64_t(16));
    QCOMPARE(meta["token_bytes"].get<int>(), 2);
    QCOMPARE(meta["eot_id"].get<int64_t>(), int64_t(319));
    QCOMPARE(meta["tokenizer"]["file"].get<std::string>(), std::string("tokenizer.json"));
    QVERIFY(meta["train_files"] == nlohmann::json({"train_000000.bin"}));
    QVERIFY(meta["val_files"] == nlohmann::json({"val_000000.bin"}));
    const int64_t trainSeq = meta["train_sequences"].get<int64_t>();
    const int64_t valSeq = meta["val_sequences"].get<int64_t>();
    QCOMPARE(valSeq, (trainSeq + valSeq) / 10);
    QVERIFY(valSeq >= 1);
    QCOMPARE(meta["train_tokens"].get<int64_t>(), trainSeq * 16);
    QCOMPARE(meta["val_tokens"].get<int64_t>(), valSeq * 16);
    QVERIFY(meta["dropped_tokens"].get<int64_t>() < 16);

    // Source files: sorted by relative path, with sizes and hashes; the empty one included.
    const nlohmann::json& files = meta["source"]["files"];
    QCOMPARE(files.size(), size_t(4));
    QCOMPARE(files[0]["path"].get<std::string>(), std::string("a.txt"));
    QCOMPARE(files[1]["path"].get<std::string>(), std::string("b.txt"));
    QCOMPARE(files[2]["path"].get<std::string>(), std::string("empty.txt"));
    QCOMPARE(files[3]["path"].get<std::string>(), std::string("sub/deeper/c.txt"));
    int64_t total = 0;
    for (const auto& f : files) {
        const std::string& content = m_files.at(f["path"].get<std::string>());
        QCOMPARE(f["bytes"].get<int64_t>(), int64_t(content.size()));
        QCOMPARE(f["sha256"].get<std::string>(), sha256Hex(content));
        total += static_cast<int64_t>(content.size());
    }
    QCOMPARE(meta["source"]["bytes"].get<int64_t>(), total);

    // Shards hold exactly what meta.json says, and the dataset reads them.
    QCOMPARE(int64_t(fs::file_size(m_out / "train_000000.bin")), 1024 + 2 * trainSeq * 16);
    const TokenDataset ds = TokenDataset::open(m_out, 16, 320);
    QCOMPARE(ds.trainCount(), trainSeq);
    QCOMPARE(ds.valCount(), valSeq);
    QVERIFY(!ds.info().valCarved);
    QVERIFY(ds.info().maxId < 320);
}

void TestPrepare::splitIsEveryTenthSequenceOfTheDocumentStream()
{
    prepareTextCorpus(options(400, 8));
    const BpeTokenizer tok = loadTokenizerJson(m_out / "tokenizer.json");
    const TokenDataset ds = TokenDataset::open(m_out, 8, tok.vocabSize());
    // Interleave the splits back: sequence i is validation when i % 10 == 9.
    std::vector<int32_t> stream;
    int64_t t = 0, v = 0;
    for (int64_t i = 0; i < ds.trainCount() + ds.valCount(); ++i) {
        const std::vector<int32_t> s = i % 10 == 9 ? sequence(ds, true, v++) : sequence(ds, false, t++);
        stream.insert(stream.end(), s.begin(), s.end());
    }
    QCOMPARE(t, ds.trainCount());
    QCOMPARE(v, ds.valCount());
    // Documents in path order, empty ones skipped, joined by <|endoftext|>; only a tail of
    // less than one sequence is missing.
    const std::string full = m_files["a.txt"] + "<|endoftext|>" + m_files["b.txt"] +
                             "<|endoftext|>" + m_files["sub/deeper/c.txt"];
    const std::vector<int32_t> all = tok.encode(m_files["a.txt"]);
    const int32_t eot = *tok.addedTokenId("<|endoftext|>");
    QCOMPARE(stream[all.size()], eot);
    QCOMPARE(std::count(stream.begin(), stream.end(), eot), 2);
    const std::string decoded = tok.decode(stream);
    QVERIFY(full.compare(0, decoded.size(), decoded) == 0);
    QVERIFY(full.size() - decoded.size() < 8 * 8); // under one sequence of at most 8 bytes/token
}

void TestPrepare::largeCorpusIsSplitIntoShardsAndStaleShardsGo()
{
    PrepareOptions o = options(300, 16);
    o.shardTokens = 100; // rounded down to 96: six sequences per shard
    const PrepareReport report = prepareTextCorpus(o);
    const int64_t trainTokens = report.meta.trainTokens;
    QVERIFY(report.meta.trainFiles.size() > 3);
    QCOMPARE(int64_t(report.meta.trainFiles.size()), (trainTokens + 95) / 96);
    QCOMPARE(report.meta.trainFiles[1], std::string("train_000001.bin"));
    QCOMPARE(int64_t(fs::file_size(m_out / "train_000000.bin")), 1024 + 2 * 96);
    const TokenDataset many = TokenDataset::open(m_out, 16, 0);
    std::vector<std::vector<int32_t>> sharded;
    for (int64_t i = 0; i < many.trainCount(); ++i)
        sharded.push_back(sequence(many, false, i));

    // One shard: the same sequences, and the shards of the first run are removed.
    o.shardTokens = 100'000'000;
    prepareTextCorpus(o);
    QVERIFY(fs::exists(m_out / "train_000000.bin"));
    QVERIFY(!fs::exists(m_out / "train_000001.bin"));
    QVERIFY(!fs::exists(m_out / "val_000001.bin"));
    const TokenDataset one = TokenDataset::open(m_out, 16, 0);
    QCOMPARE(one.trainCount(), int64_t(sharded.size()));
    for (int64_t i = 0; i < one.trainCount(); ++i)
        QCOMPARE(sequence(one, false, i), sharded[static_cast<size_t>(i)]);
}

void TestPrepare::sameInputSameBytes()
{
    prepareTextCorpus(options());
    const fs::path first = m_out;
    PrepareOptions o = options();
    o.outDir = fs::path(m_tmp->path().toStdString()) / "again";
    prepareTextCorpus(o);
    for (const char* f : {"tokenizer.json", "train_000000.bin", "val_000000.bin", "meta.json"})
        QVERIFY2(readFile(first / f) == readFile(o.outDir / f), f);
}

void TestPrepare::errors()
{
    PrepareOptions o = options();
    o.textDir = m_text / "missing";
    QString msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("missing") && msg.contains("no such folder"), qPrintable(msg));

    o.textDir = m_text / "a.txt";
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("not a folder"), qPrintable(msg));

    const fs::path noTxt = m_text.parent_path() / "notxt";
    writeText(noTxt / "readme.md", "hello");
    o.textDir = noTxt;
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("no .txt files"), qPrintable(msg));

    const fs::path empties = m_text.parent_path() / "empties";
    writeText(empties / "x.txt", "");
    writeText(empties / "y/z.txt", "");
    o.textDir = empties;
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("all 2 .txt files are empty"), qPrintable(msg));

    const fs::path tiny = m_text.parent_path() / "tiny";
    writeText(tiny / "x.txt", makeText(40, 5));
    o.textDir = tiny;
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("too little text") && msg.contains("at least 10"), qPrintable(msg));
    QVERIFY(!fs::exists(o.outDir / "meta.json")); // nothing written on failure

    o = options(256);
    msg = errorOf<ConfigError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("256") && msg.contains("257"), qPrintable(msg));
    o = options(4'294'967'296LL);
    msg = errorOf<ConfigError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("4294967295"), qPrintable(msg));
    o = options(320, 0);
    QVERIFY(!errorOf<ConfigError>([&] { prepareTextCorpus(o); }).startsWith("NO"));
}

void TestPrepare::cliPrepareAndInspect()
{
    // The CLI links torch, so this unit does not build it; check it when it has been built.
    const QString cli = QStringLiteral(QKS_CLI_PATH);
    if (!QFileInfo::exists(cli))
        QSKIP("qkstudio-cli is not built");
    QProcess p;
    p.start(cli, {"prepare", "--text", QString::fromStdString(m_text.string()), "--vocab-size",
                  "300", "--seq-len", "16", "--out", QString::fromStdString(m_out.string()), "--json"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const nlohmann::json prep = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    QCOMPARE(prep["vocab_size"].get<int64_t>(), int64_t(300));
    QVERIFY(fs::exists(m_out / "meta.json"));

    p.start(cli, {"inspect", QString::fromStdString(m_out.string()), "--json"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const nlohmann::json info = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    QCOMPARE(info["seq_len"].get<int64_t>(), int64_t(16)); // from meta.json
    QVERIFY(info["train_sequences"] == prep["train_sequences"]);
    QCOMPARE(info["first_ids"].size(), size_t(16));

    // A single shard has no meta.json: --seq-len is required (usage error, exit code 2).
    p.start(cli, {"inspect", QString::fromStdString((m_out / "train_000000.bin").string())});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);

    p.start(cli, {"prepare", "--text", QString::fromStdString((m_text / "nope").string()),
                  "--vocab-size", "300", "--seq-len", "16", "--out", QString::fromStdString(m_out.string())});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 3); // data error
}

QTEST_APPLESS_MAIN(TestPrepare)
#include "test_prepare.moc"
