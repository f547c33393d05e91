#pragma once

#include "config/StudyConfig.h"

#include <string>
#include <vector>

namespace qks {

// Names of the built-in presets: study-50m, pilot-500k, tiny-cpu, pocket-u.
std::vector<std::string> presetNames();

// The preset's full configuration; throws ConfigError for an unknown name, listing the known ones.
StudyConfig presetConfig(const std::string& name);

} // namespace qks
