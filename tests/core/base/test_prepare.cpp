#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/Prepare.h"
#include "data/Sha256.h"
#include "data/TextCorpus.h"
#include "data/TokenDataset.h"
#include "data/TokenizerJson.h"
#include "data/ValidationSplit.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
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
    void splitIsASeededTenthOfTheDocumentStream();
    void largeCorpusIsSplitIntoShardsAndStaleShardsGo();
    void sameInputSameBytes();
    void errors();
    void jsonLinesDocuments();
    void jsonLinesErrors();
    void givenTokenizerJson();
    void givenTokenizerWithoutEndOfText();
    void givenVocabAndMerges();
    void cliPrepareAndInspect();
    void cliPrepareWithTokenizer();
    void linkedFoldersAreReadOnce();

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

void TestPrepare::splitIsASeededTenthOfTheDocumentStream()
{
    prepareTextCorpus(options(400, 8));
    const BpeTokenizer tok = loadTokenizerJson(m_out / "tokenizer.json");
    const TokenDataset ds = TokenDataset::open(m_out, 8, tok.vocabSize());
    // Interleave the splits back: sequence i is validation when the seeded split holds it out.
    const std::vector<int64_t> held = heldOutWindows(ds.trainCount() + ds.valCount());
    QCOMPARE(int64_t(held.size()), ds.valCount());
    std::vector<int32_t> stream;
    int64_t t = 0, v = 0;
    for (int64_t i = 0; i < ds.trainCount() + ds.valCount(); ++i) {
        const bool validation = std::binary_search(held.begin(), held.end(), i);
        const std::vector<int32_t> s = validation ? sequence(ds, true, v++) : sequence(ds, false, t++);
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

void TestPrepare::jsonLinesDocuments()
{
    // One document per line, blank lines skipped, \r\n and a byte order mark accepted; the
    // lines join the .txt files in path order, each a document of its own.
    const fs::path dir = m_text.parent_path() / "jsonl";
    const std::vector<std::string> lines = {makeText(900, 11), makeText(800, 12), "", makeText(700, 13)};
    std::string jsonl = "\xEF\xBB\xBF";
    for (const std::string& l : lines)
        jsonl += nlohmann::json({{"id", 1}, {"text", l}}).dump() + "\r\n";
    jsonl += "\n   \n";
    writeText(dir / "a.jsonl", jsonl);
    writeText(dir / "b.txt", makeText(1000, 14));
    PrepareOptions o = options(400, 8);
    o.textDir = dir;
    const PrepareReport r = prepareTextCorpus(o);
    QCOMPARE(r.documents, int64_t(4)); // three non-empty lines + b.txt
    QCOMPARE(r.meta.sources.size(), size_t(2));
    QCOMPARE(r.meta.sources[0].path, std::string("a.jsonl"));
    QCOMPARE(r.meta.sources[0].sha256, sha256Hex(jsonl)); // the file as it is
    const BpeTokenizer tok = loadTokenizerJson(m_out / "tokenizer.json");
    const TokenDataset ds = TokenDataset::open(m_out, 8, tok.vocabSize());
    const std::vector<int64_t> held = heldOutWindows(ds.trainCount() + ds.valCount());
    std::vector<int32_t> stream;
    int64_t t = 0, v = 0;
    for (int64_t i = 0; i < ds.trainCount() + ds.valCount(); ++i) {
        const bool validation = std::binary_search(held.begin(), held.end(), i);
        const std::vector<int32_t> s = validation ? sequence(ds, true, v++) : sequence(ds, false, t++);
        stream.insert(stream.end(), s.begin(), s.end());
    }
    const std::string full = lines[0] + "<|endoftext|>" + lines[1] + "<|endoftext|>" + lines[3] +
                             "<|endoftext|>" + makeText(1000, 14);
    const std::string decoded = tok.decode(stream);
    QVERIFY(full.compare(0, decoded.size(), decoded) == 0);
    QCOMPARE(std::count(stream.begin(), stream.end(), *tok.addedTokenId("<|endoftext|>")), 3);

    // Another field.
    writeText(dir / "a.jsonl", nlohmann::json({{"content", lines[0]}}).dump() + "\n");
    o.textField = "content";
    QCOMPARE(prepareTextCorpus(o).documents, int64_t(2));
}

void TestPrepare::jsonLinesErrors()
{
    const fs::path dir = m_text.parent_path() / "badjsonl";
    PrepareOptions o = options();
    o.textDir = dir;
    const std::string good = nlohmann::json({{"text", makeText(50, 1)}}).dump() + "\n";
    writeText(dir / "sub/x.jsonl", good + "\n" + "{\"text\": \"unterminated\n");
    QString msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("sub/x.jsonl:3") && msg.contains("not valid JSON"), qPrintable(msg));
    writeText(dir / "sub/x.jsonl", good + "{\"body\": \"x\"}\n");
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("sub/x.jsonl:2") && msg.contains("\"text\"") && msg.contains("--text-field"), qPrintable(msg));
    writeText(dir / "sub/x.jsonl", good + "{\"text\": 42}\n");
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("sub/x.jsonl:2") && msg.contains("not a string"), qPrintable(msg));
    writeText(dir / "sub/x.jsonl", good + "[1, 2]\n");
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("sub/x.jsonl:2") && msg.contains("not a JSON object"), qPrintable(msg));
    writeText(dir / "sub/x.jsonl", "{\"text\": \"\"}\n");
    msg = errorOf<DataError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains(".jsonl files hold no text"), qPrintable(msg));
}

void TestPrepare::givenTokenizerJson()
{
    // SmolLM2's layout (the study's tokenizer): <|endoftext|> is id 0 and separates documents;
    // the file is copied as it is; the vocabulary size comes from it.
    const fs::path tokFile = fs::path(QKS_FIXTURES_DIR) / "tokenizer" / "smollm2_like.json";
    PrepareOptions o = options(0, 16);
    o.tokenizerPath = tokFile;
    const PrepareReport r = prepareTextCorpus(o);
    QCOMPARE(r.meta.vocabSize, int64_t(528));
    QCOMPARE(r.meta.requestedVocabSize, int64_t(528));
    QCOMPARE(r.meta.eotId, int64_t(0));
    QCOMPARE(r.meta.specialTokens, std::vector<std::string>{"<|endoftext|>"});
    QCOMPARE(r.endOfText, std::string("<|endoftext|>"));
    QCOMPARE(r.uniqueWords, int64_t(0));
    QVERIFY(readFile(m_out / "tokenizer.json") == readFile(tokFile));
    const BpeTokenizer tok = loadTokenizerJson(tokFile);
    const TokenDataset ds = TokenDataset::open(m_out, 16, 528);
    const std::vector<int32_t> first = sequence(ds, false, 0);
    const std::vector<int32_t> want = tok.encode(m_files["a.txt"]);
    QCOMPARE(first, std::vector<int32_t>(want.begin(), want.begin() + 16));

    o.vocabSize = 528; // the same size, given explicitly: fine
    QCOMPARE(prepareTextCorpus(o).meta.vocabSize, int64_t(528));
    o.vocabSize = 4096;
    const QString msg = errorOf<ConfigError>([&] { prepareTextCorpus(o); });
    QVERIFY2(msg.contains("4096") && msg.contains("528"), qPrintable(msg));
    o.vocabSize = 0;
    o.tokenizerPath = m_text / "no-such-tokenizer.json";
    QVERIFY(errorOf<DataError>([&] { prepareTextCorpus(o); }).contains("no-such-tokenizer.json"));
}

void TestPrepare::givenTokenizerWithoutEndOfText()
{
    // No end-of-document token: documents are concatenated, meta.json says eot_id -1.
    nlohmann::json j = nlohmann::json::parse(readFile(fs::path(QKS_FIXTURES_DIR) / "tokenizer" / "hf_bpe_512.json"));
    j["added_tokens"] = nlohmann::json::array();
    j["model"]["vocab"].erase("<|endoftext|>");
    const fs::path tokFile = m_text.parent_path() / "noeot" / "tokenizer.json";
    writeText(tokFile, j.dump());
    PrepareOptions o = options(0, 16);
    o.tokenizerPath = tokFile.parent_path(); // a folder holding tokenizer.json
    const PrepareReport r = prepareTextCorpus(o);
    QCOMPARE(r.meta.vocabSize, int64_t(511));
    QCOMPARE(r.meta.eotId, int64_t(-1));
    QVERIFY(r.meta.specialTokens.empty());
    QVERIFY(r.endOfText.empty());
    const nlohmann::json meta = nlohmann::json::parse(readFile(m_out / "meta.json"));
    QCOMPARE(meta["eot_id"].get<int64_t>(), int64_t(-1));
}

void TestPrepare::givenVocabAndMerges()
{
    // GPT-2's own files (data/gpt2, scripts/setup.sh): 50257 ids need uint32 shards.
    const fs::path gpt2 = QKS_GPT2_DIR;
    QVERIFY2(fs::exists(gpt2 / "encoder.json"), "GPT-2 vocabulary missing: run scripts/setup.sh");
    PrepareOptions o = options(0, 16);
    o.tokenizerPath = gpt2;
    const PrepareReport r = prepareTextCorpus(o);
    QCOMPARE(r.meta.vocabSize, int64_t(50257));
    QCOMPARE(r.meta.eotId, int64_t(50256));
    QCOMPARE(r.meta.tokenBytes, 2); // 50257 ids fit uint16
    const BpeTokenizer written = loadTokenizerJson(m_out / "tokenizer.json");
    QCOMPARE(written.vocabSize(), int64_t(50257));
    QCOMPARE(written.encode(m_files["b.txt"]).size(),
             loadGpt2EncoderFiles(gpt2 / "encoder.json", gpt2 / "vocab.bpe").encode(m_files["b.txt"]).size());
}

void TestPrepare::cliPrepareWithTokenizer()
{
    const QString cli = QStringLiteral(QKS_CLI_PATH);
    QVERIFY2(QFileInfo::exists(cli), qPrintable(cli + " is missing"));
    const QString tokFile = QString::fromStdString((fs::path(QKS_FIXTURES_DIR) / "tokenizer" / "smollm2_like.json").string());
    QProcess p;
    p.start(cli, {"prepare", "--text", QString::fromStdString(m_text.string()), "--tokenizer", tokFile,
                  "--seq-len", "16", "--out", QString::fromStdString(m_out.string()), "--json"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const nlohmann::json prep = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    QCOMPARE(prep["vocab_size"].get<int64_t>(), int64_t(528));
    QCOMPARE(prep["eot_id"].get<int64_t>(), int64_t(0));
    QCOMPARE(prep["end_of_text"].get<std::string>(), std::string("<|endoftext|>"));

    // A --vocab-size that disagrees with the tokenizer is a usage/config error (exit code 2).
    p.start(cli, {"prepare", "--text", QString::fromStdString(m_text.string()), "--tokenizer", tokFile,
                  "--vocab-size", "4096", "--seq-len", "16", "--out", QString::fromStdString(m_out.string())});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 2);
}

void TestPrepare::cliPrepareAndInspect()
{
    const QString cli = QStringLiteral(QKS_CLI_PATH); // built first: tests/CMakeLists.txt
    QVERIFY2(QFileInfo::exists(cli), qPrintable(cli + " is missing"));
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


// Links back into the corpus (a loop) or a second link to a folder read already: each folder
// and file is read once, under the path it was first reached by, and each skip is named.
void TestPrepare::linkedFoldersAreReadOnce()
{
    std::vector<std::string> plain;
    for (const fs::path& p : listTextFiles(m_text))
        plain.push_back(p.generic_string());
    fs::create_directory_symlink(".", m_text / "self");
    fs::create_directory_symlink(".", m_text / "again");
    fs::create_directory_symlink("../..", m_text / "sub" / "deeper" / "up");
    fs::create_directory_symlink("sub", m_text / "sub-link");
    fs::create_symlink("a.txt", m_text / "a-copy.txt");
    std::vector<std::string> skipped;
    std::vector<std::string> linked;
    for (const fs::path& p : listTextFiles(m_text, &skipped))
        linked.push_back(p.generic_string());
    QCOMPARE(linked, plain);
    QCOMPARE(skipped.size(), size_t(5));
    const auto skips = [&](const std::string& text) {
        for (const std::string& s : skipped)
            if (s.find(text) != std::string::npos)
                return true;
        return false;
    };
    QVERIFY(skips("self -> . (already read as ., a folder holding the link: a link loop)"));
    QVERIFY(skips("sub/deeper/up -> ../.. (already read as ., a folder holding the link: a link loop)"));
    QVERIFY(skips("sub-link -> sub (already read as sub)"));
    QVERIFY(skips("a-copy.txt -> a.txt (already read as a.txt)"));
}

QTEST_APPLESS_MAIN(TestPrepare)
#include "test_prepare.moc"
