#include "common/JsonDuplicateKeys.h"

#include <nlohmann/json.hpp>

#include <set>
#include <vector>

namespace qks {

namespace {

// A SAX handler that keeps, for each open object, the keys seen so far; arrays get an empty
// frame so that the frames stay paired with their brackets.
class DuplicateKeyFinder {
public:
    using json = nlohmann::json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    std::optional<std::string> duplicate;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(number_integer_t) { return true; }
    bool number_unsigned(number_unsigned_t) { return true; }
    bool number_float(number_float_t, const string_t&) { return true; }
    bool string(string_t&) { return true; }
    bool binary(binary_t&) { return true; }
    bool start_object(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(false); }
    bool end_array() { return close(); }
    bool key(string_t& k)
    {
        Frame& f = m_frames.back();
        f.current = k;
        if (f.keys.insert(k).second)
            return true;
        duplicate = path();
        return false; // stop: one is enough to refuse the file
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    struct Frame {
        bool object = false;
        std::set<std::string> keys;
        std::string current;
    };
    std::vector<Frame> m_frames;

    bool open(bool object)
    {
        m_frames.push_back({object, {}, {}});
        return true;
    }
    bool close()
    {
        m_frames.pop_back();
        return true;
    }
    std::string path() const
    {
        std::string out;
        for (const Frame& f : m_frames)
            if (f.object)
                out += (out.empty() ? "" : ".") + f.current;
        return out;
    }
};

} // namespace

std::optional<std::string> firstDuplicateJsonKey(std::string_view text)
{
    DuplicateKeyFinder finder;
    nlohmann::json::sax_parse(text, &finder, nlohmann::json::input_format_t::json, /*strict=*/false);
    return finder.duplicate;
}

} // namespace qks
