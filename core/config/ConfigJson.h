#pragma once

#include "config/StudyConfig.h"

#include <nlohmann/json_fwd.hpp>
#include <filesystem>
#include <string>

namespace qks {

// The full configuration as JSON with the sections model, train, probe, data, study.
nlohmann::json configToJson(const StudyConfig& config);

// Reads a configuration; missing keys keep the values already in `base`, unknown keys and
// wrong types throw ConfigError naming the key ("train.muon_lr: expected a number").
StudyConfig configFromJson(const nlohmann::json& json, StudyConfig base = {});

StudyConfig loadConfigFile(const std::filesystem::path& path, StudyConfig base = {});
void saveConfigFile(const StudyConfig& config, const std::filesystem::path& path);

// Applies one "section.key=value" override (value parsed as JSON, else taken as a string).
void applyConfigOverride(StudyConfig& config, const std::string& assignment);

} // namespace qks
