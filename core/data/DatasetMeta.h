#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qks {

inline constexpr const char* kDatasetMetaFile = "meta.json";
inline constexpr int kDatasetFormatVersion = 1;

// One text file `prepare` read, so a dataset can be traced back to (and checked against) its source.
struct SourceFile {
    std::string path; // relative to the source folder, '/' separated
    int64_t bytes = 0;
    std::string sha256; // lowercase hex
};

// meta.json of a folder written by `prepare`: what the shards hold and where they came from.
struct DatasetMeta {
    int formatVersion = kDatasetFormatVersion;
    int64_t vocabSize = 0;          // tokenizer vocabulary size (every id is below it)
    int64_t requestedVocabSize = 0; // --vocab-size; larger than vocabSize when merges ran out
    int64_t seqLen = 0;             // tokens per sequence the split was made with
    int tokenBytes = 2;             // 2: uint16 shards (v1), 4: uint32 shards (v7)
    int64_t eotId = -1;             // id of <|endoftext|>, placed between documents
    int64_t trainTokens = 0;
    int64_t valTokens = 0;
    int64_t trainSequences = 0;
    int64_t valSequences = 0;
    int64_t droppedTokens = 0; // tail shorter than one sequence
    std::vector<std::string> trainFiles; // shard names, in order, relative to the folder
    std::vector<std::string> valFiles;
    std::string tokenizerFile = "tokenizer.json";
    int64_t tokenizerMerges = 0;
    std::vector<std::string> specialTokens;
    std::string sourceRoot; // the --text folder as given
    int64_t sourceBytes = 0;
    std::vector<SourceFile> sources;
};

// Serialises to pretty JSON text (the file's content).
std::string datasetMetaToJsonText(const DatasetMeta& meta);

// Parses meta.json text; throws DataError naming `origin` and the offending key.
DatasetMeta datasetMetaFromJsonText(const std::string& text, const std::string& origin);

// meta.json of `dir`, or nullopt when the folder has none. Throws DataError when it is invalid.
std::optional<DatasetMeta> readDatasetMeta(const std::filesystem::path& dir);

} // namespace qks
