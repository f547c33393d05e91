#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qks {

class PreTokenizer;

// A token added on top of the BPE vocabulary (e.g. <|endoftext|>); never produced by merges.
struct AddedToken {
    int32_t id = 0;
    std::string content;
    bool special = true;

    bool operator==(const AddedToken&) const = default;
};

// One merge rule: tokens `left` and `right` next to each other become `result`.
struct BpeMerge {
    int32_t left = 0;
    int32_t right = 0;
    int32_t result = 0;

    bool operator==(const BpeMerge&) const = default;
};

// GPT-2 style byte-level BPE: text -> GPT-2 pre-tokenizer -> bytes -> merges applied by rank.
// Immutable after construction except for the encoder's word cache, so one instance must not
// encode on two threads at once (copying the model is cheap to arrange: make one per thread).
class BpeTokenizer {
public:
    // vocab[id] is the byte-level string of token `id` (added tokens: their content); merges
    // are (left, right) token strings in rank order. Throws DataError naming `origin` when
    // a byte token is missing, a merge names an unknown token or its result is not in the
    // vocabulary, or an added token's id disagrees with the vocabulary.
    BpeTokenizer(std::vector<std::string> vocab,
                 const std::vector<std::pair<std::string, std::string>>& merges,
                 std::vector<AddedToken> addedTokens, const std::string& origin = "tokenizer");
    ~BpeTokenizer();
    BpeTokenizer(BpeTokenizer&&) noexcept;
    BpeTokenizer& operator=(BpeTokenizer&&) noexcept;

    // Ordinary text: special-token strings inside it are encoded as plain text, so a corpus
    // containing "<|endoftext|>" cannot forge document boundaries. Invalid UTF-8 is fine.
    std::vector<int32_t> encode(std::string_view text) const;
    void encodeAppend(std::string_view text, std::vector<uint32_t>& out) const;
    // Raw bytes (not necessarily valid UTF-8); added tokens decode to their content.
    // Throws DataError for an id outside the vocabulary.
    std::string decode(std::span<const int32_t> ids) const;

    int64_t vocabSize() const { return static_cast<int64_t>(m_vocab.size()); }
    const std::string& token(int32_t id) const { return m_vocab.at(static_cast<size_t>(id)); }
    std::optional<int32_t> tokenId(std::string_view token) const;
    const std::vector<std::string>& vocab() const { return m_vocab; }
    const std::vector<BpeMerge>& merges() const { return m_merges; }
    const std::vector<AddedToken>& addedTokens() const { return m_added; }
    // Id of an added token by content (e.g. "<|endoftext|>").
    std::optional<int32_t> addedTokenId(std::string_view content) const;

private:
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using TokenMap = std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>>;

    // Applies the merges to one pre-tokenized piece, appending its ids.
    void encodeWord(std::string_view word, std::vector<uint32_t>& out) const;
    void mergeWord(std::string_view word, std::vector<uint32_t>& ids) const;

    std::vector<std::string> m_vocab;
    TokenMap m_ids;
    std::vector<BpeMerge> m_merges;
    std::unordered_map<uint64_t, int32_t> m_rank; // (left << 32 | right) -> merge rank
    std::vector<AddedToken> m_added;
    std::vector<std::string> m_bytes; // id -> raw bytes it decodes to
    int32_t m_byteId[256] = {};

    std::unique_ptr<PreTokenizer> m_pre;
    // Word cache: English text repeats a few ten thousand words, so most pieces are a lookup.
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace qks
