#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace qks {

// The deepest nesting of arrays and objects the JSON readers accept. nlohmann's parser is
// iterative, but copying, printing and comparing a value recurse once per level, so a file of a
// few ten thousand '[' overflows the stack. Our formats nest 3 to 6 levels deep.
inline constexpr int kMaxJsonDepth = 256;

// Byte offset of the '[' or '{' that opens level maxDepth + 1 (brackets inside strings do not
// count), or std::string_view::npos when the text nests no deeper than maxDepth. A linear scan
// of the raw text, so a reader can refuse such a file before building anything from it.
size_t jsonTooDeepAt(std::string_view text, int maxDepth = kMaxJsonDepth);

// Throws DataError("<origin>: arrays and objects nest more than 256 levels deep at byte N<hint>")
// when jsonTooDeepAt finds such a level: what every reader calls before parsing.
void requireJsonDepth(std::string_view text, const std::string& origin, const std::string& hint);

} // namespace qks
