#include "data/BpeTrainer.h"

#include "common/Error.h"
#include "data/ByteLevel.h"
#include "data/PreTokenizer.h"

#include <algorithm>
#include <optional>
#include <queue>
#include <unordered_map>

namespace qks {

namespace {

uint64_t pairKey(int32_t left, int32_t right)
{
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}
int32_t leftOf(uint64_t key) { return static_cast<int32_t>(key >> 32); }
int32_t rightOf(uint64_t key) { return static_cast<int32_t>(key & 0xFFFFFFFFu); }

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Word {
    std::vector<int32_t> symbols;
    int64_t count = 0;
};

// Heap entry. Entries go stale as counts change; see train() for how that is handled.
struct Candidate {
    int64_t count;
    uint64_t key;
    // Max-heap order: higher count first, then the smaller (left, right).
    bool operator<(const Candidate& o) const
    {
        return count != o.count ? count < o.count : key > o.key;
    }
};

// The merge loop's state: the words as symbol sequences, every adjacent pair's count, which
// words hold each pair, and a heap of candidate pairs.
class Merges {
public:
    using WordCounts = std::unordered_map<std::string, int64_t, StringHash, std::equal_to<>>;

    // Byte b starts as the id of its position in GPT-2's byte order.
    explicit Merges(const WordCounts& wordCounts, size_t reserve)
    {
        int32_t byteId[256];
        for (int i = 0; i < 256; ++i)
            byteId[byteOrder(i)] = i;
        m_words.reserve(wordCounts.size());
        for (const auto& [text, count] : wordCounts) {
            if (text.size() < 2)
                continue; // no pair to merge
            Word w;
            w.count = count;
            w.symbols.reserve(text.size());
            for (char c : text)
                w.symbols.push_back(byteId[static_cast<uint8_t>(c)]);
            m_words.push_back(std::move(w));
        }
        m_vocab.reserve(reserve);
        for (int i = 0; i < 256; ++i) {
            m_vocab.push_back(byteToUnicode(byteOrder(i)));
            m_idOf.emplace(m_vocab[i], i);
        }
        countPairs();
        m_seen.assign(m_words.size(), 0);
    }

    // The most frequent pair (ties: the smaller (left, right)), once it is seen at least
    // `minCount` times; nothing when none is left.
    std::optional<uint64_t> bestPair(int64_t minCount)
    {
        // Lazy max-heap. Invariant: every pair with a positive count has an entry whose count is
        // >= its true count (entries are pushed whenever a count grows; shrinking leaves an entry
        // that is too high). So the top entry, once it matches its true count, is the true best.
        while (!m_heap.empty()) {
            const Candidate top = m_heap.top();
            m_heap.pop();
            const auto it = m_pairCount.find(top.key);
            const int64_t current = it == m_pairCount.end() ? 0 : it->second;
            if (top.count != current) {
                if (top.count > current && current > 0)
                    m_heap.push({current, top.key});
                continue; // else a newer, exact entry is in the heap already
            }
            if (current < minCount)
                return std::nullopt;
            return top.key;
        }
        return std::nullopt;
    }

    // Records the merge of `key` and replaces the pair by its token in every word.
    void merge(uint64_t key)
    {
        const int32_t a = leftOf(key);
        const int32_t b = rightOf(key);
        m_merges.emplace_back(m_vocab[a], m_vocab[b]);
        const int32_t newId = tokenFor(m_vocab[a] + m_vocab[b]);
        ++m_round;
        m_grown.clear();
        const std::vector<int32_t> containing = std::move(m_pairWords[key]);
        m_pairWords.erase(key);
        for (const int32_t wi : containing) {
            if (m_seen[wi] == m_round)
                continue;
            m_seen[wi] = m_round;
            replacePairIn(wi, a, b, newId);
        }
        m_pairCount.erase(key); // every occurrence is gone
        std::sort(m_grown.begin(), m_grown.end());
        m_grown.erase(std::unique(m_grown.begin(), m_grown.end()), m_grown.end());
        for (const uint64_t grownKey : m_grown)
            if (const int64_t c = m_pairCount[grownKey]; c > 0)
                m_heap.push({c, grownKey});
    }

    // A special token after the merged ones; throws when its text is a token already.
    int32_t addSpecial(const std::string& content)
    {
        const auto id = static_cast<int32_t>(m_vocab.size());
        if (!m_idOf.emplace(content, id).second)
            throw ConfigError("special token \"" + content + "\" is listed twice or spells a "
                              "byte-level token; choose another special token");
        m_vocab.push_back(content);
        return id;
    }

    int64_t vocabSize() const { return static_cast<int64_t>(m_vocab.size()); }
    size_t mergeCount() const { return m_merges.size(); }
    std::vector<std::string> takeVocab() { return std::move(m_vocab); }
    const std::vector<std::pair<std::string, std::string>>& merges() const { return m_merges; }

private:
    void countPairs()
    {
        for (size_t wi = 0; wi < m_words.size(); ++wi) {
            const Word& w = m_words[wi];
            for (size_t i = 0; i + 1 < w.symbols.size(); ++i)
                addToPair(w.symbols[i], w.symbols[i + 1], w.count, static_cast<int32_t>(wi));
        }
        for (const auto& [key, count] : m_pairCount)
            m_heap.push({count, key});
        m_grown.clear();
    }

    // Different merges can spell the same string ("ab"+"c", "a"+"bc"): they share one id, as in
    // Hugging Face's trainer, since a vocabulary maps each string to one id.
    int32_t tokenFor(std::string merged)
    {
        if (const auto known = m_idOf.find(merged); known != m_idOf.end())
            return known->second;
        const auto id = static_cast<int32_t>(m_vocab.size());
        m_idOf.emplace(merged, id);
        m_vocab.push_back(std::move(merged));
        return id;
    }

    // Left to right, non-overlapping, on the word as it changes: "a a a" with (a, a) gives
    // "N a", and the neighbours seen are the already-merged ones.
    void replacePairIn(int32_t wi, int32_t a, int32_t b, int32_t newId)
    {
        Word& w = m_words[wi];
        std::vector<int32_t>& s = w.symbols;
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            if (s[i] != a || s[i + 1] != b)
                continue;
            if (i > 0) {
                addToPair(s[i - 1], a, -w.count, wi);
                addToPair(s[i - 1], newId, w.count, wi);
            }
            if (i + 2 < s.size()) {
                addToPair(b, s[i + 2], -w.count, wi);
                addToPair(newId, s[i + 2], w.count, wi);
            }
            s[i] = newId;
            s.erase(s.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        }
    }

    // Words that contain (or once contained) a pair may hold stale or repeated entries, which
    // merging simply finds nothing to do in.
    void addToPair(int32_t left, int32_t right, int64_t delta, int32_t wi)
    {
        const uint64_t key = pairKey(left, right);
        m_pairCount[key] += delta;
        if (delta > 0) {
            m_grown.push_back(key);
            std::vector<int32_t>& list = m_pairWords[key];
            if (list.empty() || list.back() != wi)
                list.push_back(wi);
        }
    }

    std::vector<Word> m_words;
    std::unordered_map<uint64_t, int64_t> m_pairCount;
    std::unordered_map<uint64_t, std::vector<int32_t>> m_pairWords;
    std::priority_queue<Candidate> m_heap;
    std::vector<std::string> m_vocab;
    std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> m_idOf;
    std::vector<std::pair<std::string, std::string>> m_merges;
    std::vector<uint32_t> m_seen; // stamp: word already merged this round
    std::vector<uint64_t> m_grown;
    uint32_t m_round = 0;
};

} // namespace

struct BpeTrainer::Impl {
    PreTokenizer pre;
    std::unordered_map<std::string, int64_t, StringHash, std::equal_to<>> wordCounts;
};

BpeTrainer::BpeTrainer() : m_impl(std::make_unique<Impl>()) {}
BpeTrainer::~BpeTrainer() = default;

void BpeTrainer::addText(std::string_view text)
{
    auto& counts = m_impl->wordCounts;
    m_impl->pre.forEach(text, [&counts](std::string_view piece) {
        if (const auto it = counts.find(piece); it != counts.end())
            ++it->second;
        else
            counts.emplace(std::string(piece), 1);
    });
}

int64_t BpeTrainer::uniqueWords() const
{
    return static_cast<int64_t>(m_impl->wordCounts.size());
}

BpeTokenizer BpeTrainer::train(const BpeTrainerOptions& options)
{
    const int64_t specials = static_cast<int64_t>(options.specialTokens.size());
    if (options.vocabSize < 256 + specials)
        throw ConfigError("vocabulary size " + std::to_string(options.vocabSize) +
                          " is too small: byte-level BPE needs 256 byte tokens plus " +
                          std::to_string(specials) + " special token(s)");
    const int64_t targetBase = options.vocabSize - specials; // bytes + merged tokens
    const int64_t wantedMerges = targetBase - 256;

    Merges m(m_impl->wordCounts, static_cast<size_t>(std::min<int64_t>(options.vocabSize, 1 << 20)));
    while (m.vocabSize() < targetBase) {
        const std::optional<uint64_t> best = m.bestPair(options.minPairCount);
        if (!best)
            break;
        m.merge(*best);
        if (options.progress && m.mergeCount() % 256 == 0)
            options.progress(m.vocabSize() - 256, wantedMerges);
    }
    if (options.progress)
        options.progress(m.vocabSize() - 256, wantedMerges);

    std::vector<AddedToken> added;
    for (const std::string& content : options.specialTokens)
        added.push_back({m.addSpecial(content), content, true});
    const auto merges = m.merges();
    return BpeTokenizer(m.takeVocab(), merges, std::move(added), "trained tokenizer");
}

} // namespace qks
