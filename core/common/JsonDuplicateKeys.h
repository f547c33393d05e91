#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qks {

// The first key an object of `text` repeats, as its path ("train.muon_lr"), or nullopt when no
// object repeats a key or the text is not valid JSON (the caller's parse reports that).
// nlohmann keeps the last of two equal keys without a word, so a hand-edited configuration
// holding "muon_lr" twice would train at whichever value came later.
std::optional<std::string> firstDuplicateJsonKey(std::string_view text);

} // namespace qks
