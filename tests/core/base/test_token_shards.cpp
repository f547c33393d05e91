#include "ErrorMessage.h"
#include "common/Error.h"
#include "data/TokenShard.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

namespace {

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

void patchInt32(const fs::path& p, size_t offset, int32_t value)
{
    std::string bytes = readBytes(p);
    std::memcpy(bytes.data() + offset, &value, 4);
    writeBytes(p, bytes);
}

int32_t int32At(const std::string& bytes, size_t offset)
{
    int32_t v;
    std::memcpy(&v, bytes.data() + offset, 4);
    return v;
}


} // namespace

class TestTokenShards final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void uint16RoundTrip();
    void uint32RoundTrip();
    void emptyShard();
    void widthFollowsVocab();
    void uint16WriterRejectsWideIds();
    void rewriteReplacesAtomically();
    void wrongMagic();
    void unknownVersion_data();
    void unknownVersion();
    void shorterThanHeader();
    void truncatedBody();
    void trailingBytes();
    void negativeCount();
    void idAtOrAboveVocab();
    void missingFileIsDataError();
    void shardCutWhileOpenGivesADataError();
    void aFaultOnACutMappingNamesTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path path(const char* name) const { return fs::path(m_dir->path().toStdString()) / name; }
};

void TestTokenShards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTokenShards::uint16RoundTrip()
{
    const std::vector<uint32_t> tokens = {0, 1, 50256, 65535, 7, 300};
    const fs::path p = path("a.bin");
    writeTokenShard(p, tokens, TokenWidth::U16);

    // Byte layout is what llm.c expects: 256 int32 header, then little-endian uint16.
    const std::string raw = readBytes(p);
    QCOMPARE(raw.size(), size_t(1024 + 2 * tokens.size()));
    QCOMPARE(int32At(raw, 0), 20240520);
    QCOMPARE(int32At(raw, 4), 1);
    QCOMPARE(int32At(raw, 8), 6);
    for (size_t i = 12; i < 1024; i += 4)
        QCOMPARE(int32At(raw, i), 0);
    QCOMPARE(static_cast<uint8_t>(raw[1024 + 2 * 2]), uint8_t(50256 & 0xFF));
    QCOMPARE(static_cast<uint8_t>(raw[1024 + 2 * 2 + 1]), uint8_t(50256 >> 8));

    const TokenShard s = TokenShard::open(p);
    QCOMPARE(s.size(), int64_t(6));
    QCOMPARE(s.version(), 1);
    QVERIFY(s.width() == TokenWidth::U16);
    for (size_t i = 0; i < tokens.size(); ++i)
        QCOMPARE(s.at(static_cast<int64_t>(i)), tokens[i]);
    std::vector<int64_t> out(4, -1);
    s.copyTo(2, 4, out.data());
    QCOMPARE(out, (std::vector<int64_t>{50256, 65535, 7, 300}));
    QCOMPARE(s.idRange().min, 0u);
    QCOMPARE(s.idRange().max, 65535u);
}

void TestTokenShards::uint32RoundTrip()
{
    const std::vector<uint32_t> tokens = {70000, 3, 4294967295u, 65536, 100};
    const fs::path p = path("b.bin");
    writeTokenShard(p, tokens, TokenWidth::U32);
    const std::string raw = readBytes(p);
    QCOMPARE(raw.size(), size_t(1024 + 4 * tokens.size()));
    QCOMPARE(int32At(raw, 0), 20240801);
    QCOMPARE(int32At(raw, 4), 7);
    QCOMPARE(int32At(raw, 8), 5);

    const TokenShard s = TokenShard::open(p);
    QCOMPARE(s.version(), 7);
    QVERIFY(s.width() == TokenWidth::U32);
    std::vector<int64_t> out(5);
    s.copyTo(0, 5, out.data());
    QCOMPARE(out, (std::vector<int64_t>{70000, 3, 4294967295LL, 65536, 100}));
    QCOMPARE(s.idRange().min, 3u);
    QCOMPARE(s.idRange().max, 4294967295u);
}

void TestTokenShards::emptyShard()
{
    const fs::path p = path("empty.bin");
    writeTokenShard(p, std::vector<uint32_t>{}, TokenWidth::U16);
    QCOMPARE(fs::file_size(p), uintmax_t(1024));
    const TokenShard s = TokenShard::open(p);
    QCOMPARE(s.size(), int64_t(0));
    s.checkIds(1); // nothing to check
}

void TestTokenShards::widthFollowsVocab()
{
    QVERIFY(tokenWidthForVocab(257) == TokenWidth::U16);
    QVERIFY(tokenWidthForVocab(65536) == TokenWidth::U16); // largest id 65535 still fits
    QVERIFY(tokenWidthForVocab(65537) == TokenWidth::U32);
}

void TestTokenShards::uint16WriterRejectsWideIds()
{
    const fs::path p = path("wide.bin");
    const QString msg = dataErrorOf([&] { writeTokenShard(p, std::vector<uint32_t>{1, 2, 65536}, TokenWidth::U16); });
    QVERIFY2(msg.contains("token 2") && msg.contains("65536") && msg.contains("uint16"), qPrintable(msg));
    QVERIFY(!fs::exists(p)); // nothing half-written
}

void TestTokenShards::rewriteReplacesAtomically()
{
    const fs::path p = path("r.bin");
    writeTokenShard(p, std::vector<uint32_t>{1, 2, 3}, TokenWidth::U16);
    writeTokenShard(p, std::vector<uint32_t>{9, 8}, TokenWidth::U32);
    const TokenShard s = TokenShard::open(p);
    QCOMPARE(s.size(), int64_t(2));
    QCOMPARE(s.at(0), 9u);
    // Only the shard itself is left: no temporary files.
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(p.parent_path()))
        ++files;
    QCOMPARE(files, 1);
}

void TestTokenShards::wrongMagic()
{
    const fs::path p = path("magic.bin");
    writeTokenShard(p, std::vector<uint32_t>{1, 2, 3}, TokenWidth::U16);
    patchInt32(p, 0, 12345);
    const QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("magic.bin") && msg.contains("wrong magic") && msg.contains("12345") &&
                 msg.contains("20240520") && msg.contains("20240801"),
             qPrintable(msg));
}

void TestTokenShards::unknownVersion_data()
{
    QTest::addColumn<int>("magic");
    QTest::addColumn<int>("version");
    QTest::newRow("uint16 magic, version 2") << 20240520 << 2;
    QTest::newRow("uint32 magic, version 1") << 20240801 << 1;
}

void TestTokenShards::unknownVersion()
{
    QFETCH(int, magic);
    QFETCH(int, version);
    const fs::path p = path("version.bin");
    writeTokenShard(p, std::vector<uint32_t>{1, 2, 3, 4}, TokenWidth::U32);
    patchInt32(p, 0, magic);
    patchInt32(p, 4, version);
    const QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("version.bin") && msg.contains("unknown token shard version " + QString::number(version)),
             qPrintable(msg));
}

void TestTokenShards::shorterThanHeader()
{
    const fs::path p = path("short.bin");
    writeBytes(p, std::string(100, '\0'));
    QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("short.bin") && msg.contains("100 bytes") && msg.contains("shorter than"),
             qPrintable(msg));
    writeBytes(p, "");
    msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("0 bytes") && msg.contains("shorter than"), qPrintable(msg));
}

void TestTokenShards::truncatedBody()
{
    const fs::path p = path("trunc.bin");
    writeTokenShard(p, std::vector<uint32_t>(10, 5), TokenWidth::U16);
    fs::resize_file(p, 1024 + 2 * 8 + 1); // 8 whole tokens and half of the ninth
    const QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("trunc.bin") && msg.contains("truncated") &&
                 msg.contains("says 10 tokens") && msg.contains("holds 8"),
             qPrintable(msg));
}

void TestTokenShards::trailingBytes()
{
    const fs::path p = path("long.bin");
    writeTokenShard(p, std::vector<uint32_t>(10, 5), TokenWidth::U32);
    fs::resize_file(p, 1024 + 4 * 10 + 6);
    const QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("long.bin") && msg.contains("6 extra bytes"), qPrintable(msg));
}

void TestTokenShards::negativeCount()
{
    const fs::path p = path("neg.bin");
    writeTokenShard(p, std::vector<uint32_t>{1}, TokenWidth::U16);
    patchInt32(p, 8, -3);
    const QString msg = dataErrorOf([&] { TokenShard::open(p); });
    QVERIFY2(msg.contains("negative token count -3"), qPrintable(msg));
}

void TestTokenShards::idAtOrAboveVocab()
{
    const fs::path p = path("ids.bin");
    writeTokenShard(p, std::vector<uint32_t>{10, 499, 20, 500, 501}, TokenWidth::U16);
    const TokenShard s = TokenShard::open(p);
    s.checkIds(502);
    s.checkIds(0);  // no check
    s.checkIds(-1); // no check
    const QString msg = dataErrorOf([&] { s.checkIds(500); });
    // The first offending token is reported, with its index, id and the limit.
    QVERIFY2(msg.contains("ids.bin") && msg.contains("token 3") && msg.contains("id 500") &&
                 msg.contains("vocabulary size 500"),
             qPrintable(msg));
}

// Token data that cannot be opened is a data error (exit 3), as a corrupt shard is.
void TestTokenShards::missingFileIsDataError()
{
    QVERIFY_THROWS_EXCEPTION(DataError, TokenShard::open(path("nope.bin")));
    const QString device = dataErrorOf([] { TokenShard::open("/dev/zero"); });
    QVERIFY2(device.contains("/dev/zero is not a regular file"), qPrintable(device));
}

// Another process cuts the shard while a run reads it: training reads with pread, so the
// lost tokens are a DataError naming the file, not SIGBUS.
void TestTokenShards::shardCutWhileOpenGivesADataError()
{
    const fs::path p = path("cut.bin");
    writeTokenShard(p, std::vector<uint32_t>(10000, 7), TokenWidth::U16);
    const TokenShard s = TokenShard::open(p);
    std::vector<int64_t> out(10, -1);
    s.copyTo(5000, 10, out.data());
    QCOMPARE(out.front(), int64_t(7));
    fs::resize_file(p, 1024);
    const QString msg = dataErrorOf([&] { s.copyTo(5000, 10, out.data()); });
    QVERIFY2(msg.contains(QString::fromStdString(p.string())) && msg.contains("truncated or replaced while in use") &&
                 msg.contains("--resume"),
             qPrintable(msg));
    QVERIFY_THROWS_EXCEPTION(DataError, s.copyTo(5000, 10, out.data()));
}

// A read through the mapping itself (the id scans) of pages the file no longer has: the SIGBUS
// handler names the file and ends the process with exit code 3. In a child process.
void TestTokenShards::aFaultOnACutMappingNamesTheFile()
{
    const fs::path p = path("mapped.bin");
    writeTokenShard(p, std::vector<uint32_t>(100000, 3), TokenWidth::U16);
    int pipeFds[2];
    QVERIFY(::pipe(pipeFds) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::dup2(pipeFds[1], STDERR_FILENO);
        const TokenShard s = TokenShard::open(p);
        fs::resize_file(p, 1024);
        const uint32_t id = s.at(90000); // 180 KB in: a page past the file's new end
        ::_exit(id == 3 ? 0 : 1);        // reached only if no fault came
    }
    ::close(pipeFds[1]);
    std::string err;
    char buf[512];
    for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0;)
        err.append(buf, static_cast<size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 3, err.c_str());
    QVERIFY2(err.find(p.string() + " was truncated or replaced while in use") != std::string::npos, err.c_str());
}

QTEST_APPLESS_MAIN(TestTokenShards)
#include "test_token_shards.moc"
