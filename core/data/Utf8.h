#pragma once

#include <cstddef>
#include <string_view>

namespace qks {

// UTF-8 helpers for text that may hold invalid bytes (the tokenizer keeps them as bytes).

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the character at `pos` and advances `pos` past it. For a byte that does not start
// a valid sequence (overlong, surrogate, above U+10FFFF, truncated) it returns
// kInvalidCodePoint and advances by one byte.
char32_t decodeUtf8(std::string_view text, size_t& pos);

// The character that ends at `end` (exclusive), and its first byte in `begin`; invalid bytes
// come back one at a time as kInvalidCodePoint.
char32_t decodeUtf8Before(std::string_view text, size_t end, size_t& begin);

// Length of the longest prefix of `text` that is valid UTF-8.
size_t validUtf8Prefix(std::string_view text);

// True when every byte is ASCII (below 0x80).
bool isAscii(std::string_view text);

// Unicode's White_Space property (what Rust's char::is_whitespace and regex `\s` test).
bool isUnicodeWhiteSpace(char32_t cp);

} // namespace qks
