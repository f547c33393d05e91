// Regex for builds without PCRE2 (headless GPU servers, see the top CMakeLists.txt): every
// pattern is refused with a message that says why, so tokenizing fails cleanly while the rest
// of the core (training on prepared token folders) works.
#ifndef QKS_HAVE_PCRE2
#include "data/Regex.h"

#include "common/Error.h"

namespace qks {

struct Regex::Impl {
    std::string pattern;
};

Regex::Regex(std::string_view pattern, const std::string& origin)
{
    throw DataError(origin + ": this build of QK Studio has no PCRE2 (libpcre2-dev), so it cannot tokenize text; "
                             "prepare the token folder on a machine with a full build and copy it here (pattern " +
                    std::string(pattern.substr(0, 40)) + ")");
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::find(std::string_view, size_t, size_t&, size_t&) const { return false; }
bool Regex::matchesAt(std::string_view, size_t) const { return false; }
bool Regex::jit() const { return false; }
const std::string& Regex::pattern() const { return m_impl->pattern; }
bool Regex::run(std::string_view, size_t, bool, size_t&, size_t&) const { return false; }

} // namespace qks

#endif // !QKS_HAVE_PCRE2
