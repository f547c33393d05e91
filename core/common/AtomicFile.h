#pragma once

#include <filesystem>
#include <string_view>

namespace qks {

// Writes `bytes` to `path` through a temporary file in the same folder, fsync, then rename,
// so a crash leaves either the old file or the new one, never a torn one. Throws IoError.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole file; throws IoError naming the path.
std::string readFile(const std::filesystem::path& path);

} // namespace qks
