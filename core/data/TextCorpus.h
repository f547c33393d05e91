#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace qks {

// One file of a corpus: a .txt file is one document; a .jsonl file holds one document per
// line (see forEachJsonLinesDocument).
struct TextDocument {
    std::filesystem::path path; // absolute or as found under the root
    std::string relativePath;   // '/' separated, relative to the root
    std::string text;           // the file's bytes (UTF-8 expected, not required)
};

// Every *.txt and *.jsonl file under `root`, recursively, sorted by relative path (byte order)
// so the document order — and with it the token stream and the split — never depends on the
// file system. Throws DataError when `root` is missing or not a folder, or holds no such file;
// IoError when a file cannot be read.
// Symbolic links to folders are followed once: a folder (or file) reached a second time, by a
// link back to an ancestor (a loop) or a second link to it, is skipped and, when `skipped` is
// given, named there ("a/self -> . (already read as a)"); read twice, its documents would land
// in both the training and the validation split.
std::vector<std::filesystem::path> listTextFiles(const std::filesystem::path& root,
                                                 std::vector<std::string>* skipped = nullptr);
std::vector<TextDocument> readTextCorpus(const std::filesystem::path& root, std::vector<std::string>* skipped = nullptr);

bool isJsonLinesFile(const std::filesystem::path& path); // by extension: .jsonl

// JSON Lines (one JSON object per line, the layout of most published pre-training text):
// calls visit(text) with the string field `field` of each line, in order. Blank lines are
// skipped; a line that is not a JSON object, or lacks `field`, or whose `field` is not a string
// is a DataError naming `origin`:line. A UTF-8 byte order mark and \r\n line ends are fine.
void forEachJsonLinesDocument(std::string_view content, const std::string& field,
                              const std::string& origin,
                              const std::function<void(std::string&&)>& visit);

} // namespace qks
