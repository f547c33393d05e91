#pragma once

#include "data/DatasetMeta.h"
#include "data/TokenDataset.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace qks {

struct PrepareArrowOptions {
    std::filesystem::path arrowPath;   // a datasets save_to_disk folder (Dataset or DatasetDict) or one .arrow file
    std::filesystem::path outDir;      // created if missing; must not be the source folder
    int64_t seqLen = 0;                // tokens per sequence
    int64_t vocabSize = 0;             // > 0: every id must be below it; 0: the largest id + 1
    int64_t shardTokens = 100'000'000; // most tokens per shard (rounded down to whole sequences)
    std::function<void(const std::string&)> log; // optional progress lines
};

struct PrepareArrowReport {
    DatasetMeta meta;          // what meta.json says
    std::filesystem::path outDir;
    TokenDatasetInfo source;   // the Hugging Face data as read (splits, rows, column type)
    double totalSeconds = 0;
};

// Hugging Face datasets folder (already tokenized: an input_ids column) -> llm.c token shards with
// meta.json in outDir, so the same data trains without the Arrow files (and with uint16 shards,
// half the size, when the vocabulary fits). The sequences are exactly those TokenDataset::open
// serves for the folder at seqLen: each split's rows concatenated and cut into windows of seqLen
// (tails dropped); validation from the validation split, else a seeded random 10% of train's windows. No
// tokenizer is written (the folder has none): meta.json's "tokenizer" is null and eot_id -1.
// Throws ConfigError for a bad sequence length, vocabulary size or output folder; DataError for
// anything TokenDataset::open rejects (including an id >= vocabSize); IoError when writing fails.
PrepareArrowReport prepareArrowDataset(const PrepareArrowOptions& options);

} // namespace qks
