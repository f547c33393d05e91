#include "data/AddedTokenMatcher.h"

#include "data/Regex.h"
#include "data/UnicodeNormalizer.h"
#include "data/Utf8.h"

#include <algorithm>
#include <cstring>

namespace qks {

AddedTokenMatcher::AddedTokenMatcher(const std::vector<AddedToken>& tokens, bool normalizedTokens,
                                     const UnicodeNormalizer& normalizer)
    // Rust's regex \w with Unicode: Alphabetic, marks, decimal digits, connector punctuation,
    // joiners (UTS #18 word characters).
    : m_word(std::make_unique<Regex>(R"([\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}])",
                                     "added-token word test"))
{
    for (const AddedToken& t : tokens) {
        if (t.content.empty() || t.normalized != normalizedTokens)
            continue; // tokenizers ignores empty added tokens
        std::string scratch;
        const std::string text(normalizedTokens ? normalizer.apply(t.content, scratch) : t.content);
        if (text.empty())
            continue;
        m_patterns.push_back({text, t.id, t.special, t.singleWord, t.lstrip, t.rstrip});
        m_any = true;
        m_anyOrdinary = m_anyOrdinary || !t.special;
    }
    for (uint32_t i = 0; i < m_patterns.size(); ++i)
        m_byFirstByte[static_cast<uint8_t>(m_patterns[i].text[0])].push_back(i);
    for (auto& list : m_byFirstByte)
        std::stable_sort(list.begin(), list.end(), [this](uint32_t a, uint32_t b) {
            return m_patterns[a].text.size() > m_patterns[b].text.size();
        });
}

AddedTokenMatcher::~AddedTokenMatcher() = default;
AddedTokenMatcher::AddedTokenMatcher(AddedTokenMatcher&&) noexcept = default;
AddedTokenMatcher& AddedTokenMatcher::operator=(AddedTokenMatcher&&) noexcept = default;

bool AddedTokenMatcher::wordCharacterAt(std::string_view text, size_t begin) const
{
    size_t end = begin;
    if (decodeUtf8(text, end) == kInvalidCodePoint)
        return false;
    return m_word->matchesAt(text.substr(0, end), begin);
}

void AddedTokenMatcher::split(std::string_view text, bool includeSpecial, std::vector<Segment>& out) const
{
    out.clear();
    const size_t n = text.size();
    size_t startOffset = 0; // end of what has been emitted
    size_t pos = 0;         // where the search resumes: the end of the last match found
    while (pos < n) {
        const auto& candidates = m_byFirstByte[static_cast<uint8_t>(text[pos])];
        const Pattern* found = nullptr;
        for (const uint32_t i : candidates) { // longest first: leftmost-longest
            const Pattern& p = m_patterns[i];
            if ((includeSpecial || !p.special) && p.text.size() <= n - pos &&
                std::memcmp(text.data() + pos, p.text.data(), p.text.size()) == 0) {
                found = &p;
                break;
            }
        }
        if (!found) {
            ++pos;
            continue;
        }
        size_t start = pos;
        size_t stop = pos + found->text.size();
        pos = stop; // the match is consumed even when rejected below, as with Aho-Corasick
        if (found->singleWord) {
            bool wordBefore = false;
            if (start > 0) {
                size_t before = 0;
                decodeUtf8Before(text, start, before);
                wordBefore = wordCharacterAt(text, before);
            }
            const bool wordAfter = stop < n && wordCharacterAt(text, stop);
            if (wordBefore || wordAfter)
                continue;
        }
        if (found->lstrip) {
            size_t s = start;
            while (s > 0) {
                size_t b = 0;
                if (!isUnicodeWhiteSpace(decodeUtf8Before(text, s, b)))
                    break;
                s = b;
            }
            start = std::max(s, startOffset); // an earlier match may have taken those spaces
        }
        if (found->rstrip) {
            while (stop < n) {
                size_t next = stop;
                if (!isUnicodeWhiteSpace(decodeUtf8(text, next)))
                    break;
                stop = next;
            }
        }
        if (startOffset < start)
            out.push_back({startOffset, start, -1});
        out.push_back({start, stop, found->id});
        startOffset = stop;
    }
    if (startOffset < n)
        out.push_back({startOffset, n, -1});
}

} // namespace qks
