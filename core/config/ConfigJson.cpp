#include "config/ConfigJson.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "common/JsonDuplicateKeys.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace qks {

using nlohmann::json;

namespace {

// Each section is described once as (key, member) pairs so that both directions and the
// unknown-key check share one list.
template <typename Fn>
void forEachModelField(ModelConfig& m, Fn&& fn)
{
    fn("d_model", m.d_model);
    fn("n_layers", m.n_layers);
    fn("n_heads", m.n_heads);
    fn("n_kv_heads", m.n_kv_heads);
    fn("d_ff", m.d_ff);
    fn("vocab_size", m.vocab_size);
    fn("max_seq_len", m.max_seq_len);
    fn("rope_base", m.rope_base);
    fn("init_std", m.init_std);
}

template <typename Fn>
void forEachTrainField(TrainConfig& t, Fn&& fn)
{
    fn("batch_size", t.batch_size);
    fn("gradient_accumulation_steps", t.gradient_accumulation_steps);
    fn("tokens", t.tokens);
    fn("muon_lr", t.muon_lr);
    fn("muon_momentum", t.muon_momentum);
    fn("adamw_lr", t.adamw_lr);
    fn("adamw_beta1", t.adamw_beta1);
    fn("adamw_beta2", t.adamw_beta2);
    fn("adamw_eps", t.adamw_eps);
    fn("weight_decay", t.weight_decay);
    fn("grad_clip", t.grad_clip);
    fn("seed", t.seed);
    fn("device", t.device);
    fn("threads", t.threads);
    fn("bf16_autocast", t.bf16_autocast);
    fn("kernels", t.kernels);
    fn("activation_checkpointing", t.activation_checkpointing);
    fn("cpu_shards", t.cpu_shards);
    fn("cuda_graph", t.cuda_graph);
}

template <typename Fn>
void forEachProbeField(ProbeConfig& p, Fn&& fn)
{
    fn("every", p.every);
    fn("early_every", p.early_every);
    fn("early_until", p.early_until);
    fn("at_end", p.at_end);
    fn("batch", p.batch);
    fn("val_batches", p.val_batches);
    fn("val_sampling", p.val_sampling);
    fn("key_point", p.key_point);
    fn("post_rope", p.post_rope);
}

template <typename Fn>
void forEachDataField(DataConfig& d, Fn&& fn)
{
    fn("path", d.path);
}

template <typename Fn>
void forEachStudyField(StudySection& s, Fn&& fn)
{
    fn("out", s.out);
    fn("conditions", s.conditions);
    fn("seeds", s.seeds);
    fn("sweep", s.sweep);
}

template <typename Fn>
void forEachCheckpointField(CheckpointConfig& k, Fn&& fn)
{
    fn("every_tokens", k.every_tokens);
    fn("keep", k.keep);
    fn("at_end", k.at_end);
}

template <typename Fn>
void forEachSection(StudyConfig& c, Fn&& fn)
{
    fn("model", [&](auto&& f) { forEachModelField(c.model, f); });
    fn("train", [&](auto&& f) { forEachTrainField(c.train, f); });
    fn("probe", [&](auto&& f) { forEachProbeField(c.probe, f); });
    fn("data", [&](auto&& f) { forEachDataField(c.data, f); });
    fn("study", [&](auto&& f) { forEachStudyField(c.study, f); });
    fn("checkpoint", [&](auto&& f) { forEachCheckpointField(c.checkpoint, f); });
}

// "1e400": a number too large for a double, which JSON parsing rejects and --set would otherwise
// take for a bare word.
bool numberOutOfRange(const std::string& text)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && errno == ERANGE && std::isinf(v);
}

template <typename T>
void readValue(const json& j, T& out, const std::string& where)
{
    if constexpr (std::is_same_v<T, bool>) {
        if (!j.is_boolean())
            throw ConfigError(where + ": expected true or false, got " + j.dump());
        out = j.get<bool>();
    } else if constexpr (std::is_same_v<T, int64_t>) {
        // 5e7 written as a float is still an integer. Range first: converting a double outside
        // int64 (1e300) is undefined behaviour, not a value to compare.
        const auto wholeInt64 = [](double d) { return d >= -0x1p63 && d < 0x1p63 && std::trunc(d) == d; };
        if (j.is_number_unsigned() && j.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
            throw ConfigError(where + ": " + j.dump() + " is too large (the largest integer is 9223372036854775807)");
        } else if (j.is_number_integer()) {
            out = j.get<int64_t>();
        } else if (j.is_number_float() && wholeInt64(j.get<double>())) {
            out = static_cast<int64_t>(j.get<double>());
        } else {
            throw ConfigError(where + ": expected an integer, got " + j.dump());
        }
    } else if constexpr (std::is_same_v<T, double>) {
        if (!j.is_number())
            throw ConfigError(where + ": expected a number, got " + j.dump());
        out = j.get<double>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!j.is_string())
            throw ConfigError(where + ": expected a string, got " + j.dump());
        out = j.get<std::string>();
    } else if constexpr (std::is_same_v<T, std::vector<SweepAxis>>) {
        // {"train.muon_lr": [0.006, 0.012], "model.n_heads": [2, 4]}; each value kept as JSON.
        if (!j.is_object())
            throw ConfigError(where + ": expected an object of setting → list of values, e.g. "
                                      "{\"train.muon_lr\": [0.006, 0.012]}, got " + j.dump());
        out.clear();
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (!it.value().is_array())
                throw ConfigError(where + "." + it.key() + ": expected a list of values, got " + it.value().dump());
            SweepAxis axis{it.key(), {}};
            for (const json& v : it.value())
                axis.values.push_back(v.dump());
            out.push_back(std::move(axis));
        }
    } else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
        // A list of integers; "42,43,44" too, as --set study.seeds=42,43,44 gives it.
        json list = j.is_number() ? json::array({j}) : j; // one seed: --set study.seeds=7
        if (j.is_string()) {
            std::string text = "[";
            text += j.get<std::string>();
            text += ']';
            list = json::parse(text, nullptr, /*allow_exceptions=*/false);
            if (list.is_discarded())
                throw ConfigError(where + ": expected integers separated by commas, got " + j.dump());
        }
        if (!list.is_array())
            throw ConfigError(where + ": expected a list of integers, got " + j.dump());
        out.clear();
        for (size_t i = 0; i < list.size(); ++i) {
            int64_t v = 0;
            readValue(list[i], v, where + "[" + std::to_string(i) + "]");
            out.push_back(v);
        }
    } else {
        if (j.is_string()) { // "QK,NoQK" is accepted for a list of tags
            out.clear();
            std::string s = j.get<std::string>();
            size_t start = 0;
            while (start <= s.size()) {
                size_t comma = s.find(',', start);
                if (comma == std::string::npos)
                    comma = s.size();
                if (comma == start && comma < s.size())
                    throw ConfigError(where + ": an empty name between commas in \"" + s + "\"");
                if (comma > start)
                    out.push_back(s.substr(start, comma - start));
                start = comma + 1;
            }
            return;
        }
        if (!j.is_array())
            throw ConfigError(where + ": expected a list of strings, got " + j.dump());
        out.clear();
        for (const json& e : j) {
            if (!e.is_string())
                throw ConfigError(where + ": expected a list of strings, got " + j.dump());
            out.push_back(e.get<std::string>());
        }
    }
}

} // namespace

json configToJson(const StudyConfig& config)
{
    StudyConfig copy = config;
    json out = json::object();
    forEachSection(copy, [&](const char* section, auto&& fields) {
        json s = json::object();
        fields([&](const char* key, auto& value) {
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::vector<SweepAxis>>) {
                json grid = json::object();
                for (const SweepAxis& axis : value) {
                    json values = json::array();
                    for (const std::string& v : axis.values)
                        values.push_back(json::parse(v));
                    grid[axis.key] = values;
                }
                s[key] = grid;
            } else {
                s[key] = value;
            }
        });
        out[section] = s;
    });
    return out;
}

StudyConfig configFromJson(const json& j, StudyConfig base)
{
    if (!j.is_object())
        throw ConfigError("configuration: expected a JSON object with sections model, train, probe, data, study");
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool known = false;
        forEachSection(base, [&](const char* section, auto&&) { known = known || it.key() == section; });
        if (!known)
            throw ConfigError("configuration: unknown section \"" + it.key() + "\" (expected model, train, probe, data, study, checkpoint)");
    }
    forEachSection(base, [&](const char* section, auto&& fields) {
        if (!j.contains(section))
            return;
        const json& s = j.at(section);
        if (!s.is_object())
            throw ConfigError(std::string(section) + ": expected an object");
        for (auto it = s.begin(); it != s.end(); ++it) {
            bool found = false;
            fields([&](const char* key, auto& value) {
                if (it.key() == key) {
                    readValue(it.value(), value, std::string(section) + "." + key);
                    found = true;
                }
            });
            if (!found)
                throw ConfigError(std::string(section) + "." + it.key() + ": unknown setting");
        }
    });
    return base;
}

StudyConfig loadConfigFile(const std::filesystem::path& path, StudyConfig base)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ConfigError(path.string() + " is a folder; a configuration is a JSON file, such as the one "
                          "`qkstudio-cli config` prints or a run's config.json");
    const std::string text = readFile(path);
    if (const size_t at = jsonTooDeepAt(text); at != std::string_view::npos)
        throw ConfigError(path.string() + ": arrays and objects nest more than " + std::to_string(kMaxJsonDepth) +
                          " levels deep at byte " + std::to_string(at) + " (a configuration needs 3)");
    json j;
    try {
        j = json::parse(text);
    } catch (const json::out_of_range& e) {
        // nlohmann reports a number beyond double (1e400) as out_of_range.406, not a parse error.
        throw ConfigError(path.string() + ": a number is out of range (" + e.what() +
                          "); the largest a setting can hold is about 1.8e308");
    } catch (const json::exception& e) {
        throw ConfigError(path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (const auto key = firstDuplicateJsonKey(text))
        throw ConfigError(path.string() + ": " + *key + " is given twice; keep one of them");
    // A run's run.json (or a checkpoint's state) holds the run's configuration under "config":
    // what a resume refusal points to, so it works as --config too.
    if (j.is_object() && j.contains("config") && j["config"].is_object() && j.contains("format") &&
        (j["format"] == "qkstudio-run" || j["format"] == "qkstudio-checkpoint")) {
        const json inner = j["config"];
        j = inner;
    }
    return configFromJson(j, std::move(base));
}

void saveConfigFile(const StudyConfig& config, const std::filesystem::path& path)
{
    writeFileAtomically(path, configToJson(config).dump(2) + "\n");
}

void applyConfigOverride(StudyConfig& config, const std::string& assignment)
{
    const size_t eq = assignment.find('=');
    const size_t dot = assignment.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq)
        throw ConfigError("--set " + assignment + ": expected section.key=value, e.g. train.tokens=100000");
    const std::string section = assignment.substr(0, dot);
    const std::string key = assignment.substr(dot + 1, eq - dot - 1);
    const std::string text = assignment.substr(eq + 1);
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() && numberOutOfRange(text))
        throw ConfigError("--set " + section + "." + key + ": " + text +
                          " is out of range (the largest a setting can hold is about 1.8e308)");
    if (value.is_discarded())
        value = text; // bare words such as cuda or runs/x are strings
    else if (const auto repeated = firstDuplicateJsonKey(text))
        throw ConfigError("--set " + section + "." + key + ": the value gives " + *repeated + " twice");
    else if (const size_t at = jsonTooDeepAt(text); at != std::string_view::npos)
        throw ConfigError("--set " + section + "." + key + ": the value nests more than " +
                          std::to_string(kMaxJsonDepth) + " levels deep at character " + std::to_string(at));
    json patch = {{section, {{key, value}}}};
    config = configFromJson(patch, std::move(config));
}

} // namespace qks
