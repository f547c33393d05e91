#pragma once

#include "data/AddedToken.h"
#include "data/PreTokenizerChain.h"
#include "data/UnicodeNormalizer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qks {

class AddedTokenMatcher;

// How text reaches the merges and what the model does with a piece: the parts of a Hugging Face
// tokenizer.json besides vocabulary, merges and added tokens. The defaults are GPT-2's.
struct BpeSettings {
    std::vector<NormalizationForm> normalizer;                      // in order; empty: none
    std::vector<PreTokenizerStep> preTokenizer = {ByteLevelStep{}}; // GPT-2's regex, no prefix space
    bool ignoreMerges = false; // a piece that is itself a vocabulary token is that token (Llama 3)
    std::string unkToken;      // stands for bytes without a token; empty: they are dropped, as in HF
    bool fuseUnk = false;      // consecutive unknown bytes make one unk

    bool operator==(const BpeSettings&) const = default;
};

// What encoding does with the text of a special added token (e.g. "<|endoftext|>" in a document).
enum class SpecialTokens {
    AsText, // ordinary text: a corpus cannot forge document boundaries (prepare, the default)
    Match,  // the token's id, as tokenizers' encode() does
};

// One merge rule: tokens `left` and `right` next to each other become `result`.
struct BpeMerge {
    int32_t left = 0;
    int32_t right = 0;
    int32_t result = 0;

    bool operator==(const BpeMerge&) const = default;
};

// Byte-level BPE as GPT-2 and Hugging Face tokenizers run it: added tokens cut out of the text,
// normalization, pre-tokenizer steps, bytes -> merges applied by rank. Immutable after
// construction except for the encoder's word cache and scratch space, so one instance must not
// encode on two threads at once (make one per thread).
class BpeTokenizer {
public:
    // vocab[id] is the byte-level string of token `id` (added tokens: their content); merges
    // are (left, right) token strings in rank order. Throws DataError naming `origin` when a
    // merge names an unknown token or its result is not in the vocabulary, an added token's id
    // disagrees with the vocabulary, the unk token is unknown, or the settings cannot run;
    // ConfigError when they ask for Unicode normalization in a build without it.
    BpeTokenizer(std::vector<std::string> vocab,
                 const std::vector<std::pair<std::string, std::string>>& merges,
                 std::vector<AddedToken> addedTokens, const std::string& origin = "tokenizer",
                 BpeSettings settings = {});
    ~BpeTokenizer();
    BpeTokenizer(BpeTokenizer&&) noexcept;
    BpeTokenizer& operator=(BpeTokenizer&&) noexcept;

    // Text to ids. Invalid UTF-8 is fine (its bytes are encoded as bytes). Non-special added
    // tokens always become their ids; special ones only with SpecialTokens::Match. The
    // post-processor of a tokenizer.json (BOS/EOS templates) is never applied: these are the
    // ids of tokenizers' encode(text, add_special_tokens=False).
    std::vector<int32_t> encode(std::string_view text, SpecialTokens special = SpecialTokens::AsText) const;
    void encodeAppend(std::string_view text, std::vector<uint32_t>& out,
                      SpecialTokens special = SpecialTokens::AsText) const;
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
    const BpeSettings& settings() const { return m_settings; }
    // Bytes the vocabulary has no token for (0 for complete byte-level vocabularies).
    int missingByteTokens() const;

private:
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using TokenMap = std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>>;

    // After the raw-text added tokens: normalize, then the normalized-text added tokens.
    void encodeNormalized(std::string_view text, std::vector<uint32_t>& out, bool includeSpecial) const;
    void encodePieces(std::string_view text, std::vector<uint32_t>& out) const;
    // Applies the merges to one pre-tokenized piece, appending its ids.
    void encodeWord(std::string_view word, std::vector<uint32_t>& out) const;
    void mergeWord(std::string_view word, std::vector<uint32_t>& ids) const;

    std::vector<std::string> m_vocab;
    TokenMap m_ids;
    std::vector<BpeMerge> m_merges;
    std::unordered_map<uint64_t, int32_t> m_rank; // (left << 32 | right) -> merge rank
    std::vector<AddedToken> m_added;
    std::vector<std::string> m_bytes; // id -> raw bytes it decodes to
    int32_t m_byteId[256] = {}; // -1: no token for this byte
    int32_t m_unkId = -1;
    BpeSettings m_settings;

    std::unique_ptr<UnicodeNormalizer> m_normalizer;
    std::unique_ptr<PreTokenizerChain> m_chain;
    std::unique_ptr<AddedTokenMatcher> m_rawAdded;        // normalized = false
    std::unique_ptr<AddedTokenMatcher> m_normalizedAdded; // normalized = true
    // Word cache: English text repeats a few ten thousand words, so most pieces are a lookup.
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace qks
