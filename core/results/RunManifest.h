#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace qks {

// A run's identity, <out>/<tag>/run.json: written when a run starts fresh, read by every later
// step that touches the folder. Its run id is in every checkpoint the run saves and in its
// results.json (extra key "run_id"), so a folder can tell its own run's files from another's.
struct RunManifest {
    std::string runId;      // 32 random hex digits, new for every fresh start
    std::string tag;        // the condition
    nlohmann::json config;  // the configuration the run trains with (configToJson)
    std::string configHash; // sha256 of config.dump(): a short way to say "the same configuration"
    std::string created;    // UTC, ISO 8601
    // Each --extend-tokens of the run, oldest first: {"from": tokens, "to": tokens,
    // "at_tokens": the checkpoint it continued from, "when": UTC}. config holds the latest target.
    nlohmann::json extensions = nlohmann::json::array();
};

// The run's manifest with train.tokens raised to `tokens` from the checkpoint at `atTokens`,
// the extension recorded and the hash renewed.
RunManifest extendedRunManifest(RunManifest manifest, int64_t tokens, int64_t atTokens);

inline constexpr const char* kRunManifestFile = "run.json";

// A new identity for a run of `tag` with `config`.
RunManifest newRunManifest(const std::string& tag, const nlohmann::json& config);

// sha256 of the configuration's JSON text.
std::string configHash(const nlohmann::json& config);

// Writes <dir>/run.json atomically.
void writeRunManifest(const std::filesystem::path& dir, const RunManifest& manifest);

// <dir>/run.json, or nothing when the folder has none. DataError naming the file when it is
// unreadable or not a manifest (a corrupt manifest must not let another run in silently).
std::optional<RunManifest> readRunManifest(const std::filesystem::path& dir);

// The manifest's text, and one parsed from text (DataError naming `where`): for the fuzz target.
std::string runManifestJson(const RunManifest& manifest);
RunManifest parseRunManifest(const std::string& text, const std::string& where);

} // namespace qks
