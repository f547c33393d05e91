#include "config/SweepGrid.h"

#include "common/Error.h"
#include "config/ConfigJson.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>

namespace qks {

size_t sweepPointCount(const StudyConfig& config)
{
    size_t n = 1;
    for (const SweepAxis& axis : config.study.sweep) {
        if (axis.values.empty())
            return 0;
        n = n > SIZE_MAX / axis.values.size() ? SIZE_MAX : n * axis.values.size();
    }
    return n;
}

std::string sweepValueText(const std::string& json)
{
    std::string text = json;
    const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_string())
        text = parsed.get<std::string>();
    for (char& c : text)
        if (c == '/' || c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20)
            c = '_';
    return text;
}

bool sweepableKey(const std::string& key)
{
    const size_t dot = key.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == key.size())
        return false;
    const std::string section = key.substr(0, dot), name = key.substr(dot + 1);
    if (section == "study")
        return false;
    const nlohmann::json all = configToJson(StudyConfig{});
    return all.contains(section) && all[section].contains(name);
}

std::vector<SweepPoint> sweepPoints(const StudyConfig& config)
{
    const auto& axes = config.study.sweep;
    const size_t count = sweepPointCount(config);
    if (axes.empty() || count == 0 || count > kMaxSweepPoints)
        return {};
    std::vector<SweepPoint> points;
    points.reserve(count);
    std::vector<size_t> at(axes.size(), 0);
    for (size_t p = 0; p < count; ++p) {
        SweepPoint point;
        point.config = config;
        point.config.study.sweep.clear();
        for (size_t a = 0; a < axes.size(); ++a) {
            const std::string& value = axes[a].values[at[a]];
            try {
                applyConfigOverride(point.config, axes[a].key + "=" + value);
            } catch (const ConfigError& e) {
                throw ConfigError("study.sweep: " + axes[a].key + "=" + value + " does not fit the setting (" + e.what() + ")");
            }
            point.assignments.emplace_back(axes[a].key, value);
            point.name += (a ? "," : "") + axes[a].key + "=" + sweepValueText(value);
        }
        point.config.study.out = (std::filesystem::path(config.study.out) / point.name).string();
        points.push_back(std::move(point));
        // Odometer: the last key varies fastest.
        for (size_t a = axes.size(); a-- > 0;) {
            if (++at[a] < axes[a].values.size())
                break;
            at[a] = 0;
        }
    }
    return points;
}

std::vector<StudyConfig> pointStudies(const StudyConfig& config)
{
    if (config.study.sweep.empty())
        return {config};
    std::vector<StudyConfig> out;
    for (SweepPoint& p : sweepPoints(config))
        out.push_back(std::move(p.config));
    return out;
}

std::vector<std::pair<SweepPoint, std::filesystem::path>> sweepFolders(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dir / "config.json", ec))
        return {};
    const StudyConfig config = loadConfigFile(dir / "config.json");
    std::vector<std::pair<SweepPoint, std::filesystem::path>> out;
    for (SweepPoint& p : sweepPoints(config)) {
        std::filesystem::path folder = dir / p.name;
        out.emplace_back(std::move(p), std::move(folder));
    }
    return out;
}

} // namespace qks
