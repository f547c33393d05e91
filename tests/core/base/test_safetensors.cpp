// safetensors: round trip of several dtypes with metadata, the layout PyTorch's loader expects
// (u64 length, JSON header padded to 8 bytes, data block), and clear errors for corrupt files.
#include "checkpoint/Safetensors.h"
#include "common/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace qks;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
void spit(const fs::path& p, const std::string& bytes)
{
    std::ofstream(p, std::ios::binary) << bytes;
}
} // namespace

class TestSafetensors final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const std::vector<float> a = {1.5f, -2.0f, 3.25f, 0.0f, 7.0f, 8.0f};
        const std::vector<double> b = {3.141592653589793};
        const std::vector<int64_t> c = {42, -7};
        writeSafetensors(file(), {{"w.a", "F32", {2, 3}, a.data(), a.size() * 4}, {"b", "F64", {1}, b.data(), 8},
                                  {"step", "I64", {2}, c.data(), 16}},
                         {{"format", "test"}});
        const auto f = SafetensorsFile::open(file());
        QCOMPARE(f.tensors().size(), size_t(3));
        QCOMPARE(f.metadata().at("format"), std::string("test"));
        const auto* t = f.find("w.a");
        QVERIFY(t && t->dtype == "F32" && t->shape == (std::vector<int64_t>{2, 3}));
        QVERIFY(std::memcmp(t->data, a.data(), 24) == 0);
        QCOMPARE(*static_cast<const double*>(f.find("b")->data), b[0]);
        QCOMPARE(static_cast<const int64_t*>(f.find("step")->data)[1], int64_t(-7));
        QVERIFY(f.find("nope") == nullptr);

        // Layout: u64 LE header length, a JSON header (padded so data is 8-byte aligned).
        const std::string bytes = slurp(file());
        uint64_t n = 0;
        std::memcpy(&n, bytes.data(), 8);
        QCOMPARE(n % 8, uint64_t(0));
        const auto header = nlohmann::json::parse(bytes.substr(8, n));
        QCOMPARE(header["w.a"]["data_offsets"], nlohmann::json({0, 24}));
        QCOMPARE(bytes.size(), size_t(8 + n + 24 + 8 + 16));
    }

    void aFlippedByteIsCaughtByItsChecksum()
    {
        const std::vector<float> a(6, 1.0f), b = {2.0f, 3.0f};
        writeSafetensors(file(), {{"a", "F32", {2, 3}, a.data(), 24}, {"b", "F32", {2}, b.data(), 8}});
        QVERIFY(SafetensorsFile::open(file()).metadata().count(kSafetensorsChecksumKey));
        std::string bytes = slurp(file());
        bytes[bytes.size() - 3] ^= 0x01; // inside b: a float that still reads as a number
        spit(file(), bytes);
        try {
            SafetensorsFile::open(file());
            QFAIL("a damaged tensor passed");
        } catch (const DataError& e) {
            QVERIFY2(QString(e.what()).contains("tensor b's data does not match its checksum"), e.what());
        }
    }

    void aFileWithoutChecksumsIsReadAsItIs()
    {
        // What PyTorch's safetensors writes: no checksums to verify against.
        const std::string header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        std::string bytes(8, '\0');
        bytes[0] = static_cast<char>(header.size());
        const float values[2] = {1.0f, 2.0f};
        bytes += header + std::string(reinterpret_cast<const char*>(values), 8);
        spit(file(), bytes);
        const auto f = SafetensorsFile::open(file());
        QCOMPARE(static_cast<const float*>(f.find("a")->data)[1], 2.0f);
    }

    void corruptFilesAreRejected_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << "empty" << "shorter than";
        QTest::newRow("huge header length") << "length" << "runs past the end";
        QTest::newRow("not json") << "json" << "not JSON";
        QTest::newRow("truncated data") << "truncate" << "outside the data block";
        QTest::newRow("wrong size") << "shape" << "needs";
        QTest::newRow("unknown dtype") << "dtype" << "unknown dtype";
    }
    void corruptFilesAreRejected()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        const std::vector<float> a(6, 1.0f);
        writeSafetensors(file(), {{"a", "F32", {2, 3}, a.data(), 24}});
        std::string bytes = slurp(file());
        uint64_t n = 0;
        std::memcpy(&n, bytes.data(), 8);
        if (damage == "empty") {
            bytes = "abc";
        } else if (damage == "length") {
            const uint64_t big = 1ull << 40;
            std::memcpy(bytes.data(), &big, 8);
        } else if (damage == "json") {
            bytes[8] = '[';
            bytes[9] = '[';
        } else if (damage == "truncate") {
            bytes.resize(bytes.size() - 4);
        } else if (damage == "shape") {
            bytes.replace(bytes.find("[2,3]"), 5, "[3,3]");
        } else if (damage == "dtype") {
            bytes.replace(bytes.find("F32"), 3, "Q32");
        }
        spit(file(), bytes);
        try {
            SafetensorsFile::open(file());
            QFAIL("a corrupt file was accepted");
        } catch (const DataError& e) {
            QVERIFY2(QString(e.what()).contains(expected), e.what());
            QVERIFY(QString(e.what()).contains(QString::fromStdString(file().string())));
        }
    }

private:
    fs::path file() const { return fs::path(m_dir.path().toStdString()) / "t.safetensors"; }
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
