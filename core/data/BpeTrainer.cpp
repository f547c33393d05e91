#include "data/BpeTrainer.h"

#include "common/Error.h"
#include "data/ByteLevel.h"
#include "data/PreTokenizer.h"

#include <algorithm>
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

    // Byte b starts as the id of its position in GPT-2's byte order.
    int32_t byteId[256];
    for (int i = 0; i < 256; ++i)
        byteId[byteOrder(i)] = i;

    std::vector<Word> words;
    words.reserve(m_impl->wordCounts.size());
    for (const auto& [text, count] : m_impl->wordCounts) {
        if (text.size() < 2)
            continue; // no pair to merge
        Word w;
        w.count = count;
        w.symbols.reserve(text.size());
        for (char c : text)
            w.symbols.push_back(byteId[static_cast<uint8_t>(c)]);
        words.push_back(std::move(w));
    }

    std::unordered_map<uint64_t, int64_t> pairCount;
    // Words that contain (or once contained) a pair; may hold stale or repeated entries,
    // which merging simply finds nothing to do in.
    std::unordered_map<uint64_t, std::vector<int32_t>> pairWords;
    for (size_t wi = 0; wi < words.size(); ++wi) {
        const Word& w = words[wi];
        for (size_t i = 0; i + 1 < w.symbols.size(); ++i) {
            const uint64_t key = pairKey(w.symbols[i], w.symbols[i + 1]);
            pairCount[key] += w.count;
            std::vector<int32_t>& list = pairWords[key];
            if (list.empty() || list.back() != static_cast<int32_t>(wi))
                list.push_back(static_cast<int32_t>(wi));
        }
    }

    // Lazy max-heap. Invariant: every pair with a positive count has an entry whose count is
    // >= its true count (entries are pushed whenever a count grows; shrinking leaves an entry
    // that is too high). So the top entry, once it matches its true count, is the true best.
    std::priority_queue<Candidate> heap;
    for (const auto& [key, count] : pairCount)
        heap.push({count, key});

    std::vector<std::string> vocab;
    vocab.reserve(static_cast<size_t>(std::min<int64_t>(options.vocabSize, 1 << 20)));
    for (int i = 0; i < 256; ++i)
        vocab.push_back(byteToUnicode(byteOrder(i)));
    std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> idOf;
    for (int i = 0; i < 256; ++i)
        idOf.emplace(vocab[i], i);
    std::vector<std::pair<std::string, std::string>> merges;

    std::vector<uint32_t> seen(words.size(), 0); // stamp: word already merged this round
    std::vector<uint64_t> grown;
    uint32_t round = 0;
    while (static_cast<int64_t>(vocab.size()) < targetBase && !heap.empty()) {
        const Candidate top = heap.top();
        heap.pop();
        const auto it = pairCount.find(top.key);
        const int64_t current = it == pairCount.end() ? 0 : it->second;
        if (top.count != current) {
            if (top.count > current && current > 0)
                heap.push({current, top.key});
            continue; // else a newer, exact entry is in the heap already
        }
        if (current < options.minPairCount)
            break;

        const int32_t a = leftOf(top.key);
        const int32_t b = rightOf(top.key);
        merges.emplace_back(vocab[a], vocab[b]);
        // Different merges can spell the same string ("ab"+"c", "a"+"bc"): they share one id,
        // as in Hugging Face's trainer, since a vocabulary maps each string to one id.
        std::string merged = vocab[a] + vocab[b];
        int32_t newId;
        if (const auto known = idOf.find(merged); known != idOf.end()) {
            newId = known->second;
        } else {
            newId = static_cast<int32_t>(vocab.size());
            idOf.emplace(merged, newId);
            vocab.push_back(std::move(merged));
        }

        ++round;
        grown.clear();
        auto add = [&](int32_t l, int32_t r, int64_t delta, int32_t wi) {
            const uint64_t key = pairKey(l, r);
            pairCount[key] += delta;
            if (delta > 0) {
                grown.push_back(key);
                std::vector<int32_t>& list = pairWords[key];
                if (list.empty() || list.back() != wi)
                    list.push_back(wi);
            }
        };
        const std::vector<int32_t> containing = std::move(pairWords[top.key]);
        pairWords.erase(top.key);
        for (const int32_t wi : containing) {
            if (seen[wi] == round)
                continue;
            seen[wi] = round;
            Word& w = words[wi];
            std::vector<int32_t>& s = w.symbols;
            // Left to right, non-overlapping, on the word as it changes: "a a a" with (a, a)
            // gives "N a", and the neighbours seen are the already-merged ones.
            for (size_t i = 0; i + 1 < s.size(); ++i) {
                if (s[i] != a || s[i + 1] != b)
                    continue;
                if (i > 0) {
                    add(s[i - 1], a, -w.count, wi);
                    add(s[i - 1], newId, w.count, wi);
                }
                if (i + 2 < s.size()) {
                    add(b, s[i + 2], -w.count, wi);
                    add(newId, s[i + 2], w.count, wi);
                }
                s[i] = newId;
                s.erase(s.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            }
        }
        pairCount.erase(top.key); // every occurrence is gone
        std::sort(grown.begin(), grown.end());
        grown.erase(std::unique(grown.begin(), grown.end()), grown.end());
        for (const uint64_t key : grown)
            if (const int64_t c = pairCount[key]; c > 0)
                heap.push({c, key});

        if (options.progress && merges.size() % 256 == 0)
            options.progress(static_cast<int64_t>(vocab.size()) - 256, wantedMerges);
    }
    if (options.progress)
        options.progress(static_cast<int64_t>(vocab.size()) - 256, wantedMerges);

    std::vector<AddedToken> added;
    for (const std::string& content : options.specialTokens) {
        if (!idOf.emplace(content, static_cast<int32_t>(vocab.size())).second)
            throw ConfigError("special token \"" + content + "\" is listed twice or spells a "
                              "byte-level token; choose another special token");
        added.push_back({static_cast<int32_t>(vocab.size()), content, true});
        vocab.push_back(content);
    }
    return BpeTokenizer(std::move(vocab), merges, std::move(added), "trained tokenizer");
}

} // namespace qks
