#include "ErrorMessage.h"
#include "common/Error.h"
#include "data/ArrowIpc.h"
#include "data/ArrowTokenFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

// Fixtures written by apache-arrow (npm) through tests/fixtures/hf_arrow/make_fixtures.mjs;
// expected.json holds the ids it wrote.

namespace {

const fs::path kRoot = fs::path(QKS_FIXTURES_DIR) / "hf_arrow";

std::string readBytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& p, const std::string& bytes)
{
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const nlohmann::json& expected()
{
    static const nlohmann::json j = nlohmann::json::parse(readBytes(kRoot / "expected.json"));
    return j;
}

std::vector<int64_t> flatten(const nlohmann::json& rows)
{
    std::vector<int64_t> ids;
    for (const auto& r : rows)
        for (const auto& v : r)
            ids.push_back(v.get<int64_t>());
    return ids;
}

std::vector<int64_t> readAll(const ArrowTokenFile& f)
{
    std::vector<int64_t> out(static_cast<size_t>(f.size()), -1);
    f.copyTo(0, f.size(), out.data());
    return out;
}


void putInt32(std::string& bytes, size_t at, int32_t v)
{
    std::memcpy(bytes.data() + at, &v, 4);
}

void putInt64(std::string& bytes, size_t at, int64_t v)
{
    std::memcpy(bytes.data() + at, &v, 8);
}

int64_t int64At(const std::string& bytes, size_t at)
{
    int64_t v;
    std::memcpy(&v, bytes.data() + at, 8);
    return v;
}

// Where a 16-byte (a, b) int64 pair — a Buffer or FieldNode struct — sits inside [from, to).
size_t findPair(const std::string& bytes, int64_t a, int64_t b, size_t from, size_t to)
{
    char pattern[16];
    std::memcpy(pattern, &a, 8);
    std::memcpy(pattern + 8, &b, 8);
    const size_t at = bytes.find(std::string(pattern, 16), from);
    return at < to ? at : std::string::npos;
}

} // namespace

class TestArrowIpc final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsWhatArrowWrote_data();
    void readsWhatArrowWrote();
    void copiesAnyRangeAcrossBatches();
    void schemaAndOtherColumns();
    void badFixtures_data();
    void badFixtures();
    void everyTruncationIsRejected_data();
    void everyTruncationIsRejected();
    void lyingMetadataLength();
    void lyingBufferAndBody();
    void lyingListOffsets();
    void lyingNullCount();
    void lyingFooter();
    void notArrowAtAll();
    void vocabCheckNamesRow();
    void fuzzNeverCrashes();

private:
    fs::path tmp(const std::string& name) const { return fs::path(m_tmp->path().toStdString()) / name; }
    // Writes `bytes` to a temporary file and returns the error opening it gives.
    QString errorFor(const std::string& bytes, const std::string& name = "patched.arrow") const
    {
        writeBytes(tmp(name), bytes);
        return dataErrorOf([&] { ArrowTokenFile::open(tmp(name)); });
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestArrowIpc::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestArrowIpc::readsWhatArrowWrote_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& [rel, e] : expected()["files"].items())
        QTest::newRow(rel.c_str()) << QString::fromStdString(rel);
}

void TestArrowIpc::readsWhatArrowWrote()
{
    QFETCH(QString, file);
    const nlohmann::json& e = expected()["files"][file.toStdString()];
    const ArrowTokenFile f = ArrowTokenFile::open(kRoot / file.toStdString());

    std::string type = e["type"].get<std::string>();
    QCOMPARE(f.columnType(), type);
    QCOMPARE(f.valueBytes(), type.find("int64") != std::string::npos ? 8 : type.find("16") != std::string::npos ? 2 : 4);
    const std::string format = e["format"].get<std::string>();
    QCOMPARE(f.format(), format == "file" ? ArrowIpcFormat::File
                         : format == "legacy-stream" ? ArrowIpcFormat::LegacyStream
                                                     : ArrowIpcFormat::Stream);
    QCOMPARE(f.batchCount(), e["batches"].get<size_t>());
    QCOMPARE(f.rows(), int64_t(e["rows"].size()));

    const std::vector<int64_t> ids = flatten(e["rows"]);
    QCOMPARE(f.size(), int64_t(ids.size()));
    QCOMPARE(readAll(f), ids);

    int64_t shortest = INT64_MAX, longest = 0;
    for (const auto& r : e["rows"]) {
        shortest = std::min<int64_t>(shortest, r.size());
        longest = std::max<int64_t>(longest, r.size());
    }
    QCOMPARE(f.minRowTokens(), e["rows"].empty() ? 0 : shortest);
    QCOMPARE(f.maxRowTokens(), longest);
    if (!ids.empty()) {
        QCOMPARE(f.idRange().min, *std::min_element(ids.begin(), ids.end()));
        QCOMPARE(f.idRange().max, *std::max_element(ids.begin(), ids.end()));
    }
}

void TestArrowIpc::copiesAnyRangeAcrossBatches()
{
    // 11 rows in 4 record batches of 3: every (offset, count) reads the same as the flat list.
    const std::string rel = "dataset/data-00000-of-00002.arrow";
    const std::vector<int64_t> ids = flatten(expected()["files"][rel]["rows"]);
    const ArrowTokenFile f = ArrowTokenFile::open(kRoot / rel);
    const auto n = static_cast<int64_t>(ids.size());
    for (int64_t offset = 0; offset <= n; offset += 3)
        for (int64_t count = 0; offset + count <= n; count += 7) {
            std::vector<int64_t> out(static_cast<size_t>(count));
            f.copyTo(offset, count, out.data());
            QVERIFY(std::equal(out.begin(), out.end(), ids.begin() + offset));
        }
    std::vector<int64_t> out(2);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, f.copyTo(n - 1, 2, out.data()));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, f.copyTo(-1, 1, out.data()));
}

void TestArrowIpc::schemaAndOtherColumns()
{
    const ArrowIpcFile f = ArrowIpcFile::open(kRoot / "dataset/data-00000-of-00002.arrow");
    QCOMPARE(f.format(), ArrowIpcFormat::Stream);
    const ArrowSchema& s = f.schema();
    QCOMPARE(s.fields.size(), size_t(3));
    QCOMPARE(s.fields[0].name, std::string("text"));
    QCOMPARE(s.fields[0].typeName(), std::string("utf8"));
    QCOMPARE(s.fields[1].name, std::string("input_ids"));
    QCOMPARE(s.fields[2].name, std::string("attention_mask"));
    QCOMPARE(s.fields[2].typeName(), std::string("list<int8>"));
    QCOMPARE(f.batches().size(), size_t(4));
    for (const ArrowRecordBatch& b : f.batches()) {
        // utf8: 1 node, 3 buffers; list<int>: 2 nodes, 4 buffers each.
        QCOMPARE(b.nodes.size(), size_t(5));
        QCOMPARE(b.buffers.size(), size_t(11));
        QCOMPARE(b.columnNode, (std::vector<size_t>{0, 1, 3}));
        QCOMPARE(b.columnBuffer, (std::vector<size_t>{0, 3, 7}));
        for (const ArrowBuffer& buf : b.buffers)
            QVERIFY(buf.offset >= b.bodyOffset && buf.offset + buf.length <= b.bodyOffset + b.bodyLength);
    }
    QCOMPARE(f.batches()[0].length, int64_t(3));
    QCOMPARE(f.batches()[3].length, int64_t(2));
}

void TestArrowIpc::badFixtures_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& [rel, words] : expected()["bad"].items())
        QTest::newRow(rel.c_str()) << QString::fromStdString(rel);
}

void TestArrowIpc::badFixtures()
{
    QFETCH(QString, file);
    const QString msg = dataErrorOf([&] { ArrowTokenFile::open(kRoot / file.toStdString()); });
    QVERIFY2(msg.contains(file) && msg.contains("byte"), qPrintable(msg));
    for (const auto& w : expected()["bad"][file.toStdString()])
        QVERIFY2(msg.contains(QString::fromStdString(w.get<std::string>())), qPrintable(msg));
}

void TestArrowIpc::everyTruncationIsRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("stream") << "variants/list_int32.arrow";
    QTest::newRow("legacy stream") << "variants/legacy_stream.arrow";
    QTest::newRow("file format") << "variants/file_format.arrow";
    QTest::newRow("no batches") << "variants/empty.arrow";
}

void TestArrowIpc::everyTruncationIsRejected()
{
    // The end-of-stream marker (or the footer) is required, so no prefix of a file passes for a
    // complete file with fewer rows.
    QFETCH(QString, file);
    const std::string bytes = readBytes(kRoot / file.toStdString());
    for (size_t n = 0; n < bytes.size(); ++n) {
        const QString msg = errorFor(bytes.substr(0, n));
        QVERIFY2(msg.contains("patched.arrow") && msg.contains("byte"),
                 qPrintable(QString("%1 bytes: %2").arg(n).arg(msg)));
    }
}

void TestArrowIpc::lyingMetadataLength()
{
    const std::string good = readBytes(kRoot / "variants/list_int32.arrow");
    std::string bytes = good;
    putInt32(bytes, 4, 1 << 30);
    QString msg = errorFor(bytes);
    QVERIFY2(msg.contains("runs past") && msg.contains("at byte 0"), qPrintable(msg));
    putInt32(bytes, 4, -8);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("negative message metadata length -8") && msg.contains("at byte 0"), qPrintable(msg));
    // A length that stays inside the file but cuts the flatbuffer short.
    bytes = good;
    putInt32(bytes, 4, 16);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("patched.arrow") && msg.contains("byte"), qPrintable(msg));
    // No end-of-stream marker.
    msg = errorFor(good.substr(0, good.size() - 8));
    QVERIFY2(msg.contains("without its end-of-stream marker") && msg.contains(QString::number(good.size() - 8)),
             qPrintable(msg));
    // Data after it.
    msg = errorFor(good + "junk");
    QVERIFY2(msg.contains("follow the end-of-stream marker"), qPrintable(msg));
    QCOMPARE(errorFor(good + std::string(8, '\0')), QStringLiteral("NO EXCEPTION")); // padding is fine
}

void TestArrowIpc::lyingBufferAndBody()
{
    const fs::path src = kRoot / "variants/list_int32.arrow";
    const std::string good = readBytes(src);
    const ArrowIpcFile ipc = ArrowIpcFile::open(src);
    const ArrowRecordBatch& b = ipc.batches()[0];
    const size_t metaEnd = static_cast<size_t>(b.bodyOffset);

    // The values buffer of input_ids claims more bytes than the body has.
    const ArrowBuffer& values = b.buffers[b.columnBuffer[0] + 3];
    size_t at = findPair(good, values.offset - b.bodyOffset, values.length, static_cast<size_t>(b.messageOffset), metaEnd);
    QVERIFY(at != std::string::npos);
    std::string bytes = good;
    putInt64(bytes, at + 8, values.length + b.bodyLength);
    QString msg = errorFor(bytes);
    QVERIFY2(msg.contains("lies outside") && msg.contains("byte " + QString::number(at)), qPrintable(msg));
    // ... or starts before it.
    bytes = good;
    putInt64(bytes, at, -8);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("lies outside"), qPrintable(msg));
    // A values buffer shorter than its field node's count, still inside the body.
    bytes = good;
    putInt64(bytes, at + 8, 4);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("values buffer of 4 bytes is too short") && msg.contains("record batch 0"), qPrintable(msg));

    // The message's body length runs past the end of the file.
    const std::string meta = good.substr(static_cast<size_t>(b.messageOffset), metaEnd - static_cast<size_t>(b.messageOffset));
    char lengthBytes[8];
    std::memcpy(lengthBytes, &b.bodyLength, 8);
    const size_t bodyLengthAt = good.find(std::string(lengthBytes, 8), static_cast<size_t>(b.messageOffset));
    QVERIFY(bodyLengthAt < metaEnd);
    bytes = good;
    putInt64(bytes, bodyLengthAt, int64_t(1) << 40);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("message body of 1099511627776 bytes") && msg.contains("at byte " + QString::number(b.messageOffset)),
             qPrintable(msg));
}

void TestArrowIpc::lyingListOffsets()
{
    const fs::path src = kRoot / "dict_train_only/train/data-00000-of-00001.arrow"; // rows of 4 tokens
    const std::string good = readBytes(src);
    const ArrowIpcFile ipc = ArrowIpcFile::open(src);
    const ArrowRecordBatch& b = ipc.batches()[1];
    const ArrowBuffer& offsets = b.buffers[b.columnBuffer[0] + 1];
    const auto at = static_cast<size_t>(offsets.offset);
    QCOMPARE(int64_t(b.length), int64_t(4));

    std::string bytes = good;
    putInt32(bytes, at + 8, 1); // offsets 0, 4, 1, ...
    QString msg = errorFor(bytes);
    QVERIFY2(msg.contains("list offsets decrease from 4 to 1 at row 5") && msg.contains("record batch 1") &&
                 msg.contains("byte " + QString::number(at + 8)),
             qPrintable(msg));

    bytes = good;
    putInt32(bytes, at + 16, 99); // row 5 ends past the 16 values
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("ends at value 99, past the 16 values"), qPrintable(msg));

    bytes = good;
    putInt32(bytes, at, -1);
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("first list offset is -1"), qPrintable(msg));
}

void TestArrowIpc::lyingNullCount()
{
    // input_ids is the only column: its nodes are (rows, 0) then (4 * rows, 0).
    const fs::path src = kRoot / "dict_train_only/train/data-00000-of-00001.arrow";
    const std::string good = readBytes(src);
    const ArrowIpcFile ipc = ArrowIpcFile::open(src);
    const ArrowRecordBatch& b = ipc.batches()[0];
    size_t list = static_cast<size_t>(b.messageOffset);
    do // the first (4, 0) followed by (16, 0): the nodes vector
        list = findPair(good, 4, 0, list + 1, static_cast<size_t>(b.bodyOffset));
    while (list != std::string::npos && (int64At(good, list + 16) != 16 || int64At(good, list + 24) != 0));
    QVERIFY(list != std::string::npos);

    std::string bytes = good;
    putInt64(bytes, list + 8, 1); // one null row, but no validity bitmap
    QString msg = errorFor(bytes);
    QVERIFY2(msg.contains("counts 1 null rows but the validity bitmap holds 0 bytes"), qPrintable(msg));
    putInt64(bytes, list + 8, 5); // more nulls than rows
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("null count 5") && msg.contains("byte " + QString::number(list)), qPrintable(msg));
    bytes = good;
    putInt64(bytes, list + 24, 2); // null ids, no bitmap
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("counts 2 nulls but their validity bitmap holds 0 bytes"), qPrintable(msg));
    bytes = good;
    putInt64(bytes, list, 3); // a column shorter than its record batch
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("has 3 rows in a record batch of 4"), qPrintable(msg));
}

void TestArrowIpc::lyingFooter()
{
    const std::string good = readBytes(kRoot / "variants/file_format.arrow");
    const size_t lengthAt = good.size() - 10;
    std::string bytes = good;
    putInt32(bytes, lengthAt, static_cast<int32_t>(good.size()));
    QString msg = errorFor(bytes);
    QVERIFY2(msg.contains("footer length") && msg.contains("byte " + QString::number(lengthAt)), qPrintable(msg));
    bytes = good;
    bytes[bytes.size() - 1] = 'X';
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("does not end with it"), qPrintable(msg));

    // A record batch block pointing past the footer.
    const ArrowIpcFile ipc = ArrowIpcFile::open(kRoot / "variants/file_format.arrow");
    const int64_t blockOffset = ipc.batches()[0].messageOffset;
    char pattern[8];
    std::memcpy(pattern, &blockOffset, 8);
    int32_t footerLength;
    std::memcpy(&footerLength, good.data() + lengthAt, 4);
    const size_t footerStart = lengthAt - static_cast<size_t>(footerLength);
    const size_t blockAt = good.find(std::string(pattern, 8), footerStart);
    QVERIFY(blockAt < lengthAt);
    bytes = good;
    putInt64(bytes, blockAt, static_cast<int64_t>(good.size()));
    msg = errorFor(bytes);
    QVERIFY2(msg.contains("footer block 0") && msg.contains("byte " + QString::number(blockAt)), qPrintable(msg));
}

void TestArrowIpc::notArrowAtAll()
{
    QString msg = errorFor("");
    QVERIFY2(msg.contains("empty file"), qPrintable(msg));
    msg = errorFor(std::string(4096, 'x'));
    QVERIFY2(msg.contains("patched.arrow") && msg.contains("byte 0"), qPrintable(msg));
    // A token shard is not Arrow either.
    std::string shard(1024 + 8, '\0');
    putInt32(shard, 0, 20240520);
    msg = errorFor(shard);
    QVERIFY2(msg.contains("patched.arrow") && msg.contains("byte"), qPrintable(msg));
    QVERIFY_THROWS_EXCEPTION(DataError, ArrowTokenFile::open(tmp("missing.arrow")));
}

void TestArrowIpc::vocabCheckNamesRow()
{
    const std::string rel = "variants/list_int64.arrow";
    const nlohmann::json& rows = expected()["files"][rel]["rows"];
    const ArrowTokenFile f = ArrowTokenFile::open(kRoot / rel);
    // The first id at or above 50000, by row and position.
    int64_t row = -1, pos = -1, id = 0;
    for (size_t r = 0; r < rows.size() && row < 0; ++r)
        for (size_t p = 0; p < rows[r].size(); ++p)
            if (rows[r][p].get<int64_t>() >= 50000) {
                row = int64_t(r), pos = int64_t(p), id = rows[r][p].get<int64_t>();
                break;
            }
    QVERIFY(row >= 0);
    const QString msg = dataErrorOf([&] { f.checkIds(50000); });
    QVERIFY2(msg.contains("list_int64.arrow") && msg.contains(QString("row %1, token %2 (byte").arg(row).arg(pos)) &&
                 msg.contains(QString("has id %1").arg(id)),
             qPrintable(msg));
    f.checkIds(f.idRange().max + 1);
    f.checkIds(0);
}

void TestArrowIpc::fuzzNeverCrashes()
{
    // Random byte changes and truncations of real files: each must read or throw DataError —
    // never crash, hang or throw anything else. What reads must stay readable end to end.
    const std::vector<std::string> sources = {
        "dataset/data-00000-of-00002.arrow", "variants/large_list_int64.arrow",
        "variants/fixed_size_list_int32.arrow", "variants/file_format.arrow",
        "variants/legacy_stream.arrow", "variants/list_uint16.arrow", "bad/null_token.arrow",
    };
    std::vector<std::string> files;
    for (const std::string& s : sources)
        files.push_back(readBytes(kRoot / s));
    std::mt19937_64 rng(20240801);
    const int32_t interesting[] = {0, -1, 1, 8, 0x7fffffff, INT32_MIN, 65536, -8};
    int readOk = 0;
    int rejected = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string bytes = files[static_cast<size_t>(i) % files.size()];
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !bytes.empty(); ++e) {
            const size_t at = rng() % bytes.size();
            switch (rng() % 4) {
            case 0: bytes[at] = static_cast<char>(rng()); break;
            case 1: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8))); break;
            case 2:
                if (at + 4 <= bytes.size())
                    putInt32(bytes, at & ~size_t(3), interesting[rng() % 8]);
                break;
            default: bytes.resize(at); break;
            }
        }
        writeBytes(tmp("fuzz.arrow"), bytes);
        try {
            const ArrowTokenFile f = ArrowTokenFile::open(tmp("fuzz.arrow"));
            ++readOk;
            const std::vector<int64_t> all = readAll(f);
            for (int64_t v : all)
                QVERIFY(v >= f.idRange().min && v <= f.idRange().max && v >= 0 && v <= 4294967295LL);
            f.checkIds(f.idRange().max + 1);
        } catch (const DataError& e) {
            ++rejected;
            QVERIFY2(std::string(e.what()).find("fuzz.arrow") != std::string::npos, e.what());
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString("iteration %1: %2").arg(i).arg(e.what())));
        }
    }
    qInfo("fuzz: %d read, %d rejected", readOk, rejected);
    QVERIFY(rejected > 500 && readOk > 100); // both paths exercised
}

QTEST_APPLESS_MAIN(TestArrowIpc)
#include "test_arrow_ipc.moc"
