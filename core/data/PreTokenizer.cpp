#include "data/PreTokenizer.h"

#include "data/Regex.h"

namespace qks {

namespace {

constexpr const char* kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

} // namespace

PreTokenizer::PreTokenizer() : m_regex(std::make_unique<Regex>(kGpt2Pattern, "GPT-2 pre-tokenizer"))
{
}

PreTokenizer::~PreTokenizer() = default;
PreTokenizer::PreTokenizer(PreTokenizer&&) noexcept = default;
PreTokenizer& PreTokenizer::operator=(PreTokenizer&&) noexcept = default;

bool PreTokenizer::jit() const
{
    return m_regex->jit();
}

bool PreTokenizer::next(std::string_view text, size_t offset, size_t& begin, size_t& end) const
{
    if (!m_regex->find(text, offset, begin, end))
        return false;
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
