#include "results/PythonJson.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace qks {

using nlohmann::ordered_json;

namespace {

constexpr std::array<std::string_view, 3> kWords = {"-Infinity", "Infinity", "NaN"};

void dumpValue(const ordered_json& v, int indent, int depth, std::string& out)
{
    const auto newline = [&](int level) {
        out.push_back('\n');
        out.append(static_cast<size_t>(indent * level), ' ');
    };
    switch (v.type()) {
    case ordered_json::value_t::object:
        if (v.empty()) {
            out += "{}";
            return;
        }
        out.push_back('{');
        for (bool first = true; const auto& [key, item] : v.items()) {
            if (!first)
                out.push_back(',');
            first = false;
            newline(depth + 1);
            dumpValue(ordered_json(key), indent, depth + 1, out);
            out += ": ";
            dumpValue(item, indent, depth + 1, out);
        }
        newline(depth);
        out.push_back('}');
        return;
    case ordered_json::value_t::array:
        if (v.empty()) {
            out += "[]";
            return;
        }
        out.push_back('[');
        for (size_t i = 0; i < v.size(); ++i) {
            if (i)
                out.push_back(',');
            newline(depth + 1);
            dumpValue(v[i], indent, depth + 1, out);
        }
        newline(depth);
        out.push_back(']');
        return;
    case ordered_json::value_t::number_float: {
        const double d = v.get<double>();
        out += std::isfinite(d) ? pythonFloatRepr(d) : "null";
        return;
    }
    default:
        // Strings, integers, booleans and null print the same in both; nlohmann's ASCII
        // escaping (lowercase \u00b5, surrogate pairs, \u007f) matches Python's.
        out += v.dump(-1, ' ', true, ordered_json::error_handler_t::replace);
        return;
    }
}

} // namespace

std::string quotePythonNonFinite(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out.push_back(c);
            if (c == '\\' && i + 1 < text.size())
                out.push_back(text[++i]); // an escaped quote does not end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out.push_back(c);
            continue;
        }
        bool replaced = false;
        for (std::string_view w : kWords) {
            if (text.substr(i, w.size()) == w) {
                out.push_back('"');
                out.append(w);
                out.push_back('"');
                i += w.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out.push_back(c);
    }
    return out;
}

bool pythonNonFiniteValue(std::string_view s, double& value)
{
    if (s == "NaN")
        value = std::numeric_limits<double>::quiet_NaN();
    else if (s == "Infinity")
        value = std::numeric_limits<double>::infinity();
    else if (s == "-Infinity")
        value = -std::numeric_limits<double>::infinity();
    else
        return false;
    return true;
}

std::string pythonFloatRepr(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";

    // std::to_chars gives the shortest round-trip digits with ties to nearest, as Python's
    // repr; scientific form makes the digits and the exponent easy to pick apart.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, std::abs(v), std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
    const size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e)) {
        if (c != '.')
            digits.push_back(c);
    }
    int exp10 = 0;
    std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exp10);
    const int n = static_cast<int>(digits.size());
    const int decpt = exp10 + 1; // value = 0.<digits> × 10^decpt

    std::string out = std::signbit(v) ? "-" : "";
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out.append("0.").append(static_cast<size_t>(-decpt), '0').append(digits);
        } else if (decpt < n) {
            out.append(digits, 0, static_cast<size_t>(decpt)).append(".").append(digits, static_cast<size_t>(decpt));
        } else {
            out.append(digits).append(static_cast<size_t>(decpt - n), '0').append(".0");
        }
        return out;
    }
    out.push_back(digits[0]);
    if (n > 1)
        out.append(".").append(digits, 1);
    const int x = decpt - 1;
    char expBuf[16];
    std::snprintf(expBuf, sizeof expBuf, "e%c%02d", x < 0 ? '-' : '+', std::abs(x));
    return out + expBuf;
}

std::string dumpPythonStyle(const ordered_json& value, int indent)
{
    std::string out;
    dumpValue(value, indent, 0, out);
    return out;
}

} // namespace qks
