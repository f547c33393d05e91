#include "data/BpeTokenizer.h"

#include "common/Error.h"
#include "data/AddedTokenMatcher.h"
#include "data/ByteLevel.h"

#include <algorithm>

namespace qks {

namespace {

uint64_t pairKey(uint32_t left, uint32_t right)
{
    return (static_cast<uint64_t>(left) << 32) | right;
}

} // namespace

struct BpeTokenizer::Cache {
    struct Span {
        uint32_t offset;
        uint32_t length;
    };
    std::unordered_map<std::string, Span, StringHash, std::equal_to<>> words;
    std::vector<uint32_t> pool;

    // Scratch for mergeWord, kept to avoid an allocation per uncached word.
    struct Symbol {
        uint32_t id;
        int32_t prev;
        int32_t next;
    };
    struct Candidate {
        int32_t rank;
        int32_t pos;
        bool operator>(const Candidate& o) const
        {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::vector<Symbol> symbols;
    std::vector<Candidate> heap;

    // Bounded so encoding an endless stream of unique words cannot exhaust memory.
    static constexpr size_t kMaxWords = 1 << 20;
};

BpeTokenizer::BpeTokenizer(std::vector<std::string> vocab,
                           const std::vector<std::pair<std::string, std::string>>& merges,
                           std::vector<AddedToken> addedTokens, const std::string& origin,
                           BpeSettings settings)
    : m_vocab(std::move(vocab)), m_added(std::move(addedTokens)), m_settings(std::move(settings)),
      m_normalizer(std::make_unique<UnicodeNormalizer>(m_settings.normalizer)),
      m_chain(std::make_unique<PreTokenizerChain>(m_settings.preTokenizer, origin + ": pre_tokenizer")),
      m_cache(std::make_unique<Cache>())
{
    m_ids.reserve(m_vocab.size());
    for (size_t id = 0; id < m_vocab.size(); ++id)
        if (!m_ids.emplace(m_vocab[id], static_cast<int32_t>(id)).second)
            throw DataError(origin + ": token \"" + m_vocab[id] + "\" appears twice in the "
                            "vocabulary (ids " + std::to_string(m_ids[m_vocab[id]]) + " and " +
                            std::to_string(id) + ")");

    // A vocabulary may lack some bytes (trained on text that never had them); such bytes
    // become the unk token, or vanish when there is none, exactly as in tokenizers.
    for (int b = 0; b < 256; ++b) {
        const auto it = m_ids.find(byteToUnicode(static_cast<uint8_t>(b)));
        m_byteId[b] = it == m_ids.end() ? -1 : it->second;
    }
    if (!m_settings.unkToken.empty()) {
        const auto it = m_ids.find(m_settings.unkToken);
        if (it == m_ids.end())
            throw DataError(origin + ": the unk token \"" + m_settings.unkToken +
                            "\" is not in the vocabulary");
        m_unkId = it->second;
    }

    m_merges.reserve(merges.size());
    m_rank.reserve(merges.size());
    for (size_t r = 0; r < merges.size(); ++r) {
        const auto& [l, rt] = merges[r];
        const auto li = m_ids.find(l);
        const auto ri = m_ids.find(rt);
        const auto res = m_ids.find(l + rt);
        const std::string where = origin + ": merge " + std::to_string(r) + " (\"" + l + " " + rt + "\")";
        if (li == m_ids.end() || ri == m_ids.end())
            throw DataError(where + " names a token that is not in the vocabulary");
        if (res == m_ids.end())
            throw DataError(where + ": its result \"" + l + rt + "\" is not in the vocabulary");
        const BpeMerge m{li->second, ri->second, res->second};
        // A repeated pair takes its last rank, as in tokenizers (its merge map is built by
        // inserting in file order); earlier entries stay in the list so that saving
        // reproduces the file, but never fire.
        m_rank.insert_or_assign(pairKey(m.left, m.right), static_cast<int32_t>(r));
        m_merges.push_back(m);
    }

    for (const AddedToken& t : m_added) {
        if (t.id < 0 || static_cast<size_t>(t.id) >= m_vocab.size() || m_vocab[t.id] != t.content)
            throw DataError(origin + ": added token \"" + t.content + "\" has id " +
                            std::to_string(t.id) + ", which the vocabulary gives to another token");
    }

    m_bytes.resize(m_vocab.size());
    for (size_t id = 0; id < m_vocab.size(); ++id) {
        std::optional<std::string> raw = byteLevelToBytes(m_vocab[id]);
        // Tokens outside the byte-level alphabet (added tokens) decode to their text as is.
        m_bytes[id] = raw ? std::move(*raw) : m_vocab[id];
    }
    for (const AddedToken& t : m_added)
        m_bytes[t.id] = t.content;

    m_rawAdded = std::make_unique<AddedTokenMatcher>(m_added, false, *m_normalizer);
    m_normalizedAdded = std::make_unique<AddedTokenMatcher>(m_added, true, *m_normalizer);
}

BpeTokenizer::~BpeTokenizer() = default;
BpeTokenizer::BpeTokenizer(BpeTokenizer&&) noexcept = default;
BpeTokenizer& BpeTokenizer::operator=(BpeTokenizer&&) noexcept = default;

std::optional<int32_t> BpeTokenizer::tokenId(std::string_view token) const
{
    const auto it = m_ids.find(token);
    if (it == m_ids.end())
        return std::nullopt;
    return it->second;
}

int BpeTokenizer::missingByteTokens() const
{
    return static_cast<int>(std::count(std::begin(m_byteId), std::end(m_byteId), -1));
}

std::optional<int32_t> BpeTokenizer::addedTokenId(std::string_view content) const
{
    for (const AddedToken& t : m_added)
        if (t.content == content)
            return t.id;
    return std::nullopt;
}

void BpeTokenizer::mergeWord(std::string_view word, std::vector<uint32_t>& ids) const
{
    // Lowest rank first, and among equal ranks (the same pair) leftmost first: the same result
    // as GPT-2's "merge every occurrence of the best pair, repeat", in O(n log n) so that a
    // long piece (a run of digits or symbols) cannot stall encoding.
    auto& sym = m_cache->symbols;
    auto& heap = m_cache->heap;
    sym.clear();
    heap.clear();
    bool previousUnknown = false;
    for (const char c : word) {
        const int32_t id = m_byteId[static_cast<uint8_t>(c)];
        if (id >= 0) {
            sym.push_back({static_cast<uint32_t>(id), 0, 0});
        } else if (m_unkId >= 0 && !(m_settings.fuseUnk && previousUnknown)) {
            sym.push_back({static_cast<uint32_t>(m_unkId), 0, 0});
        } // else: fused into the previous unk, or dropped (no unk token), as tokenizers does
        previousUnknown = id < 0;
    }
    const auto n = static_cast<int32_t>(sym.size());
    for (int32_t i = 0; i < n; ++i) {
        sym[i].prev = i - 1;
        sym[i].next = i + 1 < n ? i + 1 : -1;
    }
    auto rankOf = [this](uint32_t l, uint32_t r) {
        const auto it = m_rank.find(pairKey(l, r));
        return it == m_rank.end() ? -1 : it->second;
    };
    const auto cmp = std::greater<Cache::Candidate>();
    auto push = [&](int32_t pos) {
        const int32_t next = sym[pos].next;
        if (next < 0)
            return;
        const int32_t rank = rankOf(sym[pos].id, sym[next].id);
        if (rank >= 0) {
            heap.push_back({rank, pos});
            std::push_heap(heap.begin(), heap.end(), cmp);
        }
    };
    for (int32_t i = 0; i + 1 < n; ++i)
        push(i);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), cmp);
        const Cache::Candidate c = heap.back();
        heap.pop_back();
        Cache::Symbol& s = sym[c.pos];
        // Stale: the symbol was absorbed into its left neighbour, or its pair has changed.
        if (s.prev == -2 || s.next < 0)
            continue;
        const BpeMerge& m = m_merges[c.rank];
        if (s.id != static_cast<uint32_t>(m.left) || sym[s.next].id != static_cast<uint32_t>(m.right))
            continue;
        const int32_t absorbed = s.next;
        s.id = static_cast<uint32_t>(m.result);
        s.next = sym[absorbed].next;
        if (s.next >= 0)
            sym[s.next].prev = c.pos;
        sym[absorbed].prev = -2; // dead
        sym[absorbed].next = -1;
        if (s.prev >= 0)
            push(s.prev);
        push(c.pos);
    }
    for (int32_t i = 0; i >= 0 && i < n; i = sym[i].next)
        ids.push_back(sym[i].id);
}

void BpeTokenizer::encodeWord(std::string_view word, std::vector<uint32_t>& out) const
{
    if (word.size() == 1 && m_byteId[static_cast<uint8_t>(word[0])] >= 0) {
        out.push_back(static_cast<uint32_t>(m_byteId[static_cast<uint8_t>(word[0])]));
        return;
    }
    Cache& cache = *m_cache;
    if (const auto it = cache.words.find(word); it != cache.words.end()) {
        const auto first = cache.pool.begin() + it->second.offset;
        out.insert(out.end(), first, first + it->second.length);
        return;
    }
    if (cache.words.size() >= Cache::kMaxWords) {
        cache.words.clear();
        cache.pool.clear();
    }
    const size_t start = cache.pool.size();
    std::optional<int32_t> whole;
    if (m_settings.ignoreMerges)
        whole = tokenId(bytesToByteLevel(word));
    if (whole)
        cache.pool.push_back(static_cast<uint32_t>(*whole));
    else
        mergeWord(word, cache.pool);
    const auto length = static_cast<uint32_t>(cache.pool.size() - start);
    cache.words.emplace(std::string(word), Cache::Span{static_cast<uint32_t>(start), length});
    out.insert(out.end(), cache.pool.begin() + start, cache.pool.end());
}

void BpeTokenizer::encodePieces(std::string_view text, std::vector<uint32_t>& out) const
{
    m_chain->forEach(text, [&](std::string_view piece) { encodeWord(piece, out); });
}

void BpeTokenizer::encodeNormalized(std::string_view text, std::vector<uint32_t>& out,
                                    bool includeSpecial) const
{
    std::string scratch;
    const std::string_view normalized = m_normalizer->apply(text, scratch);
    if (!m_normalizedAdded->canMatch(includeSpecial)) {
        encodePieces(normalized, out);
        return;
    }
    std::vector<AddedTokenMatcher::Segment> segments;
    m_normalizedAdded->split(normalized, includeSpecial, segments);
    for (const AddedTokenMatcher::Segment& s : segments) {
        if (s.id >= 0)
            out.push_back(static_cast<uint32_t>(s.id));
        else
            encodePieces(normalized.substr(s.begin, s.end - s.begin), out);
    }
}

void BpeTokenizer::encodeAppend(std::string_view text, std::vector<uint32_t>& out,
                                SpecialTokens special) const
{
    // tokenizers' order: added tokens matched in the raw text, then normalization of what is
    // left, then added tokens matched in the normalized text, then pre-tokenizer and model.
    const bool includeSpecial = special == SpecialTokens::Match;
    if (!m_rawAdded->canMatch(includeSpecial)) {
        encodeNormalized(text, out, includeSpecial);
        return;
    }
    std::vector<AddedTokenMatcher::Segment> segments;
    m_rawAdded->split(text, includeSpecial, segments);
    for (const AddedTokenMatcher::Segment& s : segments) {
        if (s.id >= 0)
            out.push_back(static_cast<uint32_t>(s.id));
        else
            encodeNormalized(text.substr(s.begin, s.end - s.begin), out, includeSpecial);
    }
}

std::vector<int32_t> BpeTokenizer::encode(std::string_view text, SpecialTokens special) const
{
    std::vector<uint32_t> ids;
    encodeAppend(text, ids, special);
    return {ids.begin(), ids.end()};
}

std::string BpeTokenizer::decode(std::span<const int32_t> ids) const
{
    std::string out;
    for (const int32_t id : ids) {
        if (id < 0 || static_cast<size_t>(id) >= m_bytes.size())
            throw DataError("cannot decode token id " + std::to_string(id) +
                            ": the vocabulary has " + std::to_string(m_bytes.size()) + " tokens");
        out += m_bytes[id];
    }
    return out;
}

} // namespace qks
