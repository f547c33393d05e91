#pragma once

#include "data/DatasetMeta.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace qks {

struct PrepareOptions {
    std::filesystem::path textDir;        // every *.txt below it is one document
    std::filesystem::path outDir;         // created if missing
    int64_t vocabSize = 4096;             // 257 .. 4,294,967,295 (bytes + merges + <|endoftext|>)
    int64_t seqLen = 256;                 // tokens per sequence
    int64_t shardTokens = 100'000'000;    // most tokens per shard (rounded down to whole sequences)
    std::function<void(const std::string&)> log; // optional progress lines
};

struct PrepareReport {
    DatasetMeta meta;                 // what meta.json says
    std::filesystem::path outDir;
    int64_t documents = 0;            // non-empty .txt files
    int64_t uniqueWords = 0;          // distinct pre-tokenized pieces the tokenizer trained on
    double trainSeconds = 0;          // tokenizer training
    double encodeSeconds = 0;         // encoding every document
    double totalSeconds = 0;
};

// Text folder -> tokenizer + token shards, in outDir:
//   tokenizer.json   byte-level BPE trained on the corpus (Hugging Face format)
//   train_000000.bin llm.c shards (uint16 v1 when the vocabulary fits 65536 ids, else uint32 v7)
//   val_000000.bin
//   meta.json        sizes, counts, tokenizer, source files with sha256 (written last)
// Documents are joined with <|endoftext|> between them; the stream is cut into sequences of
// seqLen tokens (tail dropped) and sequence i goes to validation when i % 10 == 9.
// Every file is written through a temporary file and a rename; shards of an earlier run that
// the new meta.json does not list are removed.
// Throws ConfigError for a vocabulary size or sequence length out of range; DataError when the
// folder is missing, has no .txt files, only empty ones, or too little text for one training
// and one validation sequence; IoError when writing fails.
PrepareReport prepareTextCorpus(const PrepareOptions& options);

} // namespace qks
