#include "common/AtomicFile.h"
#include "data/Sha256.h"
#include "data/TextCorpus.h"
#include "data/TokenizerJson.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

// Our GPT-2 encoder against OpenAI's, on the whole demo corpus: every .txt file of data/corpus
// (scripts/setup.sh) encoded with loadGpt2EncoderFiles(data/gpt2) must give the ids that npm
// gpt-3-encoder@1.1.4 gives, recorded as a count and a sha256 per file in
// tests/fixtures/gpt2/corpus_reference.json by tests/reference/gpt2_reference_ids.mjs.
class TestGpt2Equivalence final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpusIdsMatchOpenAiEncoder();
};

void TestGpt2Equivalence::corpusIdsMatchOpenAiEncoder()
{
    const fs::path gpt2 = QKS_GPT2_DIR;
    const fs::path corpus = fs::path(QKS_GPT2_DIR).parent_path() / "corpus";
    QVERIFY2(fs::exists(gpt2 / "encoder.json") && fs::exists(gpt2 / "vocab.bpe"),
             qPrintable(QString::fromStdString(gpt2.string()) + ": GPT-2 vocabulary missing: run scripts/setup.sh"));
    QVERIFY2(fs::is_directory(corpus), qPrintable(QString::fromStdString(corpus.string()) +
                                                  ": demo corpus missing: run scripts/setup.sh"));
    const nlohmann::json ref = nlohmann::json::parse(
        readFile(fs::path(QKS_FIXTURES_DIR) / "gpt2" / "corpus_reference.json"));
    const auto& entries = ref["entries"];

    std::vector<std::string> files;
    for (const fs::path& rel : listTextFiles(corpus))
        if (rel.extension() == ".txt")
            files.push_back(rel.generic_string());
    QVERIFY2(files.size() == entries.size(),
             qPrintable(QString("the corpus has %1 .txt files, the reference %2: run scripts/setup.sh "
                                "(or regenerate the reference if the corpus changed on purpose)")
                            .arg(files.size())
                            .arg(entries.size())));

    const BpeTokenizer tok = loadGpt2EncoderFiles(gpt2 / "encoder.json", gpt2 / "vocab.bpe");
    int64_t bytes = 0;
    int64_t ids = 0;
    double seconds = 0;
    std::vector<uint32_t> out;
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& e = entries[i];
        const std::string where = files[i];
        QVERIFY2(e["path"].get<std::string>() == files[i],
                 qPrintable(QString::fromStdString("file " + std::to_string(i) + " is " + files[i] +
                                                   ", the reference has " + e["path"].get<std::string>())));
        const std::string text = readFile(corpus / files[i]);
        out.clear();
        const auto start = std::chrono::steady_clock::now();
        tok.encodeAppend(text, out);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::string le(out.size() * 4, '\0');
        for (size_t k = 0; k < out.size(); ++k) {
            const uint32_t v = out[k];
            const char b[4] = {char(v & 0xFF), char((v >> 8) & 0xFF), char((v >> 16) & 0xFF), char(v >> 24)};
            std::memcpy(le.data() + 4 * k, b, 4);
        }
        const int64_t wantCount = e["ids"].get<int64_t>();
        const std::string wantHash = e["sha256"].get<std::string>();
        QVERIFY2(static_cast<int64_t>(out.size()) == wantCount && sha256Hex(le) == wantHash,
                 qPrintable(QString("first differing file: %1: %2 ids (reference %3), sha256 %4 (reference %5)")
                                .arg(QString::fromStdString(where))
                                .arg(out.size())
                                .arg(wantCount)
                                .arg(QString::fromStdString(sha256Hex(le)))
                                .arg(QString::fromStdString(wantHash))));
        bytes += static_cast<int64_t>(text.size());
        ids += static_cast<int64_t>(out.size());
    }
    QCOMPARE(ids, ref["ids"].get<int64_t>());
    // Information only (speed is measured by benchmarks, never asserted).
    qInfo("%zu files, %lld bytes, %lld ids; encoding %.2f s = %.1f MB/s (one thread, cold word cache)",
          files.size(), static_cast<long long>(bytes), static_cast<long long>(ids), seconds,
          seconds > 0 ? bytes / 1e6 / seconds : 0.0);
}

QTEST_APPLESS_MAIN(TestGpt2Equivalence)
#include "test_gpt2_equivalence.moc"
