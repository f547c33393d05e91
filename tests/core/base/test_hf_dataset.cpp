#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/HfDataset.h"
#include "data/PrepareArrow.h"
#include "data/TokenDataset.h"
#include "data/ValidationSplit.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

// Hugging Face datasets folders (save_to_disk) through TokenDataset and prepare. Fixtures from
// tests/fixtures/hf_arrow/make_fixtures.mjs (apache-arrow); expected.json holds their rows.

namespace {

const fs::path kRoot = fs::path(QKS_FIXTURES_DIR) / "hf_arrow";

const nlohmann::json& expected()
{
    static const nlohmann::json j = nlohmann::json::parse(readFile(kRoot / "expected.json"));
    return j;
}

const nlohmann::json& rowsOf(const std::string& rel)
{
    return expected()["files"][rel]["rows"];
}

// The ids of `files`' rows, concatenated: a split's stream.
std::vector<int64_t> streamOf(const std::vector<std::string>& files)
{
    std::vector<int64_t> ids;
    for (const std::string& f : files)
        for (const auto& r : rowsOf(f))
            for (const auto& v : r)
                ids.push_back(v.get<int64_t>());
    return ids;
}

std::vector<int64_t> row(const std::string& file, size_t i)
{
    return rowsOf(file)[i].get<std::vector<int64_t>>();
}

std::vector<int64_t> slice(const std::vector<int64_t>& v, int64_t from, int64_t count)
{
    return {v.begin() + from, v.begin() + from + count};
}

std::vector<int64_t> trainSeq(const TokenDataset& ds, int64_t i)
{
    std::vector<int64_t> out(static_cast<size_t>(ds.seqLen()), -1);
    ds.copyTrainSequence(i, out.data());
    return out;
}

std::vector<int64_t> valSeq(const TokenDataset& ds, int64_t i)
{
    std::vector<int64_t> out(static_cast<size_t>(ds.seqLen()), -1);
    ds.copyValSequence(i, out.data());
    return out;
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

void writeJson(const fs::path& p, const nlohmann::json& j)
{
    writeFileAtomically(p, j.dump(2));
}

const std::string kShard0 = "dataset/data-00000-of-00002.arrow";
const std::string kShard1 = "dataset/data-00001-of-00002.arrow";
const std::string kDictTrain = "dict/train/data-00000-of-00001.arrow";
const std::string kDictVal = "dict/validation/data-00000-of-00001.arrow";
const std::string kTrainOnly = "dict_train_only/train/data-00000-of-00001.arrow";

} // namespace

class TestHfDataset final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void datasetFolderIsOneCarvedStream();
    void stateJsonGivesTheFileOrder();
    void datasetDictRowsMapOneToOne();
    void validationSplitNames();
    void trainOnlyDictCarvesATenth();
    void singleArrowFile();
    void folderErrors();
    void vocabCheckAndTooLittleData();
    void hfPathDetection();
    void prepareConvertsToShards();
    void prepareCarvesTrainOnly();
    void prepareErrors();

private:
    fs::path dir() const { return m_tmp->path().toStdString(); }
    // A writable copy of a fixture folder.
    fs::path copyOf(const std::string& rel, const std::string& name) const
    {
        const fs::path to = dir() / name;
        fs::copy(kRoot / rel, to, fs::copy_options::recursive);
        return to;
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestHfDataset::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestHfDataset::datasetFolderIsOneCarvedStream()
{
    const std::vector<int64_t> stream = streamOf({kShard0, kShard1});
    const TokenDataset ds = TokenDataset::open(kRoot / "dataset", 5, 0);
    const TokenDatasetInfo& info = ds.info();
    QCOMPARE(info.format, std::string("hf-arrow"));
    QCOMPARE(info.hfLayout, std::string("dataset"));
    QVERIFY(info.valCarved);
    QCOMPARE(info.valSplit, std::string());
    QCOMPARE(info.columnType, std::string("list<int32>"));
    QCOMPARE(info.tokenBytes, 4);
    QCOMPARE(info.files.size(), size_t(2));
    QVERIFY(QString::fromStdString(info.files[0]).endsWith("data-00000-of-00002.arrow"));
    QCOMPARE(info.trainRows, int64_t(18));
    QCOMPARE(info.totalTokens, int64_t(stream.size()));
    QCOMPARE(info.minId, int32_t(*std::min_element(stream.begin(), stream.end())));
    QCOMPARE(info.maxId, int32_t(*std::max_element(stream.begin(), stream.end())));

    // Windows of 5 over both shards' rows; the seeded tenth of them is validation.
    const int64_t windows = int64_t(stream.size()) / 5;
    const std::vector<int64_t> held = heldOutWindows(windows);
    const std::vector<int64_t> train = trainingWindows(windows, held);
    QCOMPARE(ds.valCount(), windows / 10);
    QCOMPARE(ds.trainCount(), windows - windows / 10);
    for (int64_t i = 0; i < ds.trainCount(); ++i)
        QCOMPARE(trainSeq(ds, i), slice(stream, train[size_t(i)] * 5, 5));
    for (int64_t i = 0; i < ds.valCount(); ++i)
        QCOMPARE(valSeq(ds, i), slice(stream, held[size_t(i)] * 5, 5));
}

void TestHfDataset::stateJsonGivesTheFileOrder()
{
    const fs::path d = copyOf("dataset", "reordered");
    nlohmann::json state = nlohmann::json::parse(readFile(d / "state.json"));
    std::swap(state["_data_files"][0], state["_data_files"][1]);
    writeJson(d / "state.json", state);
    // A stray shard that state.json does not list is not data.
    fs::copy_file(d / "data-00000-of-00002.arrow", d / "data-00002-of-00002.arrow");

    const std::vector<int64_t> stream = streamOf({kShard1, kShard0});
    const TokenDataset ds = TokenDataset::open(d, 4, 0);
    QCOMPARE(ds.info().files.size(), size_t(2));
    QVERIFY(QString::fromStdString(ds.info().files[0]).endsWith("data-00001-of-00002.arrow"));
    QCOMPARE(ds.info().totalTokens, int64_t(stream.size()));
    const int64_t windows = int64_t(stream.size()) / 4;
    const std::vector<int64_t> train = trainingWindows(windows, heldOutWindows(windows));
    QCOMPARE(trainSeq(ds, 0), slice(stream, train[0] * 4, 4));
    QCOMPARE(trainSeq(ds, 9), slice(stream, train[9] * 4, 4)); // the stream in the order state.json gives
}

void TestHfDataset::datasetDictRowsMapOneToOne()
{
    // The study's layout: pre-tokenized rows of exactly seqLen tokens, one sequence each.
    const TokenDataset ds = TokenDataset::open(kRoot / "dict", 8, 30000);
    const TokenDatasetInfo& info = ds.info();
    QCOMPARE(info.hfLayout, std::string("dataset_dict"));
    QCOMPARE(info.hfSplits, (std::vector<std::string>{"train", "validation"}));
    QCOMPARE(info.trainSplit, std::string("train"));
    QCOMPARE(info.valSplit, std::string("validation"));
    QVERIFY(!info.valCarved);
    QCOMPARE(info.columnType, std::string("list<int64>"));
    QCOMPARE(info.tokenBytes, 8);
    QCOMPARE(info.trainRows, int64_t(24));
    QCOMPARE(info.valRows, int64_t(5));
    QCOMPARE(info.minRowTokens, int64_t(8));
    QCOMPARE(info.maxRowTokens, int64_t(8));
    QCOMPARE(ds.trainCount(), int64_t(24));
    QCOMPARE(ds.valCount(), int64_t(5));
    for (int64_t i = 0; i < 24; ++i)
        QCOMPARE(trainSeq(ds, i), row(kDictTrain, size_t(i)));
    for (int64_t i = 0; i < 5; ++i)
        QCOMPARE(valSeq(ds, i), row(kDictVal, size_t(i)));

    // A longer sequence packs rows: 16 tokens = rows 2i and 2i+1.
    const TokenDataset ds16 = TokenDataset::open(kRoot / "dict", 16, 0);
    QCOMPARE(ds16.trainCount(), int64_t(12));
    QCOMPARE(ds16.valCount(), int64_t(2)); // the 5th validation row is a dropped tail
    std::vector<int64_t> two = row(kDictTrain, 6);
    const std::vector<int64_t> next = row(kDictTrain, 7);
    two.insert(two.end(), next.begin(), next.end());
    QCOMPARE(trainSeq(ds16, 3), two);
}

void TestHfDataset::validationSplitNames()
{
    const fs::path d = copyOf("dict", "named");
    fs::rename(d / "validation", d / "val");
    writeJson(d / "dataset_dict.json", {{"splits", {"train", "val"}}});
    TokenDataset ds = TokenDataset::open(d, 8, 0);
    QCOMPARE(ds.info().valSplit, std::string("val"));
    QCOMPARE(valSeq(ds, 4), row(kDictVal, 4));

    // Test stands in when nothing else is held out...
    fs::rename(d / "val", d / "test");
    writeJson(d / "dataset_dict.json", {{"splits", {"train", "test"}}});
    ds = TokenDataset::open(d, 8, 0);
    QCOMPARE(ds.info().valSplit, std::string("test"));
    QVERIFY(!ds.info().valCarved);
    QCOMPARE(ds.valCount(), int64_t(5));

    // ... but a validation split wins over it, whatever the listing order.
    fs::copy(d / "test", d / "validation", fs::copy_options::recursive);
    writeJson(d / "dataset_dict.json", {{"splits", {"test", "train", "validation"}}});
    ds = TokenDataset::open(d, 8, 0);
    QCOMPARE(ds.info().valSplit, std::string("validation"));

    // Splits that dataset_dict.json does not list are not read.
    writeJson(d / "dataset_dict.json", {{"splits", {"train"}}});
    ds = TokenDataset::open(d, 8, 0);
    QVERIFY(ds.info().valCarved);
    QCOMPARE(ds.info().valSplit, std::string());
}

void TestHfDataset::trainOnlyDictCarvesATenth()
{
    // 30 rows of 4 tokens: at seqLen 4, the 3 rows the seeded split holds out are validation.
    const TokenDataset ds = TokenDataset::open(kRoot / "dict_train_only", 4, 0);
    QVERIFY(ds.info().valCarved);
    QCOMPARE(ds.info().hfSplits, std::vector<std::string>{"train"});
    QCOMPARE(ds.trainCount(), int64_t(27));
    QCOMPARE(ds.valCount(), int64_t(3));
    const std::vector<int64_t> held = heldOutWindows(30);
    const std::vector<int64_t> train = trainingWindows(30, held);
    QCOMPARE(valSeq(ds, 0), row(kTrainOnly, size_t(held[0])));
    QCOMPARE(valSeq(ds, 2), row(kTrainOnly, size_t(held[2])));
    QCOMPARE(trainSeq(ds, 9), row(kTrainOnly, size_t(train[9])));
    QCOMPARE(ds.info().tokenBytes, 4);
}

void TestHfDataset::singleArrowFile()
{
    const std::string rel = "variants/large_list_int64.arrow";
    const std::vector<int64_t> stream = streamOf({rel});
    QVERIFY(isHfDatasetPath(kRoot / rel));
    const TokenDataset ds = TokenDataset::open(kRoot / rel, 2, 0);
    QCOMPARE(ds.info().hfLayout, std::string("file"));
    QCOMPARE(ds.info().columnType, std::string("large_list<int64>"));
    QVERIFY(ds.info().valCarved);
    const int64_t windows = int64_t(stream.size()) / 2;
    const std::vector<int64_t> held = heldOutWindows(windows);
    QCOMPARE(valSeq(ds, 0), slice(stream, held[0] * 2, 2));
    QCOMPARE(trainSeq(ds, 9), slice(stream, trainingWindows(windows, held)[9] * 2, 2));

    // Fixed-size rows of 6 at seqLen 6: one row per sequence.
    const std::string fixed = "variants/fixed_size_list_int32.arrow";
    const TokenDataset f = TokenDataset::open(kRoot / fixed, 3, 0);
    QCOMPARE(f.info().minRowTokens, int64_t(6));
    QCOMPARE(trainSeq(f, 1), slice(row(fixed, 0), 3, 3));
}

void TestHfDataset::folderErrors()
{
    // DatasetDict without a train split.
    fs::path d = copyOf("dict", "notrain");
    fs::rename(d / "train", d / "other");
    writeJson(d / "dataset_dict.json", {{"splits", {"other", "validation"}}});
    QString msg = errorOf<DataError>([&] { TokenDataset::open(d, 8, 0); });
    QVERIFY2(msg.contains("dataset_dict.json") && msg.contains("no \"train\" split") &&
                 msg.contains("other, validation"),
             qPrintable(msg));
    // A listed split without its folder.
    writeJson(d / "dataset_dict.json", {{"splits", {"train", "validation"}}});
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 8, 0); });
    QVERIFY2(msg.contains("lists split \"train\"") && msg.contains("state.json is missing"), qPrintable(msg));
    writeJson(d / "dataset_dict.json", {{"splits", {"../train"}}});
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 8, 0); });
    QVERIFY2(msg.contains("not a plain folder name"), qPrintable(msg));
    writeFileAtomically(d / "dataset_dict.json", "{\"splits\": [");
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 8, 0); });
    QVERIFY2(msg.contains("dataset_dict.json: not valid JSON"), qPrintable(msg));

    // state.json problems.
    d = copyOf("dataset", "state");
    const nlohmann::json good = nlohmann::json::parse(readFile(d / "state.json"));
    nlohmann::json state = good;
    state["_data_files"][1]["filename"] = "data-00009-of-00009.arrow";
    writeJson(d / "state.json", state);
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("state.json") && msg.contains("data-00009-of-00009.arrow, which is missing"), qPrintable(msg));
    state["_data_files"][1]["filename"] = "../dict/train/data-00000-of-00001.arrow";
    writeJson(d / "state.json", state);
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("not a plain file name"), qPrintable(msg));
    state = good;
    state["_data_files"] = nlohmann::json::array();
    writeJson(d / "state.json", state);
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("lists no .arrow files"), qPrintable(msg));
    state = good;
    state["_indices_data_files"] = {{{"filename", "indices.arrow"}}};
    writeJson(d / "state.json", state);
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("indices mapping") && msg.contains("flatten_indices"), qPrintable(msg));
    state = good;
    state.erase("_data_files");
    writeJson(d / "state.json", state);
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("no \"_data_files\" list"), qPrintable(msg));

    // A shard that is not Arrow: the shard's own error, naming it.
    writeJson(d / "state.json", good);
    writeFileAtomically(d / "data-00001-of-00002.arrow", std::string(100, 'x'));
    msg = errorOf<DataError>([&] { TokenDataset::open(d, 4, 0); });
    QVERIFY2(msg.contains("data-00001-of-00002.arrow") && msg.contains("at byte 0"), qPrintable(msg));

    // A file without input_ids.
    msg = errorOf<DataError>([&] { TokenDataset::open(kRoot / "bad/no_input_ids.arrow", 4, 0); });
    QVERIFY2(msg.contains("no column named input_ids (columns: tokens, text"), qPrintable(msg));
}

void TestHfDataset::vocabCheckAndTooLittleData()
{
    QString msg = errorOf<DataError>([&] { TokenDataset::open(kRoot / "dataset", 5, 1000); });
    QVERIFY2(msg.contains("data-00000-of-00002.arrow: input_ids row 0, token 0") && msg.contains("has id 4146") &&
                 msg.contains("vocabulary size 1000"),
             qPrintable(msg));

    // The 5 validation rows hold 40 tokens: not one sequence of 41.
    msg = errorOf<DataError>([&] { TokenDataset::open(kRoot / "dict", 41, 0); });
    QVERIFY2(msg.contains("validation data holds 40 tokens"), qPrintable(msg));
    // 120 train-only tokens make 9 sequences of 13: nothing to carve.
    msg = errorOf<DataError>([&] { TokenDataset::open(kRoot / "dict_train_only", 13, 0); });
    QVERIFY2(msg.contains("9 sequences") && msg.contains("without a validation split"), qPrintable(msg));
}

void TestHfDataset::hfPathDetection()
{
    // A folder with neither state.json nor dataset_dict.json stays a shard folder.
    QVERIFY(!isHfDatasetPath(dir()));
    QVERIFY(isHfDatasetPath(kRoot / "dict"));
    QVERIFY(isHfDatasetPath(kRoot / "dict/train"));
    QVERIFY(!isHfDatasetPath(kRoot / "expected.json"));
}

void TestHfDataset::prepareConvertsToShards()
{
    PrepareArrowOptions o;
    o.arrowPath = kRoot / "dict";
    o.outDir = dir() / "out";
    o.seqLen = 8;
    o.shardTokens = 80; // 10 sequences per shard: train needs 3
    const PrepareArrowReport r = prepareArrowDataset(o);
    QCOMPARE(r.meta.trainFiles, (std::vector<std::string>{"train_000000.bin", "train_000001.bin", "train_000002.bin"}));
    QCOMPARE(r.meta.valFiles, std::vector<std::string>{"val_000000.bin"});
    QCOMPARE(r.meta.tokenBytes, 2);
    QCOMPARE(r.source.valSplit, std::string("validation"));

    const TokenDataset hf = TokenDataset::open(kRoot / "dict", 8, 0);
    const TokenDataset shards = TokenDataset::open(o.outDir, 8, 0);
    QCOMPARE(shards.info().format, std::string("prepared"));
    QCOMPARE(shards.info().metaVocabSize, int64_t(hf.info().maxId) + 1);
    QCOMPARE(shards.trainCount(), hf.trainCount());
    QCOMPARE(shards.valCount(), hf.valCount());
    for (int64_t i = 0; i < hf.trainCount(); ++i)
        QCOMPARE(trainSeq(shards, i), trainSeq(hf, i));
    for (int64_t i = 0; i < hf.valCount(); ++i)
        QCOMPARE(valSeq(shards, i), valSeq(hf, i));

    const nlohmann::json meta = nlohmann::json::parse(readFile(o.outDir / "meta.json"));
    QVERIFY(meta["tokenizer"].is_null());
    QCOMPARE(meta["eot_id"].get<int64_t>(), int64_t(-1));
    QCOMPARE(meta["source"]["format"].get<std::string>(), std::string("hf-arrow"));
    QCOMPARE(meta["source"]["validation_split"].get<std::string>(), std::string("validation"));
    QCOMPARE(meta["source"]["files"].size(), size_t(2));
    QCOMPARE(meta["source"]["files"][0]["path"].get<std::string>(), std::string("train/data-00000-of-00001.arrow"));
    QCOMPARE(meta["source"]["files"][0]["sha256"].get<std::string>().size(), size_t(64));
    QVERIFY(meta["split"].get<std::string>().find("\"validation\"") != std::string::npos);

    // Again with fewer shards and an explicit vocabulary: stale shards go.
    o.shardTokens = 1000;
    o.vocabSize = 70000;
    const PrepareArrowReport again = prepareArrowDataset(o);
    QCOMPARE(again.meta.trainFiles, std::vector<std::string>{"train_000000.bin"});
    QCOMPARE(again.meta.tokenBytes, 4);
    QVERIFY(!fs::exists(o.outDir / "train_000001.bin"));
    QCOMPARE(TokenDataset::open(o.outDir, 8, 70000).info().metaVocabSize, int64_t(70000));
}

void TestHfDataset::prepareCarvesTrainOnly()
{
    PrepareArrowOptions o;
    o.arrowPath = kRoot / "dict_train_only";
    o.outDir = dir() / "carved";
    o.seqLen = 4;
    const PrepareArrowReport r = prepareArrowDataset(o);
    QCOMPARE(r.meta.trainSequences, int64_t(27));
    QCOMPARE(r.meta.valSequences, int64_t(3));
    const TokenDataset shards = TokenDataset::open(o.outDir, 4, 0);
    QVERIFY(!shards.info().valCarved); // the carved windows are now val shards
    const std::vector<int64_t> held = heldOutWindows(30);
    QCOMPARE(valSeq(shards, 1), row(kTrainOnly, size_t(held[1])));
    QCOMPARE(trainSeq(shards, 26), row(kTrainOnly, size_t(trainingWindows(30, held)[26])));
}

void TestHfDataset::prepareErrors()
{
    PrepareArrowOptions o;
    o.arrowPath = kRoot / "dict";
    o.outDir = dir() / "e";
    o.seqLen = 8;
    o.vocabSize = 100;
    QString msg = errorOf<DataError>([&] { prepareArrowDataset(o); });
    QVERIFY2(msg.contains("train/data-00000-of-00001.arrow") && msg.contains("vocabulary size 100"), qPrintable(msg));
    QVERIFY(!fs::exists(o.outDir / "meta.json"));

    o.vocabSize = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, prepareArrowDataset(o));
    o.vocabSize = 0;
    o.seqLen = 0;
    QVERIFY_THROWS_EXCEPTION(ConfigError, prepareArrowDataset(o));
    o.seqLen = 8;
    const fs::path copy = copyOf("dict", "self");
    o.arrowPath = copy;
    o.outDir = copy;
    msg = errorOf<ConfigError>([&] { prepareArrowDataset(o); });
    QVERIFY2(msg.contains("the Hugging Face folder itself"), qPrintable(msg));

    // A folder of shards is not HF data.
    o.arrowPath = dir() / "e";
    fs::create_directories(o.arrowPath);
    o.outDir = dir() / "e2";
    msg = errorOf<DataError>([&] { prepareArrowDataset(o); });
    QVERIFY2(msg.contains("not a Hugging Face datasets folder"), qPrintable(msg));
    o.arrowPath = dir() / "nothing";
    msg = errorOf<DataError>([&] { prepareArrowDataset(o); });
    QVERIFY2(msg.contains("nothing: no such file or folder"), qPrintable(msg));
}

QTEST_APPLESS_MAIN(TestHfDataset)
#include "test_hf_dataset.moc"
