#include "ErrorMessage.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/DatasetMeta.h"
#include "data/TokenDataset.h"
#include "data/TokenShard.h"
#include "data/ValidationSplit.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

namespace {

// Tokens first, first+1, ... so every position's id tells where it came from.
std::vector<uint32_t> iota(uint32_t first, size_t count)
{
    std::vector<uint32_t> v(count);
    std::iota(v.begin(), v.end(), first);
    return v;
}

std::vector<int64_t> range(int64_t first, int64_t count)
{
    std::vector<int64_t> v(static_cast<size_t>(count));
    std::iota(v.begin(), v.end(), first);
    return v;
}

std::vector<int64_t> trainSeq(const TokenDataset& ds, int64_t i)
{
    std::vector<int64_t> out(static_cast<size_t>(ds.info().seqLen), -1);
    ds.copyTrainSequence(i, out.data());
    return out;
}

std::vector<int64_t> valSeq(const TokenDataset& ds, int64_t i)
{
    std::vector<int64_t> out(static_cast<size_t>(ds.info().seqLen), -1);
    ds.copyValSequence(i, out.data());
    return out;
}


} // namespace

class TestTokenDataset final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void singleFileCarvesASeededTenthOfTheWindows();
    void theSplitIsASeededRandomTenth();
    void trainAndValShardsAreConcatenatedStreams();
    void shardsAreOrderedByName();
    void unnamedShardsAreAllTraining();
    void preparedFolderReadsOnlyListedShards();
    void vocabCheckNamesFileIndexAndId();
    void tooLittleData();
    void badArguments();
    void movedDatasetStillReads();
    void uint32ShardsAndMixedWidths();
    void aShardRewrittenInUseIsADataError();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    fs::path dir() const { return m_tmp->path().toStdString(); }
};

void TestTokenDataset::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestTokenDataset::singleFileCarvesASeededTenthOfTheWindows()
{
    const fs::path file = dir() / "tokens.bin";
    writeTokenShard(file, iota(0, 108), TokenWidth::U16); // 21 windows of 5, tail of 3 dropped
    const TokenDataset ds = TokenDataset::open(file, 5, 0);
    const TokenDatasetInfo& info = ds.info();
    QCOMPARE(info.format, std::string("file"));
    QVERIFY(info.valCarved);
    const std::vector<int64_t> held = heldOutWindows(21);
    QCOMPARE(ds.valCount(), int64_t(2));
    QCOMPARE(ds.trainCount(), int64_t(19)); // the other 19
    QCOMPARE(info.trainTokens, int64_t(95));
    QCOMPARE(info.valTokens, int64_t(10));
    QCOMPARE(info.totalTokens, int64_t(108));
    QCOMPARE(info.minId, 0);
    QCOMPARE(info.maxId, 107);
    QCOMPARE(valSeq(ds, 0), range(held[0] * 5, 5));
    QCOMPARE(valSeq(ds, 1), range(held[1] * 5, 5));
    // The training windows are the others, in stream order.
    int64_t t = 0;
    for (int64_t w = 0; w < 21; ++w)
        if (std::find(held.begin(), held.end(), w) == held.end())
            QCOMPARE(trainSeq(ds, t++), range(w * 5, 5));
    QCOMPARE(t, ds.trainCount());

    // Together the splits cover every whole window exactly once.
    std::multiset<int64_t> firsts;
    for (int64_t i = 0; i < ds.trainCount(); ++i)
        firsts.insert(trainSeq(ds, i).front());
    for (int64_t i = 0; i < ds.valCount(); ++i)
        firsts.insert(valSeq(ds, i).front());
    std::multiset<int64_t> expected;
    for (int64_t w = 0; w < 21; ++w)
        expected.insert(w * 5);
    QCOMPARE(firsts, expected);

    std::vector<int64_t> out(5);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ds.copyTrainSequence(19, out.data()));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ds.copyValSequence(-1, out.data()));
}

void TestTokenDataset::theSplitIsASeededRandomTenth()
{
    for (const int64_t n : {int64_t(10), int64_t(21), int64_t(1000), int64_t(123457)}) {
        const std::vector<int64_t> held = heldOutWindows(n);
        QCOMPARE(int64_t(held.size()), n / 10);
        QVERIFY(std::is_sorted(held.begin(), held.end()));
        QVERIFY(std::adjacent_find(held.begin(), held.end()) == held.end());
        QVERIFY(held.front() >= 0 && held.back() < n);
        QCOMPARE(heldOutWindows(n), held); // the same split for every run
        const std::vector<int64_t> train = trainingWindows(n, held);
        QCOMPARE(int64_t(train.size()), n - n / 10);
        std::vector<int64_t> all(train);
        all.insert(all.end(), held.begin(), held.end());
        std::sort(all.begin(), all.end());
        for (int64_t i = 0; i < n; ++i)
            QCOMPARE(all[size_t(i)], i);
    }
    // Random, not a stride: among 123457 windows, gaps between held-out windows vary, and each
    // tenth of the stream holds close to a tenth of them (binomial sd ≈ 33 around 1234).
    const std::vector<int64_t> held = heldOutWindows(123457);
    std::set<int64_t> gaps;
    for (size_t i = 1; i < held.size(); ++i)
        gaps.insert(held[i] - held[i - 1]);
    QVERIFY(gaps.size() > 20);
    for (int64_t part = 0; part < 10; ++part) {
        const auto inPart = std::count_if(held.begin(), held.end(), [&](int64_t w) { return w * 10 / 123457 == part; });
        QVERIFY2(std::abs(inPart - 1234) < 200, qPrintable(QString::number(inPart)));
    }
}

void TestTokenDataset::trainAndValShardsAreConcatenatedStreams()
{
    writeTokenShard(dir() / "data_train_000.bin", iota(0, 7), TokenWidth::U16);
    writeTokenShard(dir() / "data_train_001.bin", iota(7, 8), TokenWidth::U16);
    writeTokenShard(dir() / "data_val_000.bin", iota(1000, 9), TokenWidth::U16);
    writeTokenShard(dir() / "notes.txt", iota(0, 3), TokenWidth::U16); // not a .bin: ignored
    const TokenDataset ds = TokenDataset::open(dir(), 4, 2000);
    QCOMPARE(ds.info().format, std::string("shards"));
    QVERIFY(!ds.info().valCarved);
    QCOMPARE(ds.info().files.size(), size_t(3));
    QCOMPARE(ds.trainCount(), int64_t(3)); // 15 tokens
    QCOMPARE(ds.valCount(), int64_t(2));   // 9 tokens
    QCOMPARE(trainSeq(ds, 1), range(4, 4)); // 4,5,6 from the first shard, 7 from the second
    QCOMPARE(trainSeq(ds, 2), range(8, 4));
    QCOMPARE(valSeq(ds, 1), range(1004, 4));
    QCOMPARE(ds.info().maxId, 1008);
}

void TestTokenDataset::shardsAreOrderedByName()
{
    writeTokenShard(dir() / "x_train_000002.bin", iota(500, 40), TokenWidth::U16);
    writeTokenShard(dir() / "x_train_000001.bin", iota(0, 40), TokenWidth::U16);
    writeTokenShard(dir() / "x_val_000001.bin", iota(900, 10), TokenWidth::U16);
    const TokenDataset ds = TokenDataset::open(dir(), 10, 0);
    QCOMPARE(trainSeq(ds, 0), range(0, 10));
    QCOMPARE(trainSeq(ds, 4), range(500, 10));
    QVERIFY(QString::fromStdString(ds.info().files[0]).endsWith("x_train_000001.bin"));
}

void TestTokenDataset::unnamedShardsAreAllTraining()
{
    writeTokenShard(dir() / "b.bin", iota(60, 60), TokenWidth::U16);
    writeTokenShard(dir() / "a.bin", iota(0, 60), TokenWidth::U16);
    const TokenDataset ds = TokenDataset::open(dir(), 12, 0);
    QVERIFY(ds.info().valCarved);
    QCOMPARE(ds.trainCount() + ds.valCount(), int64_t(10));
    QCOMPARE(ds.valCount(), int64_t(1));
    QCOMPARE(valSeq(ds, 0), range(heldOutWindows(10)[0] * 12, 12)); // across a.bin then b.bin
}

void TestTokenDataset::preparedFolderReadsOnlyListedShards()
{
    writeTokenShard(dir() / "train_000000.bin", iota(0, 30), TokenWidth::U16);
    writeTokenShard(dir() / "val_000000.bin", iota(100, 10), TokenWidth::U16);
    // A leftover from an earlier, bigger run: meta.json does not list it.
    writeTokenShard(dir() / "train_000001.bin", iota(7000, 30), TokenWidth::U16);
    DatasetMeta meta;
    meta.vocabSize = 300;
    meta.seqLen = 10;
    meta.trainFiles = {"train_000000.bin"};
    meta.valFiles = {"val_000000.bin"};
    meta.trainTokens = 30;
    meta.valTokens = 10;
    meta.trainSequences = 3;
    meta.valSequences = 1;
    writeFileAtomically(dir() / "meta.json", datasetMetaToJsonText(meta));

    const TokenDataset ds = TokenDataset::open(dir(), 10, 300);
    QCOMPARE(ds.info().format, std::string("prepared"));
    QCOMPARE(ds.info().metaVocabSize, int64_t(300));
    QCOMPARE(ds.trainCount(), int64_t(3));
    QCOMPARE(ds.valCount(), int64_t(1));
    QCOMPARE(ds.info().maxId, 109);
    QCOMPARE(valSeq(ds, 0), range(100, 10));

    // A different sequence length re-windows the same streams.
    const TokenDataset ds5 = TokenDataset::open(dir(), 5, 300);
    QCOMPARE(ds5.trainCount(), int64_t(6));
    QCOMPARE(ds5.valCount(), int64_t(2));
}

void TestTokenDataset::vocabCheckNamesFileIndexAndId()
{
    std::vector<uint32_t> tokens = iota(0, 100);
    tokens[37] = 4000;
    tokens[80] = 5000;
    writeTokenShard(dir() / "t_train.bin", iota(0, 100), TokenWidth::U16);
    writeTokenShard(dir() / "t_val.bin", tokens, TokenWidth::U16);
    const QString msg = dataErrorOf([&] { TokenDataset::open(dir(), 10, 4000); });
    QVERIFY2(msg.contains("t_val.bin") && msg.contains("token 37") && msg.contains("id 4000"), qPrintable(msg));
    TokenDataset::open(dir(), 10, 5001); // every id fits
    TokenDataset::open(dir(), 10, 0);    // no check
}

void TestTokenDataset::tooLittleData()
{
    // 9 windows: no 10th window to carve for validation.
    writeTokenShard(dir() / "small.bin", iota(0, 95), TokenWidth::U16);
    QString msg = dataErrorOf([&] { TokenDataset::open(dir() / "small.bin", 10, 0); });
    QVERIFY2(msg.contains("small.bin") && msg.contains("9 sequences") && msg.contains("at least 10"),
             qPrintable(msg));
    // Less than one training sequence.
    msg = dataErrorOf([&] { TokenDataset::open(dir() / "small.bin", 96, 0); });
    QVERIFY2(msg.contains("less than one sequence of 96"), qPrintable(msg));

    // Validation shard shorter than one sequence.
    const fs::path d = dir() / "split";
    fs::create_directories(d);
    writeTokenShard(d / "a_train.bin", iota(0, 100), TokenWidth::U16);
    writeTokenShard(d / "a_val.bin", iota(0, 7), TokenWidth::U16);
    msg = dataErrorOf([&] { TokenDataset::open(d, 8, 0); });
    QVERIFY2(msg.contains("validation data holds 7 tokens"), qPrintable(msg));

    const fs::path onlyVal = dir() / "onlyval";
    fs::create_directories(onlyVal);
    writeTokenShard(onlyVal / "a_val.bin", iota(0, 100), TokenWidth::U16);
    msg = dataErrorOf([&] { TokenDataset::open(onlyVal, 8, 0); });
    QVERIFY2(msg.contains("no training shards"), qPrintable(msg));

    const fs::path empty = dir() / "empty";
    fs::create_directories(empty);
    msg = dataErrorOf([&] { TokenDataset::open(empty, 8, 0); });
    QVERIFY2(msg.contains("no token shards"), qPrintable(msg));
}

void TestTokenDataset::badArguments()
{
    const QString msg = dataErrorOf([&] { TokenDataset::open(dir() / "missing", 8, 0); });
    QVERIFY2(msg.contains("missing") && msg.contains("no such file"), qPrintable(msg));
    writeTokenShard(dir() / "ok.bin", iota(0, 100), TokenWidth::U16);
    QVERIFY_THROWS_EXCEPTION(ConfigError, TokenDataset::open(dir() / "ok.bin", 0, 0));
}

void TestTokenDataset::movedDatasetStillReads()
{
    writeTokenShard(dir() / "m.bin", iota(0, 200), TokenWidth::U16);
    TokenDataset a = TokenDataset::open(dir() / "m.bin", 10, 0);
    TokenDataset b = std::move(a);
    const std::vector<int64_t> train = trainingWindows(20, heldOutWindows(20));
    QCOMPARE(trainSeq(b, 9), range(train[9] * 10, 10));
    std::vector<TokenDataset> many;
    many.push_back(std::move(b));
    many.push_back(TokenDataset::open(dir() / "m.bin", 20, 0)); // reallocation moves the first
    QCOMPARE(valSeq(many[0], 1), range(heldOutWindows(20)[1] * 10, 10));
}

void TestTokenDataset::uint32ShardsAndMixedWidths()
{
    std::vector<uint32_t> big = iota(0, 40);
    big[3] = 100000;
    writeTokenShard(dir() / "w_train_0.bin", iota(0, 40), TokenWidth::U16);
    writeTokenShard(dir() / "w_train_1.bin", big, TokenWidth::U32);
    writeTokenShard(dir() / "w_val_0.bin", iota(0, 8), TokenWidth::U32);
    const TokenDataset ds = TokenDataset::open(dir(), 8, 0);
    QCOMPARE(ds.info().tokenBytes, 4);
    QCOMPARE(ds.info().maxId, 100000);
    QCOMPARE(trainSeq(ds, 5).at(3), int64_t(100000));
}

// Another process rewrites a shard in place (same size, other ids) while a run reads it: the
// ids were checked at open, so each read checks them again rather than index the embedding out
// of range (a LibTorch error that ended the run with exit 1).
void TestTokenDataset::aShardRewrittenInUseIsADataError()
{
    const fs::path file = dir() / "d_train_000.bin";
    writeTokenShard(file, iota(0, 60), TokenWidth::U16);
    writeTokenShard(dir() / "d_val_000.bin", iota(0, 20), TokenWidth::U16);
    const TokenDataset ds = TokenDataset::open(dir(), 10, 100);
    std::vector<int64_t> out(10);
    ds.copyTrainSequence(0, out.data());
    QCOMPARE(out[3], int64_t(3));
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(1024 + 2 * 3);
        const uint16_t big = 60000;
        f.write(reinterpret_cast<const char*>(&big), 2);
    }
    try {
        ds.copyTrainSequence(0, out.data());
        QFAIL("an id beyond the vocabulary was read");
    } catch (const DataError& e) {
        const std::string msg = e.what();
        QVERIFY2(msg.find(file.string() + ": token 3 is now 60000, not below the vocabulary size 100") != std::string::npos &&
                     msg.find("changed while in use") != std::string::npos,
                 msg.c_str());
    }
}

QTEST_APPLESS_MAIN(TestTokenDataset)
#include "test_token_dataset.moc"
