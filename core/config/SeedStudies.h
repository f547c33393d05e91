#pragma once

#include "config/StudyConfig.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

// A study of several seeds (study.seeds with more than one entry) is one complete study per
// seed, each in <study.out>/seed_<n>/ with train.seed = n, and one <study.out>/config.json for
// the whole. A single seed keeps the one-study layout (docs/design.md §1.13).

// "seed_42".
std::string seedFolderName(int64_t seed);

bool isMultiSeed(const StudyConfig& config);

// The studies to run: one per seed (study.out its seed folder, train.seed the seed, study.seeds
// empty), or the configuration itself (with train.seed = study.seeds[0] when it lists one).
std::vector<StudyConfig> seedStudies(const StudyConfig& config);

} // namespace qks
