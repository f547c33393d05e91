#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace qks {

// One text file of a corpus: one document.
struct TextDocument {
    std::filesystem::path path; // absolute or as found under the root
    std::string relativePath;   // '/' separated, relative to the root
    std::string text;           // the file's bytes (UTF-8 expected, not required)
};

// Every *.txt file under `root`, recursively, sorted by relative path (byte order) so the
// document order — and with it the token stream and the split — never depends on the file
// system. Throws DataError when `root` is missing or not a folder, or holds no .txt file;
// IoError when a file cannot be read.
std::vector<std::filesystem::path> listTextFiles(const std::filesystem::path& root);
std::vector<TextDocument> readTextCorpus(const std::filesystem::path& root);

} // namespace qks
