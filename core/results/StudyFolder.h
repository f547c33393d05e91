#pragma once

#include "results/RunResults.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// One condition found in a study folder. Exactly one of `results` and `error` is set, so a
// corrupt file is reported next to the conditions that did load.
struct StudyEntry {
    std::filesystem::path folder;     // the folder holding results.json
    std::string tag;                  // the file's tag when it loaded, else the folder name
    std::optional<RunResults> results;
    std::string error;                // why it did not load (the DataError/IoError text)
    std::string warning;              // loaded, but something a reader should know (a tag that is not the folder's)

    bool ok() const { return results.has_value(); }
};

// The conditions under `dir`: `dir` itself when it holds a results.json (a single condition),
// otherwise each immediate subfolder that holds one, ordered QK, QK_frozen, NoQK first and the
// rest by folder name. Subfolders without results.json (figures, checkpoints) are skipped.
// Throws IoError when `dir` is not a readable folder; an empty result means none was found.
std::vector<StudyEntry> listStudy(const std::filesystem::path& dir);

} // namespace qks
