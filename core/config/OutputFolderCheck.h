#pragma once

#include "config/StudyConfig.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

// What a study puts on disk at its fullest, from the configuration alone. Bytes.
struct DiskEstimate {
    int64_t checkpoints = 0; // every condition's checkpoints, one more than checkpoint.keep while a new one is written
    int64_t results = 0;     // results.json (written twice while it is replaced)
    int64_t existing = 0;    // what those conditions already hold there (a resumed run replaces it)

    int64_t needed() const { return std::max<int64_t>(0, checkpoints + results - existing); }
};

DiskEstimate estimateStudyDisk(const StudyConfig& config, const std::vector<std::string>& tags);

// Bytes the current user may still write in `folder` or its nearest existing parent (statvfs);
// the free-bytes fault overrides it. -1 when unknown.
int64_t freeDiskBytes(const std::filesystem::path& folder);

// Run before any training, so a study does not fail hours in: the output folder (study.out) can be
// created and written, and the disk holding it has room for `tags`' checkpoints and results.
// Throws IoError naming the folder and what to do.
void checkOutputFolder(const StudyConfig& config, const std::vector<std::string>& tags);

} // namespace qks
