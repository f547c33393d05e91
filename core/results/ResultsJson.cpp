#include "results/ResultsJson.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "results/PythonJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace qks {

using nlohmann::ordered_json;

namespace {

constexpr const char* kFixHint = " (fix the file, or rerun the condition to regenerate it)";

const char* typeName(const ordered_json& v)
{
    return v.type_name(); // "null", "string", "array", ...
}

// Turns one JSON document into RunResults, naming `m_source` and the exact element in every
// error so a researcher can open the file at the right place.
class ResultsReader {
public:
    explicit ResultsReader(const std::string& source) : m_source(source) {}

    RunResults read(const ordered_json& doc) const
    {
        if (!doc.is_object())
            fail("the top level must be a JSON object with tag, tokens, loss, ..., found " + std::string(typeName(doc)));
        RunResults r;
        r.tag = readTag(required(doc, "tag"));
        r.tokens = readTokens(required(doc, "tokens"));
        r.loss = readLossArray(required(doc, "loss"), "loss");
        r.val_loss = readLossArray(required(doc, "val_loss"), "val_loss");
        r.mean_pr = readNumberArray(required(doc, "mean_pr"), "mean_pr");
        r.layer_pr = readLayerMap<double>(required(doc, "layer_pr"), "layer_pr");
        // Older or foreign writers may leave gamma_cv out; absent means "no γ", as NoQK's `{}`.
        if (doc.contains("gamma_cv"))
            r.gamma_cv = readLayerMap<double>(doc.at("gamma_cv"), "gamma_cv");
        if (doc.contains("gamma_final"))
            r.gamma_final = readLayerMap<float>(doc.at("gamma_final"), "gamma_final");

        const auto& schema = resultsSchemaKeys();
        for (const auto& [key, value] : doc.items()) {
            if (std::find(schema.begin(), schema.end(), key) == schema.end())
                r.extra[key] = value;
        }
        return r;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const
    {
        throw DataError(m_source + ": " + problem + kFixHint);
    }

    const ordered_json& required(const ordered_json& doc, const char* key) const
    {
        if (!doc.contains(key))
            fail(std::string("required key \"") + key
                 + "\" is missing (results.json needs tag, tokens, loss, val_loss, mean_pr and layer_pr)");
        return doc.at(key);
    }

    const ordered_json& array(const ordered_json& v, const std::string& what) const
    {
        if (!v.is_array())
            fail("\"" + what + "\" must be an array, found " + typeName(v));
        return v;
    }

    std::string readTag(const ordered_json& v) const
    {
        if (!v.is_string())
            fail(std::string("\"tag\" must be a string such as \"QK\", found ") + typeName(v));
        return v.get<std::string>();
    }

    std::vector<int64_t> readTokens(const ordered_json& v) const
    {
        std::vector<int64_t> out;
        for (size_t i = 0; const auto& e : array(v, "tokens")) {
            const std::string where = "tokens[" + std::to_string(i++) + "]";
            if (e.is_number_integer()) {
                if (e.is_number_unsigned() && e.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
                    fail(where + " is too large for a token count");
                out.push_back(e.get<int64_t>());
            } else if (e.is_number_float()) {
                // Some tools write counts as floats (1.96608e6); accept them when exact.
                const double d = e.get<double>();
                if (!(std::trunc(d) == d && std::abs(d) < 9.0e15))
                    fail(where + " must be a whole number of tokens, found " + e.dump());
                out.push_back(static_cast<int64_t>(d));
            } else {
                fail(where + " must be a whole number of tokens, found " + typeName(e));
            }
        }
        return out;
    }

    // A number, or one of Python's non-finite words (quoted by quotePythonNonFinite).
    bool number(const ordered_json& e, double& value) const
    {
        if (e.is_number()) {
            value = e.get<double>();
            return true;
        }
        return e.is_string() && pythonNonFiniteValue(e.get_ref<const std::string&>(), value);
    }

    [[noreturn]] void notANumber(const std::string& where, const ordered_json& e) const
    {
        fail(where + " must be a number or null, found " + typeName(e) + " " + e.dump());
    }

    std::vector<std::optional<double>> readLossArray(const ordered_json& v, const std::string& key) const
    {
        std::vector<std::optional<double>> out;
        for (size_t i = 0; const auto& e : array(v, key)) {
            double d = 0;
            if (e.is_null())
                out.emplace_back(std::nullopt);
            else if (number(e, d))
                out.emplace_back(d);
            else
                notANumber(key + "[" + std::to_string(i) + "]", e);
            ++i;
        }
        return out;
    }

    template <typename T>
    std::vector<T> readNumbers(const ordered_json& v, const std::string& what) const
    {
        std::vector<T> out;
        out.reserve(v.size());
        for (size_t i = 0; const auto& e : array(v, what)) {
            double d = std::numeric_limits<double>::quiet_NaN(); // null = a probe that produced no value
            if (!e.is_null() && !number(e, d))
                notANumber(what + "[" + std::to_string(i) + "]", e);
            out.push_back(static_cast<T>(d));
            ++i;
        }
        return out;
    }

    std::vector<double> readNumberArray(const ordered_json& v, const std::string& key) const
    {
        return readNumbers<double>(v, key);
    }

    // {"0": [...], ..., "L-1": [...]}: keys must be exactly the layer indices, in any order.
    template <typename T>
    std::vector<std::vector<T>> readLayerMap(const ordered_json& v, const std::string& key) const
    {
        if (!v.is_object())
            fail("\"" + key + "\" must be an object keyed by layer index (\"0\", \"1\", ...), found " + typeName(v));
        const size_t layers = v.size();
        std::vector<std::vector<T>> out(layers);
        for (const auto& [name, values] : v.items()) {
            size_t index = 0;
            const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), index);
            const bool canonical = ec == std::errc() && ptr == name.data() + name.size()
                                   && (name.size() == 1 || name[0] != '0');
            if (!canonical || index >= layers) {
                fail("\"" + key + "\" has the key \"" + name + "\"; its keys must be the layer indices \"0\" to \""
                     + std::to_string(layers - 1) + "\"");
            }
            out[index] = readNumbers<T>(values, key + "[\"" + name + "\"]");
        }
        return out;
    }

    std::string m_source;
};

ordered_json numberOrNull(double v)
{
    // JSON has no NaN/Inf; null is what readers turn back into "missing".
    return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr);
}

template <typename T>
ordered_json numberArray(const std::vector<T>& values)
{
    ordered_json a = ordered_json::array();
    for (T v : values)
        a.push_back(numberOrNull(static_cast<double>(v)));
    return a;
}

template <typename T>
ordered_json layerMap(const std::vector<std::vector<T>>& perLayer)
{
    ordered_json m = ordered_json::object();
    for (size_t l = 0; l < perLayer.size(); ++l)
        m[std::to_string(l)] = numberArray(perLayer[l]);
    return m;
}

ordered_json lossArray(const std::vector<std::optional<double>>& values)
{
    ordered_json a = ordered_json::array();
    for (const auto& v : values)
        a.push_back(v ? numberOrNull(*v) : ordered_json(nullptr));
    return a;
}

std::string joinProblems(const std::vector<std::string>& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

} // namespace

RunResults parseResults(std::string_view text, const std::string& source)
{
    requireJsonDepth(text, source, std::string(" (results.json needs 3)") + kFixHint);
    ordered_json doc;
    try {
        doc = ordered_json::parse(quotePythonNonFinite(text));
    } catch (const ordered_json::exception& e) {
        // parse_error, and out_of_range for numbers beyond double such as 1e999.
        std::string what = e.what();
        if (const auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2); // drop "[json.exception.parse_error.101]"
        const bool empty = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
        throw DataError(source + " is not valid JSON" + (empty ? " (the file is empty)" : "") + ": " + what
                        + "; the file is truncated or corrupt (restore it, or rerun the condition to regenerate it)");
    }
    RunResults r;
    try {
        r = ResultsReader(source).read(doc);
    } catch (const ordered_json::exception& e) {
        // The reader checks types before converting; this only keeps a missed case from
        // escaping as something other than a DataError.
        throw DataError(source + ": unexpected content (" + std::string(e.what()) + ")" + kFixHint);
    }
    const auto problems = validateResults(r);
    if (!problems.empty())
        throw DataError(source + ": " + joinProblems(problems) + kFixHint);
    return r;
}

RunResults readResults(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw DataError(path.string() + " is a folder, not a file; move it away and rerun the condition to "
                        "write its results.json");
    return parseResults(readFile(path), path.string());
}

ordered_json resultsToJson(const RunResults& r)
{
    ordered_json j = ordered_json::object();
    j["tag"] = r.tag;
    j["tokens"] = r.tokens;
    j["loss"] = lossArray(r.loss);
    j["val_loss"] = lossArray(r.val_loss);
    j["mean_pr"] = numberArray(r.mean_pr);
    j["layer_pr"] = layerMap(r.layer_pr);
    j["gamma_cv"] = layerMap(r.gamma_cv);
    if (r.gamma_final)
        j["gamma_final"] = layerMap(*r.gamma_final);
    if (r.extra.is_object()) {
        const auto& schema = resultsSchemaKeys();
        for (const auto& [key, value] : r.extra.items()) {
            if (std::find(schema.begin(), schema.end(), key) != schema.end())
                throw DataError("results for " + r.tag + ": extra key \"" + key
                                + "\" would replace the schema key of the same name; store extra data under a new key");
            j[key] = value;
        }
    }
    return j;
}

std::string resultsToJsonText(const RunResults& r)
{
    // Byte-identical to the original code's json.dump(indent=2) for the same values.
    return dumpPythonStyle(resultsToJson(r), 2);
}

void writeResults(const RunResults& r, const std::filesystem::path& path)
{
    const auto problems = validateResults(r);
    if (!problems.empty())
        throw DataError("refusing to write " + path.string() + " because readers would reject it: "
                        + joinProblems(problems) + " (this is a bug in the writer; please report it)");
    writeFileAtomically(path, resultsToJsonText(r));
}

} // namespace qks
