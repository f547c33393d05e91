#define PCRE2_CODE_UNIT_WIDTH 8
#include "data/PreTokenizer.h"

#include "common/Error.h"

#include <pcre2.h>

#include <string>

namespace qks {

namespace {

constexpr const char* kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

} // namespace

struct PreTokenizer::Impl {
    pcre2_code* code = nullptr;
    pcre2_match_data* match = nullptr;
    bool jit = false;

    ~Impl()
    {
        pcre2_match_data_free(match);
        pcre2_code_free(code);
    }
};

PreTokenizer::PreTokenizer() : m_impl(std::make_unique<Impl>())
{
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    // MATCH_INVALID_UTF: invalid UTF-8 is treated as unmatchable instead of failing the match.
    m_impl->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kGpt2Pattern), PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errorCode,
                                 &errorOffset, nullptr);
    if (!m_impl->code) {
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(errorCode, buffer, sizeof buffer);
        throw Error(ErrorKind::Internal, std::string("PCRE2 rejected the GPT-2 pattern: ") +
                                             reinterpret_cast<const char*>(buffer));
    }
    // JIT is ~10x faster; without it (some builds lack it) the interpreter still works.
    m_impl->jit = pcre2_jit_compile(m_impl->code, PCRE2_JIT_COMPLETE) == 0;
    m_impl->match = pcre2_match_data_create_from_pattern(m_impl->code, nullptr);
}

PreTokenizer::~PreTokenizer() = default;
PreTokenizer::PreTokenizer(PreTokenizer&&) noexcept = default;
PreTokenizer& PreTokenizer::operator=(PreTokenizer&&) noexcept = default;

bool PreTokenizer::jit() const
{
    return m_impl->jit;
}

bool PreTokenizer::next(std::string_view text, size_t offset, size_t& begin, size_t& end) const
{
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    const int rc = m_impl->jit
        ? pcre2_jit_match(m_impl->code, subject, text.size(), offset, 0, m_impl->match, nullptr)
        : pcre2_match(m_impl->code, subject, text.size(), offset, 0, m_impl->match, nullptr);
    if (rc == PCRE2_ERROR_NOMATCH)
        return false;
    if (rc < 0) {
        // With MATCH_INVALID_UTF no UTF error can occur; anything else (a resource limit) is a
        // bug we want to see rather than silently tokenizing the rest as one piece.
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(rc, buffer, sizeof buffer);
        throw Error(ErrorKind::Internal, "GPT-2 pre-tokenizer failed at byte " +
                                             std::to_string(offset) + ": " +
                                             reinterpret_cast<const char*>(buffer));
    }
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m_impl->match);
    begin = ov[0];
    end = ov[1];
    // Every alternative consumes at least one character, so an empty match cannot happen;
    // guard anyway so a bad pattern can never loop forever.
    if (end <= begin)
        end = begin + 1;
    return true;
}

void PreTokenizer::split(std::string_view text, std::vector<std::string_view>& out) const
{
    forEach(text, [&out](std::string_view piece) { out.push_back(piece); });
}

std::vector<std::string_view> PreTokenizer::split(std::string_view text) const
{
    std::vector<std::string_view> out;
    split(text, out);
    return out;
}

} // namespace qks
