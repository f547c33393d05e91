#include "data/Utf8.h"

#include <cstdint>
#include <cstring>

namespace qks {

char32_t decodeUtf8(std::string_view text, size_t& pos)
{
    const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
    const uint8_t c0 = byte(pos);
    if (c0 < 0x80) {
        ++pos;
        return c0;
    }
    size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
        length = 2;
        cp = c0 & 0x1F;
        minimum = 0x80;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        length = 3;
        cp = c0 & 0x0F;
        minimum = 0x800;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        length = 4;
        cp = c0 & 0x07;
        minimum = 0x10000;
    } else {
        ++pos;
        return kInvalidCodePoint;
    }
    if (pos + length > text.size()) {
        ++pos;
        return kInvalidCodePoint;
    }
    for (size_t i = 1; i < length; ++i) {
        const uint8_t c = byte(pos + i);
        if ((c & 0xC0) != 0x80) {
            ++pos;
            return kInvalidCodePoint;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalidCodePoint;
    }
    pos += length;
    return cp;
}

char32_t decodeUtf8Before(std::string_view text, size_t end, size_t& begin)
{
    // A character is at most 4 bytes: try the candidate starts nearest first.
    for (size_t back = 1; back <= 4 && back <= end; ++back) {
        const auto c = static_cast<uint8_t>(text[end - back]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: the start is further back
        size_t pos = end - back;
        const char32_t cp = decodeUtf8(text, pos);
        if (cp != kInvalidCodePoint && pos == end) {
            begin = end - back;
            return cp;
        }
        break;
    }
    begin = end - 1;
    return kInvalidCodePoint;
}

size_t validUtf8Prefix(std::string_view text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<uint8_t>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        size_t next = pos;
        if (decodeUtf8(text, next) == kInvalidCodePoint)
            return pos;
        pos = next;
    }
    return pos;
}

bool isAscii(std::string_view text)
{
    // Eight bytes at a time: prose is mostly ASCII, and this runs over whole documents.
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < text.size(); ++i)
        if (static_cast<uint8_t>(text[i]) >= 0x80)
            return false;
    return true;
}

bool isUnicodeWhiteSpace(char32_t cp)
{
    // PropList.txt, White_Space (unchanged since Unicode 6.3).
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

} // namespace qks
