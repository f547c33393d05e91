#include "CliArgs.h"

#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"

#include <algorithm>
#include <charconv>

namespace qks::cli {

namespace {

bool listed(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

CliArgs::CliArgs(const std::vector<std::string>& argv, const std::vector<std::string>& switches)
{
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a.size() == 2) {
            m_positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::string value;
        const size_t eq = name.find('=');
        const bool isSwitch = listed(switches, name.substr(0, eq));
        if (eq != std::string::npos) {
            // `--resume=false` would otherwise resume: a switch is on by being there.
            if (isSwitch)
                throw UsageError("--" + name.substr(0, eq) + " takes no value (leave it out to turn it off)");
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (!isSwitch) {
            // `--out --quiet` is a forgotten value, not a folder named --quiet.
            if (i + 1 >= argv.size() || (argv[i + 1].rfind("--", 0) == 0 && argv[i + 1].size() > 2))
                throw UsageError("--" + name + " needs a value");
            value = argv[++i];
        }
        if (!isSwitch && value.empty())
            throw UsageError("--" + name + " needs a value (it is empty)");
        // `--condition QK --condition NoQK` trained NoQK without a word: only --set repeats.
        if (m_options.count(name) > 0 && !listed(kRepeatableOptions, name)) {
            if (isSwitch)
                throw UsageError("--" + name + " is given twice");
            throw UsageError("--" + name + " is given twice (\"" + m_options.find(name)->second + "\" and \"" + value
                             + "\"); give it once");
        }
        m_options.emplace(name, value);
        m_order.push_back(name);
    }
}

bool CliArgs::has(const std::string& name) const
{
    return m_options.count(name) > 0;
}

std::optional<std::string> CliArgs::value(const std::string& name) const
{
    auto range = m_options.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second;
}

std::vector<std::string> CliArgs::values(const std::string& name) const
{
    std::vector<std::string> out;
    auto range = m_options.equal_range(name);
    for (auto it = range.first; it != range.second; ++it)
        out.push_back(it->second);
    return out;
}

std::string CliArgs::valueOr(const std::string& name, const std::string& fallback) const
{
    return value(name).value_or(fallback);
}

int64_t CliArgs::intValueOr(const std::string& name, int64_t fallback) const
{
    const auto v = value(name);
    if (!v)
        return fallback;
    int64_t out = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size())
        throw UsageError("--" + name + ": expected an integer, got \"" + *v + "\"");
    return out;
}

void CliArgs::allowOnly(const std::vector<std::string>& known) const
{
    for (const std::string& name : m_order)
        if (!listed(known, name))
            throw UsageError("unknown option --" + name);
}

void CliArgs::allowPositionals(size_t most) const
{
    if (m_positionals.size() > most)
        throw UsageError("unexpected argument \"" + m_positionals[most] + "\"" +
                         (m_positionals[most].rfind('-', 0) == 0 ? " (options start with --)" : ""));
}

StudyConfig configFromArgs(const CliArgs& args, const std::string& fallbackPreset)
{
    StudyConfig config = presetConfig(args.valueOr("preset", fallbackPreset));
    if (const auto file = args.value("config"))
        config = loadConfigFile(*file, config);
    for (const std::string& assignment : args.values("set"))
        applyConfigOverride(config, assignment);
    return config;
}

} // namespace qks::cli
