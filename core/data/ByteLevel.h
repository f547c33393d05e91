#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qks {

// GPT-2's byte-to-unicode table: every byte maps to one printable code point (printable
// Latin-1 bytes to themselves, the rest to U+0100 onwards), so byte-level BPE tokens are
// readable strings in tokenizer.json and never contain a space or a control character.

// The code point that stands for byte `b` (e.g. ' ' -> U+0120 'Ġ').
char32_t byteToCodePoint(uint8_t b);

// The UTF-8 encoding of byteToCodePoint(b).
const std::string& byteToUnicode(uint8_t b);

// The byte a code point stands for, or nullopt for a code point outside the table.
std::optional<uint8_t> codePointToByte(char32_t cp);

// GPT-2's order of the 256 bytes (printable ones first): byte-level vocabularies give byte
// byteOrder(i) the id i, so the first 256 ids match GPT-2's encoder.json.
uint8_t byteOrder(int index);

// Raw bytes -> their byte-level string (each byte becomes its code point, UTF-8 encoded).
std::string bytesToByteLevel(std::string_view bytes);

// Byte-level string -> raw bytes; nullopt when it holds a character outside the table or
// is not valid UTF-8.
std::optional<std::string> byteLevelToBytes(std::string_view text);

} // namespace qks
