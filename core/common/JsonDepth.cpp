#include "common/JsonDepth.h"

#include "common/Error.h"

namespace qks {

size_t jsonTooDeepAt(std::string_view text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth; // unbalanced text is the parser's to report
        }
    }
    return std::string_view::npos;
}

void requireJsonDepth(std::string_view text, const std::string& origin, const std::string& hint)
{
    if (const size_t at = jsonTooDeepAt(text); at != std::string_view::npos)
        throw DataError(origin + ": arrays and objects nest more than " + std::to_string(kMaxJsonDepth) +
                        " levels deep at byte " + std::to_string(at) + hint);
}

} // namespace qks
