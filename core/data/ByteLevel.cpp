#include "data/ByteLevel.h"

#include <array>

namespace qks {

namespace {

struct Tables {
    std::array<uint8_t, 256> order{};     // GPT-2's bs list
    std::array<char32_t, 256> codePoint{};
    std::array<std::string, 256> utf8;
    std::array<int16_t, 324> byteOf{};    // code point -> byte, -1 if none (max code point 0x143)
};

std::string encodeUtf8(char32_t cp)
{
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

Tables makeTables()
{
    // Port of GPT-2's bytes_to_unicode(): bytes in '!'..'~', '¡'..'¬', '®'..'ÿ' keep their code
    // point; the other 68 bytes get U+0100, U+0101, ... in increasing byte order.
    Tables t;
    t.byteOf.fill(-1);
    std::array<bool, 256> printable{};
    int n = 0;
    auto keep = [&](int lo, int hi) {
        for (int b = lo; b <= hi; ++b) {
            printable[b] = true;
            t.order[n++] = static_cast<uint8_t>(b);
            t.codePoint[b] = static_cast<char32_t>(b);
        }
    };
    keep('!', '~');
    keep(0xA1, 0xAC);
    keep(0xAE, 0xFF);
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
        if (printable[b])
            continue;
        t.order[n++] = static_cast<uint8_t>(b);
        t.codePoint[b] = static_cast<char32_t>(256 + extra++);
    }
    for (int b = 0; b < 256; ++b) {
        t.utf8[b] = encodeUtf8(t.codePoint[b]);
        t.byteOf[t.codePoint[b]] = static_cast<int16_t>(b);
    }
    return t;
}

const Tables& tables()
{
    static const Tables t = makeTables();
    return t;
}

} // namespace

char32_t byteToCodePoint(uint8_t b)
{
    return tables().codePoint[b];
}

const std::string& byteToUnicode(uint8_t b)
{
    return tables().utf8[b];
}

std::optional<uint8_t> codePointToByte(char32_t cp)
{
    if (cp >= tables().byteOf.size() || tables().byteOf[cp] < 0)
        return std::nullopt;
    return static_cast<uint8_t>(tables().byteOf[cp]);
}

uint8_t byteOrder(int index)
{
    return tables().order[static_cast<size_t>(index)];
}

std::string bytesToByteLevel(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes)
        out += byteToUnicode(static_cast<uint8_t>(c));
    return out;
}

std::optional<std::string> byteLevelToBytes(std::string_view text)
{
    // Only code points below U+0800 occur in the table, so 1- and 2-byte UTF-8 suffice.
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto c0 = static_cast<uint8_t>(text[i]);
        char32_t cp;
        if (c0 < 0x80) {
            cp = c0;
            i += 1;
        } else if ((c0 & 0xE0) == 0xC0 && i + 1 < text.size() &&
                   (static_cast<uint8_t>(text[i + 1]) & 0xC0) == 0x80) {
            cp = (char32_t(c0 & 0x1F) << 6) | (static_cast<uint8_t>(text[i + 1]) & 0x3F);
            if (cp < 0x80)
                return std::nullopt; // overlong encoding
            i += 2;
        } else {
            return std::nullopt;
        }
        const std::optional<uint8_t> b = codePointToByte(cp);
        if (!b)
            return std::nullopt;
        out += static_cast<char>(*b);
    }
    return out;
}

} // namespace qks
