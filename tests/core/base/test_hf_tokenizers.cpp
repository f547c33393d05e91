#include "ErrorMessage.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/AddedTokenMatcher.h"
#include "data/ByteLevel.h"
#include "data/Prepare.h"
#include "data/PreTokenizerChain.h"
#include "data/TokenizerFiles.h"
#include "data/TokenizerJson.h"
#include "data/UnicodeNormalizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

namespace {

const fs::path kDir = fs::path(QKS_FIXTURES_DIR) / "tokenizer";

std::vector<uint32_t> encodeAppended(const BpeTokenizer& tok, const std::string& text, SpecialTokens mode)
{
    std::vector<uint32_t> ids = {7}; // appends after what is there
    tok.encodeAppend(text, ids, mode);
    return {ids.begin() + 1, ids.end()};
}

QString show(const std::vector<int32_t>& ids)
{
    QStringList parts;
    for (const int32_t id : ids)
        parts << QString::number(id);
    return parts.join(' ');
}


void writeFile(const fs::path& p, const std::string& bytes)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

} // namespace

class TestHfTokenizers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesHuggingFace_data();
    void matchesHuggingFace();
    void savedSettingsRoundTrip_data();
    void savedSettingsRoundTrip();
    void smollm2Layout();
    void splitBehaviors_data();
    void splitBehaviors();
    void byteLevelPrefixSpacePerPiece();
    void addedTokenOptions();
    void normalizerKeepsInvalidBytes();
    void repeatedMergeTakesLastRank();
    void findsTokenizerFiles();
};

void TestHfTokenizers::matchesHuggingFace_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"smollm2_like", "hf_features_split", "hf_features_unk", "hf_features_invert"})
        QTest::newRow(name) << QString(name);
}

void TestHfTokenizers::matchesHuggingFace()
{
    // Ids from Hugging Face tokenizers 0.22.2 (tests/reference/hf_tokenizer_fixtures.mjs) for
    // texts that stress every supported component; both ways of treating special tokens.
    QFETCH(QString, name);
    const BpeTokenizer tok = loadTokenizerJson(kDir / (name.toStdString() + ".json"));
    const nlohmann::json cases =
        nlohmann::json::parse(readFile(kDir / (name.toStdString() + "_cases.json")))["cases"];
    QVERIFY(cases.size() >= 19);
    for (const auto& c : cases) {
        const std::string text = c["text"].get<std::string>();
        const auto ids = c["ids"].get<std::vector<int32_t>>();
        const auto asText = c["ids_special_as_text"].get<std::vector<int32_t>>();
        const std::vector<int32_t> got = tok.encode(text, SpecialTokens::Match);
        QVERIFY2(got == ids, qPrintable(QString::fromStdString(text) + "\n got  " + show(got) + "\n want " + show(ids)));
        const std::vector<int32_t> gotAsText = tok.encode(text); // the default
        QVERIFY2(gotAsText == asText, qPrintable(QString::fromStdString(text) + " (special as text)\n got  " +
                                                 show(gotAsText) + "\n want " + show(asText)));
        const std::vector<uint32_t> appended = encodeAppended(tok, text, SpecialTokens::Match);
        QVERIFY(std::vector<int32_t>(appended.begin(), appended.end()) == ids);
        // Hugging Face decodes lossily (U+FFFD) where a token is not whole UTF-8, and turns an
        // added token's non-ASCII content into bytes; compare where its result is exact.
        const std::string decoded = c["decoded"].get<std::string>();
        if (decoded.find("\xEF\xBF\xBD") == std::string::npos && name != "hf_features_split")
            QCOMPARE(tok.decode(ids), decoded);
    }
}

void TestHfTokenizers::savedSettingsRoundTrip_data()
{
    matchesHuggingFace_data();
}

void TestHfTokenizers::savedSettingsRoundTrip()
{
    // What we write reads back to the same tokenizer, settings included.
    QFETCH(QString, name);
    const BpeTokenizer tok = loadTokenizerJson(kDir / (name.toStdString() + ".json"));
    const BpeTokenizer back = tokenizerFromJsonText(tokenizerToJsonText(tok), "saved");
    QVERIFY(back.settings() == tok.settings());
    QVERIFY(back.addedTokens() == tok.addedTokens());
    QCOMPARE(back.vocab(), tok.vocab());
    const nlohmann::json cases =
        nlohmann::json::parse(readFile(kDir / (name.toStdString() + "_cases.json")))["cases"];
    for (const auto& c : cases) {
        const std::string text = c["text"].get<std::string>();
        QCOMPARE(back.encode(text, SpecialTokens::Match), tok.encode(text, SpecialTokens::Match));
    }
}

void TestHfTokenizers::smollm2Layout()
{
    // The study's tokenizer (SmolLM2, 49152 tokens) has this structure: 17 special tokens at
    // ids 0-16, also listed in model.vocab; digits one by one, then GPT-2's byte-level regex.
    const BpeTokenizer tok = loadTokenizer(kDir / "smollm2_like.json");
    QCOMPARE(tok.vocabSize(), int64_t(528));
    QCOMPARE(tok.addedTokens().size(), size_t(17));
    QCOMPARE(*tok.addedTokenId("<|endoftext|>"), 0);
    QCOMPARE(*tok.addedTokenId("<|im_end|>"), 2);
    QCOMPARE(tok.missingByteTokens(), 0);
    const std::optional<AddedToken> eot = documentSeparator(tok);
    QVERIFY(eot && eot->content == "<|endoftext|>" && eot->id == 0);
    const std::vector<int32_t> ids = tok.encode(" 2024", SpecialTokens::Match);
    QCOMPARE(ids.size(), size_t(5)); // " " + one token per digit
    QCOMPARE(tok.decode(ids), std::string(" 2024"));
    QCOMPARE(tok.encode("<|im_start|>", SpecialTokens::Match), (std::vector<int32_t>{1}));
    QVERIFY(tok.encode("<|im_start|>").size() > 1);
    const auto& steps = tok.settings().preTokenizer;
    QCOMPARE(steps.size(), size_t(2));
    QVERIFY(std::get<DigitsStep>(steps[0]).individualDigits);
    QVERIFY(std::holds_alternative<ByteLevelStep>(steps[1]));
}

void TestHfTokenizers::splitBehaviors_data()
{
    // tokenizers' own documentation example: "the-final--countdown" split on "-".
    QTest::addColumn<int>("behavior");
    QTest::addColumn<bool>("invert");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Removed") << int(SplitBehavior::Removed) << false << QStringList{"the", "final", "countdown"};
    QTest::newRow("Isolated") << int(SplitBehavior::Isolated) << false
                              << QStringList{"the", "-", "final", "-", "-", "countdown"};
    QTest::newRow("MergedWithPrevious") << int(SplitBehavior::MergedWithPrevious) << false
                                        << QStringList{"the-", "final-", "-", "countdown"};
    QTest::newRow("MergedWithNext") << int(SplitBehavior::MergedWithNext) << false
                                    << QStringList{"the", "-final", "-", "-countdown"};
    QTest::newRow("Contiguous") << int(SplitBehavior::Contiguous) << false
                                << QStringList{"the", "-", "final", "--", "countdown"};
    // Inverted, the text between the dashes is the delimiter; each dash is its own gap.
    QTest::newRow("Removed inverted") << int(SplitBehavior::Removed) << true << QStringList{"-", "-", "-"};
}

void TestHfTokenizers::splitBehaviors()
{
    QFETCH(int, behavior);
    QFETCH(bool, invert);
    QFETCH(QStringList, expected);
    for (const bool regex : {false, true}) {
        SplitStep split{regex ? "-" : "-", regex, SplitBehavior(behavior), invert};
        const PreTokenizerChain chain({split, ByteLevelStep{false, false, true}});
        QStringList got;
        for (const std::string& p : chain.split("the-final--countdown"))
            got << QString::fromStdString(p);
        QCOMPARE(got, expected);
    }
}

void TestHfTokenizers::byteLevelPrefixSpacePerPiece()
{
    // add_prefix_space applies to every piece reaching ByteLevel, not only the first.
    const PreTokenizerChain chain({DigitsStep{true}, ByteLevelStep{true, true, true}});
    QCOMPARE(chain.split("ab12 cd"), (std::vector<std::string>{" ab", " 1", " 2", " cd"}));
    const PreTokenizerChain gpt2;
    QCOMPARE(gpt2.split("ab12 cd"), (std::vector<std::string>{"ab", "12", " cd"}));
    // Empty pieces vanish; an empty pattern is refused.
    QCOMPARE(chain.split(""), std::vector<std::string>{});
    const QString msg = dataErrorOf([] { PreTokenizerChain({SplitStep{"", true}, ByteLevelStep{}}, "x.json"); });
    QVERIFY2(msg.contains("x.json") && msg.contains("empty pattern"), qPrintable(msg));
}

void TestHfTokenizers::addedTokenOptions()
{
    // tokenizers' own unit tests (added_vocabulary.rs) for lstrip / rstrip / single_word.
    std::vector<AddedToken> tokens(1);
    tokens[0] = {5, "<mask>", false, true, true, true, false};
    const UnicodeNormalizer none;
    const AddedTokenMatcher m(tokens, false, none);
    const std::string text = "Hi <mask> there\t<mask>\t<mask>\u2000";
    std::vector<AddedTokenMatcher::Segment> segs;
    m.split(text, true, segs);
    QStringList got;
    for (const auto& s : segs)
        got << QString::fromStdString(text.substr(s.begin, s.end - s.begin)) + (s.id >= 0 ? "=" : "");
    QCOMPARE(got, (QStringList{"Hi", " <mask> =", "there", "\t<mask>\t=", "<mask>\u2000="}));

    tokens[0] = {5, "<mask>", false, true, false, false, false};
    const AddedTokenMatcher single(tokens, false, none);
    const std::string words = "<mask> My name <mask> A<mask> <mask>ony <mask>";
    single.split(words, true, segs);
    got.clear();
    for (const auto& s : segs)
        got << QString::fromStdString(words.substr(s.begin, s.end - s.begin)) + (s.id >= 0 ? "=" : "");
    QCOMPARE(got, (QStringList{"<mask>=", " My name ", "<mask>=", " A<mask> <mask>ony ", "<mask>="}));

    // Special tokens match only when asked.
    tokens[0] = {5, "<|x|>", true, false, false, false, false};
    const AddedTokenMatcher special(tokens, false, none);
    QVERIFY(special.canMatch(true) && !special.canMatch(false));
    special.split("a<|x|>b", false, segs);
    QCOMPARE(segs.size(), size_t(1));
}

void TestHfTokenizers::normalizerKeepsInvalidBytes()
{
    if (!UnicodeNormalizer::available())
        QSKIP("built without ICU"); // the NFC fixtures above fail loudly in that case
    const UnicodeNormalizer nfc({NormalizationForm::Nfc});
    std::string scratch;
    QCOMPARE(std::string(nfc.apply("cafe\xcc\x81 \xff e\xcc\x81", scratch)), std::string("caf\xc3\xa9 \xff \xc3\xa9"));
    const std::string ascii = "plain ASCII";
    QCOMPARE(nfc.apply(ascii, scratch).data(), ascii.data()); // no copy
    const UnicodeNormalizer nfkc({NormalizationForm::Nfkc});
    QCOMPARE(std::string(nfkc.apply("\xef\xac\x81" "ne \xe2\x91\xa0", scratch)), std::string("fine 1"));
}

void TestHfTokenizers::repeatedMergeTakesLastRank()
{
    // tokenizers builds its merge map in file order, so a repeated pair keeps its last rank
    // (checked against tokenizers 0.22: "xyz" -> x + yz).
    std::vector<std::string> vocab;
    for (int i = 0; i < 256; ++i)
        vocab.push_back(byteToUnicode(byteOrder(i)));
    vocab.push_back("xy");
    vocab.push_back("yz");
    const BpeTokenizer tok(vocab, {{"x", "y"}, {"y", "z"}, {"x", "y"}}, {});
    QCOMPARE(tok.encode("xyz"), (std::vector<int32_t>{*tok.tokenId("x"), 257}));
}

void TestHfTokenizers::findsTokenizerFiles()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    // A Hugging Face model folder with the older pair of files (GPT-2 layout).
    const nlohmann::json hf = nlohmann::json::parse(readFile(kDir / "hf_bpe_512.json"));
    std::string merges = "#version: 0.2\n";
    for (const auto& m : hf["model"]["merges"])
        merges += m[0].get<std::string>() + " " + m[1].get<std::string>() + "\n";
    writeFile(root / "pair" / "vocab.json", hf["model"]["vocab"].dump());
    writeFile(root / "pair" / "merges.txt", merges);
    const TokenizerFiles f = findTokenizerFiles(root / "pair");
    QVERIFY(f.kind == TokenizerFiles::Kind::VocabMerges);
    const BpeTokenizer pair = loadTokenizer(root / "pair" / "vocab.json");
    const BpeTokenizer json = loadTokenizer(kDir / "hf_bpe_512.json");
    QCOMPARE(pair.vocab(), json.vocab());
    QVERIFY(pair.merges() == json.merges());
    QCOMPARE(*pair.addedTokenId("<|endoftext|>"), 511);
    const std::string text = "Call me Ishmael, 1851. Whale-ships!";
    QCOMPARE(pair.encode(text), json.encode(text));
    QCOMPARE(loadTokenizer(root / "pair" / "merges.txt").vocabSize(), int64_t(512));

    // A folder with tokenizer.json prefers it.
    fs::copy_file(kDir / "smollm2_like.json", root / "pair" / "tokenizer.json");
    QCOMPARE(loadTokenizer(root / "pair").vocabSize(), int64_t(528));

    QString msg = dataErrorOf([&] { findTokenizerFiles(root / "nothing"); });
    QVERIFY2(msg.contains("no such file"), qPrintable(msg));
    fs::create_directories(root / "empty");
    msg = dataErrorOf([&] { findTokenizerFiles(root / "empty"); });
    QVERIFY2(msg.contains("tokenizer.json") && msg.contains("merges.txt"), qPrintable(msg));
    writeFile(root / "half" / "vocab.json", "{}");
    msg = dataErrorOf([&] { findTokenizerFiles(root / "half" / "vocab.json"); });
    QVERIFY2(msg.contains("merges.txt") && msg.contains("missing"), qPrintable(msg));
}

QTEST_APPLESS_MAIN(TestHfTokenizers)
#include "test_hf_tokenizers.moc"
