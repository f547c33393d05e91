// Every JSON reader refuses text nested deeper than kMaxJsonDepth before parsing it, with a
// DataError that names the file and the byte: copying or printing such a value recurses once
// per level, and a few ten thousand '[' would overflow the stack. Checked with 100,000 levels
// against results.json, tokenizer.json, the prepared dataset's meta, Hugging Face state.json,
// JSON Lines text and safetensors headers (the checkpoint state is test_checkpoint's).
#include "checkpoint/Safetensors.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "data/DatasetMeta.h"
#include "data/HfDataset.h"
#include "data/TextCorpus.h"
#include "data/TokenizerJson.h"
#include "results/ResultsJson.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace qks;

namespace {

std::string nested(int levels, const std::string& inner = "1")
{
    return std::string(static_cast<size_t>(levels), '[') + inner + std::string(static_cast<size_t>(levels), ']');
}

// Runs `read` and returns the DataError's message, or "" when nothing was thrown.
template <typename Read>
QString refusal(Read&& read)
{
    try {
        read();
    } catch (const DataError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace

class TestJsonDepth final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsTheFirstTooDeepBracket()
    {
        QCOMPARE(jsonTooDeepAt(nested(256)), std::string_view::npos);
        QCOMPARE(jsonTooDeepAt(nested(257)), size_t(256));
        QCOMPARE(jsonTooDeepAt("{\"a\": \"[[[[[[\"}", 1), std::string_view::npos); // brackets in strings
        QCOMPARE(jsonTooDeepAt("[\"\\\"[\", [[1]]]", 2), size_t(9));               // an escaped quote
        QCOMPARE(jsonTooDeepAt("]]]][[", 1), size_t(5));                            // unbalanced: the parser's
        const QString message = refusal([] { requireJsonDepth(nested(300), "f.json", "; hint"); });
        QCOMPARE(message, QStringLiteral("f.json: arrays and objects nest more than 256 levels deep at byte 256; hint"));
        QVERIFY(refusal([] { requireJsonDepth(nested(256), "f.json", ""); }).isEmpty());
    }

    void everyReaderRefusesDeepNesting()
    {
        const std::string deep = nested(100000);
        const std::string deepObject = "{\"model\": " + deep + "}";
        QVERIFY(refusal([&] { parseResults(deepObject, "results.json"); }).contains("results.json: arrays and objects nest"));
        QVERIFY(refusal([&] { tokenizerFromJsonText(deepObject, "tokenizer.json"); }).contains("tokenizer.json: arrays and objects nest"));
        QVERIFY(refusal([&] { datasetMetaFromJsonText(deepObject, "meta.json"); }).contains("meta.json: arrays and objects nest"));
        const QString jsonl = refusal([&] {
            forEachJsonLinesDocument("{\"text\": \"fine\"}\n{\"text\": " + deep + "}\n", "text", "c.jsonl", [](std::string&&) {});
        });
        QVERIFY2(jsonl.contains("c.jsonl:2: arrays and objects nest"), qPrintable(jsonl));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string root = dir.path().toStdString();
        writeFile(root + "/state.json", "{\"_data_files\": " + deep + "}");
        const QString state = refusal([&] { readHfStateFiles(root); });
        QVERIFY2(state.contains("state.json: arrays and objects nest"), qPrintable(state));

        // A safetensors file: 8-byte little-endian header length, then the header.
        std::string header = "{\"__metadata__\": {\"x\": " + deep + "}}";
        std::string bytes(8, '\0');
        for (int i = 0; i < 8; ++i)
            bytes[static_cast<size_t>(i)] = static_cast<char>((uint64_t(header.size()) >> (8 * i)) & 0xff);
        writeFile(root + "/w.safetensors", bytes + header);
        const QString weights = refusal([&] { SafetensorsFile::open(root + "/w.safetensors"); });
        QVERIFY2(weights.contains("w.safetensors") && weights.contains("more than 256 levels deep"), qPrintable(weights));
    }
};

QTEST_APPLESS_MAIN(TestJsonDepth)
#include "test_json_depth.moc"
