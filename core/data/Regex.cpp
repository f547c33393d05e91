#ifdef QKS_HAVE_PCRE2 // else RegexUnavailable.cpp
#define PCRE2_CODE_UNIT_WIDTH 8
#include "data/Regex.h"

#include "common/Error.h"

#include <pcre2.h>

namespace qks {

namespace {

std::string pcre2Message(int code)
{
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    return reinterpret_cast<const char*>(buffer);
}

} // namespace

struct Regex::Impl {
    std::string pattern;
    pcre2_code* code = nullptr;
    pcre2_match_data* match = nullptr;
    bool jit = false;

    ~Impl()
    {
        pcre2_match_data_free(match);
        pcre2_code_free(code);
    }
};

Regex::Regex(std::string_view pattern, const std::string& origin) : m_impl(std::make_unique<Impl>())
{
    m_impl->pattern = std::string(pattern);
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    // MATCH_INVALID_UTF: invalid UTF-8 is unmatchable instead of failing the whole match.
    m_impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errorCode,
                                 &errorOffset, nullptr);
    if (!m_impl->code)
        throw DataError(origin + ": the regular expression \"" + m_impl->pattern +
                        "\" is not supported (PCRE2, at offset " + std::to_string(errorOffset) +
                        "): " + pcre2Message(errorCode));
    // JIT is ~10x faster; without it (some builds lack it) the interpreter still works.
    m_impl->jit = pcre2_jit_compile(m_impl->code, PCRE2_JIT_COMPLETE) == 0;
    m_impl->match = pcre2_match_data_create_from_pattern(m_impl->code, nullptr);
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::jit() const
{
    return m_impl->jit;
}

const std::string& Regex::pattern() const
{
    return m_impl->pattern;
}

bool Regex::run(std::string_view text, size_t offset, bool anchored, size_t& begin, size_t& end) const
{
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    const uint32_t options = anchored ? PCRE2_ANCHORED : 0;
    // The JIT fast path cannot honour PCRE2_ANCHORED at match time: anchored calls interpret.
    const int rc = m_impl->jit && !anchored
        ? pcre2_jit_match(m_impl->code, subject, text.size(), offset, 0, m_impl->match, nullptr)
        : pcre2_match(m_impl->code, subject, text.size(), offset, options, m_impl->match, nullptr);
    if (rc == PCRE2_ERROR_NOMATCH)
        return false;
    if (rc < 0) {
        // With MATCH_INVALID_UTF no UTF error can occur; anything else (a resource limit) is a
        // bug we want to see rather than silently tokenizing the rest as one piece.
        throw Error(ErrorKind::Internal, "regular expression \"" + m_impl->pattern +
                                             "\" failed at byte " + std::to_string(offset) +
                                             ": " + pcre2Message(rc));
    }
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m_impl->match);
    begin = ov[0];
    end = ov[1];
    return true;
}

bool Regex::find(std::string_view text, size_t offset, size_t& begin, size_t& end) const
{
    return run(text, offset, false, begin, end);
}

bool Regex::matchesAt(std::string_view text, size_t offset) const
{
    size_t begin = 0;
    size_t end = 0;
    return run(text, offset, true, begin, end);
}

} // namespace qks

#endif // QKS_HAVE_PCRE2
