#pragma once

#include "config/StudyConfig.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace qks {

// A sweep (study.sweep) is a grid over configuration keys; each point is a study of its own,
// one or several seeds, in <study.out>/<key>=<value>,…/ (docs/cli.md "Sweeps").

// A point's study.sweep holds at most this many points: each is a full study.
constexpr size_t kMaxSweepPoints = 1000;

struct SweepPoint {
    std::string name;                                             // "model.n_heads=2,train.muon_lr=0.006"
    std::vector<std::pair<std::string, std::string>> assignments; // key, value as JSON text, in grid order
    StudyConfig config; // the point's study: the values applied, study.out its folder, no sweep
};

// How many points the grid has (saturating at SIZE_MAX); 1 without a sweep.
size_t sweepPointCount(const StudyConfig& config);

// A value as a folder name shows it: 0.006, fused, true; characters a file name cannot hold
// (/, \, control characters, quotes) become '_'.
std::string sweepValueText(const std::string& json);

// Every point, the first key varying slowest. Throws ConfigError naming the key and the value
// when a value does not fit its setting ("train.muon_lr=\"x\": expected a number").
std::vector<SweepPoint> sweepPoints(const StudyConfig& config);

// The studies a configuration trains: one per grid point, or the configuration itself.
std::vector<StudyConfig> pointStudies(const StudyConfig& config);

// Whether `key` ("section.key") is a setting a sweep may vary: any but the study section's.
bool sweepableKey(const std::string& key);

// The points of the sweep whose config.json is in `dir`, with their folders (dir/<name>), in
// grid order; empty when `dir` holds no sweep. Throws ConfigError when config.json is broken.
std::vector<std::pair<SweepPoint, std::filesystem::path>> sweepFolders(const std::filesystem::path& dir);

} // namespace qks
