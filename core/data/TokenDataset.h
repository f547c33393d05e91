#pragma once

#include "data/TokenShard.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

struct TokenDatasetInfo {
    std::string format;         // "prepared" (meta.json folder), "shards" (llm.c folder), "file"
    int64_t seqLen = 0;
    int64_t trainSequences = 0;
    int64_t valSequences = 0;
    int64_t trainTokens = 0;    // trainSequences * seqLen: the tokens training can see
    int64_t valTokens = 0;      // valSequences * seqLen
    int64_t totalTokens = 0;    // every token in every shard, tails included
    int32_t minId = 0;          // over every shard
    int32_t maxId = 0;
    int tokenBytes = 2;         // 2 (uint16 shards) or 4 (uint32); 4 if the shards mix both
    int64_t metaVocabSize = 0;  // meta.json's vocab_size; 0 without meta.json
    std::vector<std::string> files; // every shard path, train shards first
    bool valCarved = false;     // no validation shards: every 10th train sequence is validation
};

// Fixed-length training sequences over memory-mapped token shards.
class TokenDataset {
public:
    // path: a folder written by `prepare` (meta.json + train_*.bin + val_*.bin), or any folder of
    // llm.c shards (files matching *train*.bin and *val*.bin, sorted by name; when no name says
    // train or val, every .bin is training data), or a single .bin file.
    // Without validation shards a deterministic 10% is carved out: sequence i of the training
    // stream is validation when i % 10 == 9.
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
    // The shards of one split read as one concatenated stream.
    struct Stream {
        std::vector<size_t> shards;  // indices into m_shards
        std::vector<int64_t> starts; // stream offset of each shard's first token
        int64_t tokens = 0;
        void copy(const std::vector<TokenShard>& all, int64_t offset, int64_t count, int64_t* out) const;
    };

    TokenDataset() = default;
    void finish(const std::string& origin, int64_t seqLen, int64_t vocabSize);

    std::vector<TokenShard> m_shards;
    Stream m_train;
    Stream m_val;
    TokenDatasetInfo m_info;
};

} // namespace qks
