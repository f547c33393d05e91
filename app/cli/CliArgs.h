#pragma once

#include "config/StudyConfig.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qks::cli {

// A parsed command line: `--name value` options (once each, --set repeatable), `--flag` switches and positionals.
class CliArgs {
public:
    // `switches` lists the options that take no value (e.g. "json"); throws UsageError.
    CliArgs(const std::vector<std::string>& argv, const std::vector<std::string>& switches);

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;      // last occurrence
    std::vector<std::string> values(const std::string& name) const;       // every occurrence
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    int64_t intValueOr(const std::string& name, int64_t fallback) const;  // UsageError if not an integer
    const std::vector<std::string>& positionals() const { return m_positionals; }

    // Throws UsageError naming any option not in `known` (switches included).
    void allowOnly(const std::vector<std::string>& known) const;
    // Throws UsageError naming the first positional argument beyond `most`.
    void allowPositionals(size_t most) const;

private:
    std::multimap<std::string, std::string> m_options;
    std::vector<std::string> m_order;
    std::vector<std::string> m_positionals;
};

// The configuration a command works on: --preset P (default `fallbackPreset`), then
// --config FILE, then every --set section.key=value in order. Not validated here.
StudyConfig configFromArgs(const CliArgs& args, const std::string& fallbackPreset = "tiny-cpu");

// The only options that may be given more than once; any other given twice is a UsageError.
inline const std::vector<std::string> kRepeatableOptions = {"set"};

// Options every config-taking command accepts.
inline const std::vector<std::string> kConfigOptions = {"preset", "config", "set"};

} // namespace qks::cli
