#include "results/RunManifest.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "data/Sha256.h"

#include <chrono>
#include <ctime>
#include <random>

namespace qks {

namespace fs = std::filesystem;

namespace {

std::string randomRunId()
{
    std::random_device device;
    std::string id;
    const char* hex = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) {
        const uint32_t word = device();
        for (int nibble = 0; nibble < 4; ++nibble)
            id += hex[(word >> (4 * nibble)) & 0xF];
    }
    return id;
}

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

} // namespace

std::string configHash(const nlohmann::json& config)
{
    return sha256Hex(config.dump());
}

RunManifest newRunManifest(const std::string& tag, const nlohmann::json& config)
{
    return {randomRunId(), tag, config, configHash(config), utcNow()};
}

RunManifest extendedRunManifest(RunManifest m, int64_t tokens, int64_t atTokens)
{
    const nlohmann::json from = m.config["train"]["tokens"];
    m.config["train"]["tokens"] = tokens;
    m.configHash = configHash(m.config);
    m.extensions.push_back({{"from", from}, {"to", tokens}, {"at_tokens", atTokens}, {"when", utcNow()}});
    return m;
}

std::string runManifestJson(const RunManifest& m)
{
    nlohmann::ordered_json j = {
        {"format", "qkstudio-run"}, {"version", 1},           {"run_id", m.runId},   {"tag", m.tag},
        {"created", m.created},     {"config_hash", m.configHash}, {"config", m.config},
    };
    if (!m.extensions.empty())
        j["extensions"] = m.extensions;
    return j.dump(2) + "\n";
}

RunManifest parseRunManifest(const std::string& text, const std::string& where)
{
    requireJsonDepth(text, where, "; not a QK Studio run manifest");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(where + ": not a QK Studio run manifest (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("format", "") != "qkstudio-run")
        throw DataError(where + ": not a QK Studio run manifest");
    RunManifest m;
    try {
        m.runId = j.at("run_id").get<std::string>();
        m.tag = j.at("tag").get<std::string>();
        m.created = j.value("created", "");
        m.config = j.at("config");
        m.configHash = j.at("config_hash").get<std::string>();
        m.extensions = j.value("extensions", nlohmann::json::array());
    } catch (const nlohmann::json::exception& e) {
        throw DataError(where + ": " + e.what());
    }
    if (m.runId.empty() || !m.config.is_object())
        throw DataError(where + ": a run manifest needs a run id and a configuration");
    if (!m.extensions.is_array())
        throw DataError(where + ": \"extensions\" must be a list");
    if (configHash(m.config) != m.configHash)
        throw DataError(where + ": the configuration does not match its hash; the manifest was changed by hand");
    return m;
}

void writeRunManifest(const fs::path& dir, const RunManifest& manifest)
{
    writeFileAtomically(dir / kRunManifestFile, runManifestJson(manifest));
}

std::optional<RunManifest> readRunManifest(const fs::path& dir)
{
    const fs::path path = dir / kRunManifestFile;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::nullopt;
    if (!fs::is_regular_file(path, ec))
        throw DataError(path.string() + " is not a file; remove it, or choose another output folder");
    return parseRunManifest(readFile(path), path.string());
}

} // namespace qks
