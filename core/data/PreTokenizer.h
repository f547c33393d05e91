#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace qks {

class Regex;

// GPT-2's pre-tokenizer: splits text into the pieces BPE merges never cross, with the regex
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// (PCRE2, UTF + UCP, JIT-compiled when available).
//
// Text is UTF-8 but may hold invalid bytes (any file can be fed to `prepare`). The regex never
// matches them, and every valid character is matched by some alternative, so each run of bytes
// between two matches is invalid UTF-8; it is returned as a piece of its own, so the pieces
// always concatenate back to the input, byte for byte.
class PreTokenizer {
public:
    PreTokenizer();
    ~PreTokenizer();
    PreTokenizer(PreTokenizer&&) noexcept;
    PreTokenizer& operator=(PreTokenizer&&) noexcept;

    // Appends the pieces of `text` (views into it) to `out`. Not thread-safe: it reuses one
    // match buffer; give each thread its own PreTokenizer.
    void split(std::string_view text, std::vector<std::string_view>& out) const;
    std::vector<std::string_view> split(std::string_view text) const;

    // Calls visit(piece) for each piece without building a vector.
    template <typename Visit>
    void forEach(std::string_view text, Visit&& visit) const;

    bool jit() const;

private:
    // Finds the next match at or after `offset`; false when there is none.
    bool next(std::string_view text, size_t offset, size_t& begin, size_t& end) const;

    std::unique_ptr<Regex> m_regex;
};

template <typename Visit>
void PreTokenizer::forEach(std::string_view text, Visit&& visit) const
{
    size_t pos = 0;
    size_t begin = 0;
    size_t end = 0;
    while (pos < text.size() && next(text, pos, begin, end)) {
        if (begin > pos)
            visit(text.substr(pos, begin - pos)); // invalid UTF-8 the regex skipped
        visit(text.substr(begin, end - begin));
        pos = end;
    }
    if (pos < text.size())
        visit(text.substr(pos));
}

} // namespace qks
