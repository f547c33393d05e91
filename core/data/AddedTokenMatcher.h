#pragma once

#include "data/AddedToken.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qks {

class Regex;
class UnicodeNormalizer;

// Finds added tokens in text the way tokenizers' AddedVocabulary does: leftmost-longest
// matches, not overlapping, with single_word / lstrip / rstrip applied to each match.
// One matcher holds either the tokens matched in raw text (normalized = false) or those
// matched in normalized text, whose contents it normalizes first.
// Not thread-safe (a regex match buffer): one per thread.
class AddedTokenMatcher {
public:
    struct Segment {
        size_t begin;
        size_t end;
        int32_t id; // -1: ordinary text
    };

    AddedTokenMatcher(const std::vector<AddedToken>& tokens, bool normalizedTokens,
                      const UnicodeNormalizer& normalizer);
    ~AddedTokenMatcher();
    AddedTokenMatcher(AddedTokenMatcher&&) noexcept;
    AddedTokenMatcher& operator=(AddedTokenMatcher&&) noexcept;

    // Whether any token could match (special tokens count only with `includeSpecial`).
    bool canMatch(bool includeSpecial) const { return includeSpecial ? m_any : m_anyOrdinary; }

    // Cuts `text` into ordinary-text and token segments, in order (empty text segments are
    // left out). `out` is cleared first.
    void split(std::string_view text, bool includeSpecial, std::vector<Segment>& out) const;

private:
    struct Pattern {
        std::string text;
        int32_t id;
        bool special;
        bool singleWord;
        bool lstrip;
        bool rstrip;
    };

    bool wordCharacterAt(std::string_view text, size_t begin) const;

    std::vector<Pattern> m_patterns;
    std::array<std::vector<uint32_t>, 256> m_byFirstByte; // pattern indices, longest first
    bool m_any = false;
    bool m_anyOrdinary = false;
    std::unique_ptr<Regex> m_word; // Rust regex's Unicode \w, for single_word
};

} // namespace qks
