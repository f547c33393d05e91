#include "data/Sha256.h"

#include <QTest>

#include <string>

using qks::Sha256;
using qks::sha256Hex;

class TestSha256 final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void paddingBoundaries_data();
    void paddingBoundaries();
    void incrementalUpdatesMatchOneShot();
    void millionAs();
};

void TestSha256::knownVectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("digest");
    // FIPS 180-2 appendix B and the empty message.
    QTest::newRow("empty") << QByteArray("")
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    QTest::newRow("896 bits")
        << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                      "klmnopqrlmnopqrsmnopqrstnopqrstu")
        << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
}

void TestSha256::knownVectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, digest);
    QCOMPARE(QString::fromStdString(sha256Hex(message.toStdString())), digest);
}

void TestSha256::paddingBoundaries_data()
{
    // Lengths around 56 and 64 bytes decide whether the padding needs a second block;
    // digests from Python's hashlib.
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("digest");
    QTest::newRow("55") << 55 << "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072";
    QTest::newRow("56") << 56 << "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e";
    QTest::newRow("57") << 57 << "ae14a2563ccf969d99aca69ce6bb74981f734bbf9f655f73b8f06db68cab5217";
    QTest::newRow("63") << 63 << "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2";
    QTest::newRow("64") << 64 << "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c";
    QTest::newRow("65") << 65 << "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9";
    QTest::newRow("119") << 119 << "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c";
    QTest::newRow("120") << 120 << "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98";
}

void TestSha256::paddingBoundaries()
{
    QFETCH(int, length);
    QFETCH(QString, digest);
    QCOMPARE(QString::fromStdString(sha256Hex(std::string(static_cast<size_t>(length), 'x'))), digest);
}

void TestSha256::incrementalUpdatesMatchOneShot()
{
    // Every byte value, 1280 bytes, fed in uneven pieces that straddle block boundaries.
    std::string data;
    for (int r = 0; r < 5; ++r)
        for (int b = 0; b < 256; ++b)
            data += static_cast<char>(b);
    const std::string expected = "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed";
    QCOMPARE(sha256Hex(data), expected);
    for (size_t step : {1u, 3u, 63u, 64u, 65u, 100u, 1000u}) {
        Sha256 h;
        for (size_t i = 0; i < data.size(); i += step)
            h.update(std::string_view(data).substr(i, step));
        QCOMPARE(h.hexDigest(), expected);
    }
}

void TestSha256::millionAs()
{
    QCOMPARE(sha256Hex(std::string(1'000'000, 'a')),
             std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

QTEST_APPLESS_MAIN(TestSha256)
#include "test_sha256.moc"
