#pragma once

#include "data/ArrowTokenFile.h"
#include "data/TokenShard.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

struct TokenDatasetInfo {
    std::string format;         // "prepared" (meta.json folder), "shards" (llm.c folder), "file",
                                // "hf-arrow" (Hugging Face datasets folder or .arrow file)
    int64_t seqLen = 0;
    int64_t trainSequences = 0;
    int64_t valSequences = 0;
    int64_t trainTokens = 0;    // trainSequences * seqLen: the tokens training can see
    int64_t valTokens = 0;      // valSequences * seqLen
    int64_t totalTokens = 0;    // every token in every shard, tails included
    int32_t minId = 0;          // over every shard
    int32_t maxId = 0;
    int tokenBytes = 2;         // 2 (uint16 shards) or 4 (uint32); 4 if the shards mix both;
                                // hf-arrow: the widest integer input_ids holds (1, 2, 4 or 8)
    int64_t metaVocabSize = 0;  // meta.json's vocab_size; 0 without meta.json
    std::vector<std::string> files; // every shard path, train shards first
    bool valCarved = false;     // no validation shards: a seeded random 10% of train windows is validation

    // hf-arrow only.
    std::string hfLayout;       // "dataset" (state.json), "dataset_dict" (dataset_dict.json), "file"
    std::vector<std::string> hfSplits; // every split dataset_dict.json lists
    std::string trainSplit;     // the split read as training data ("train"; "" unless dataset_dict)
    std::string valSplit;       // the split read as validation ("validation", "val", "valid", "test"); "" when carved
    std::string columnType;     // input_ids' Arrow type, e.g. "list<int32>" (", "-joined when files differ)
    int64_t trainRows = 0;      // input_ids rows in the training files
    int64_t valRows = 0;        // ... in the validation files (0 when carved)
    int64_t minRowTokens = 0;   // shortest and longest row over every file
    int64_t maxRowTokens = 0;
};

// Throws DataError when `path` does not exist or cannot be reached (a symbolic link loop), saying
// so; what TokenDataset::open checks first, for callers that read a source's metadata before it.
void requireTokenSource(const std::filesystem::path& path);

// Fixed-length training sequences over memory-mapped token shards or Arrow files.
class TokenDataset {
public:
    // path: a folder written by `prepare` (meta.json + train_*.bin + val_*.bin), or any folder of
    // llm.c shards (files matching *train*.bin and *val*.bin, sorted by name; when no name says
    // train or val, every .bin is training data), or a single .bin file.
    // Or a Hugging Face datasets save_to_disk folder (state.json: a Dataset; dataset_dict.json: a
    // DatasetDict), or a single .arrow file: the input_ids rows of each split, concatenated in
    // state.json's file order and row order, are that split's stream (no separator is inserted:
    // rows are taken as tokenized). Rows of exactly seqLen tokens thus map 1:1 to sequences; other
    // rows are packed across. A DatasetDict's "train" split trains; "validation", else "val", else
    // "valid", else "test" validates (see readHfDatasetFiles).
    // Without validation shards (or split) a seeded random 10% of the training stream's windows
    // is carved out (heldOutWindows, data/ValidationSplit.h): the same for every run.
    // Sequences are non-overlapping windows of seqLen tokens over each split's concatenated
    // stream (a tail shorter than seqLen is dropped).
    // Throws DataError if a split has fewer than 1 sequence, a shard is corrupt, or a token id is
    // >= vocabSize (vocabSize <= 0: no check); ConfigError if seqLen < 1.
    static TokenDataset open(const std::filesystem::path& path, int64_t seqLen, int64_t vocabSize);

    TokenDataset(TokenDataset&&) noexcept = default;
    TokenDataset& operator=(TokenDataset&&) noexcept = default;
    TokenDataset(const TokenDataset&) = delete;
    TokenDataset& operator=(const TokenDataset&) = delete;

    const TokenDatasetInfo& info() const { return m_info; }
    int64_t seqLen() const { return m_info.seqLen; }
    int64_t trainCount() const { return m_info.trainSequences; }
    int64_t valCount() const { return m_info.valSequences; }

    // Write seqLen ids, widened to int64 (torch's kLong), to `out`. Throws std::out_of_range
    // for an index outside [0, count).
    void copyTrainSequence(int64_t index, int64_t* out) const;
    void copyValSequence(int64_t index, int64_t* out) const;

private:
    // A file of one split's stream: a token shard or an Arrow file's input_ids.
    struct Part {
        bool arrow = false;
        size_t index = 0; // into m_shards or m_arrow
    };
    // The files of one split read as one concatenated stream.
    struct Stream {
        std::vector<Part> parts;
        std::vector<int64_t> starts; // stream offset of each part's first token
        int64_t tokens = 0;
    };

    TokenDataset() = default;
    void openHf(const std::filesystem::path& path);
    void add(Stream& stream, Part part, const std::filesystem::path& file);
    int64_t partSize(Part part) const;
    void copy(const Stream& stream, int64_t offset, int64_t count, int64_t* out) const;
    void finish(const std::string& origin, int64_t seqLen, int64_t vocabSize);

    std::vector<TokenShard> m_shards;
    std::vector<ArrowTokenFile> m_arrow;
    Stream m_train;
    Stream m_val;
    TokenDatasetInfo m_info;
    int64_t m_vocabSize = 0; // ids at or above it are refused per read too (0: unchecked)
    std::vector<int64_t> m_trainWindows, m_valWindows; // carved only: each split's windows, ascending
};

} // namespace qks
