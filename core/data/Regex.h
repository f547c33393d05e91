#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace qks {

// A PCRE2 pattern over UTF-8 text (UTF + UCP, JIT-compiled when available), as the tokenizer
// needs it: find the next match, with invalid UTF-8 treated as unmatchable bytes instead of
// an error (any file can be fed to `prepare`).
//
// Not thread-safe: it reuses one match buffer; give each thread its own Regex.
class Regex {
public:
    // Throws DataError naming `origin` when PCRE2 rejects the pattern.
    Regex(std::string_view pattern, const std::string& origin);
    ~Regex();
    Regex(Regex&&) noexcept;
    Regex& operator=(Regex&&) noexcept;

    // The leftmost match starting at or after `offset`: [begin, end). False when none. An
    // empty match is reported as such (begin == end); callers decide how to step past it.
    bool find(std::string_view text, size_t offset, size_t& begin, size_t& end) const;
    // Whether the pattern matches at exactly `offset` (anchored there).
    bool matchesAt(std::string_view text, size_t offset) const;

    bool jit() const;
    const std::string& pattern() const;

private:
    bool run(std::string_view text, size_t offset, bool anchored, size_t& begin, size_t& end) const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace qks
