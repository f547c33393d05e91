#pragma once

#include "results/RunResults.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace qks {

// Parses the text of a results.json. `source` (usually the path) starts every message.
// Accepts the published files exactly, plus Python's bare NaN/Infinity. null in a PR or γ
// array becomes NaN; null in loss/val_loss means "no value". Unknown top-level keys go to
// RunResults::extra. Throws DataError when the text is not JSON, a required key (tag, tokens,
// loss, val_loss, mean_pr, layer_pr) is missing, a value has the wrong type, layer keys are
// not "0".."L-1", or validateResults() finds a problem.
RunResults parseResults(std::string_view text, const std::string& source);

// readFile + parseResults. IoError when the file cannot be read.
RunResults readResults(const std::filesystem::path& path);

// The JSON document: schema keys in schema order, layer keys in numeric order, gamma_cv always
// (`{}` when empty), gamma_final only when present, then the extra keys. Non-finite numbers
// become null, so the output is always valid JSON. Throws DataError if an extra key reuses a
// schema key.
nlohmann::ordered_json resultsToJson(const RunResults& r);

// resultsToJson as the text Python's json.dump(indent=2) writes for the same values (two-space
// indent, ASCII only, no trailing newline, floats as repr), so rewriting a published file
// reproduces it byte for byte.
std::string resultsToJsonText(const RunResults& r);

// Validates (DataError listing the problems, nothing written) and then writes atomically, so
// a reader never sees a half-written file and a rejected write leaves the old file in place.
void writeResults(const RunResults& r, const std::filesystem::path& path);

} // namespace qks
