#pragma once

#include "data/BpeTokenizer.h"
#include "data/DatasetMeta.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace qks {

struct PrepareOptions {
    std::filesystem::path textDir;        // every *.txt below it is one document, every *.jsonl line one
    std::filesystem::path outDir;         // created if missing
    // Trained tokenizer: 257 .. 4,294,967,295 (bytes + merges + <|endoftext|>). Given tokenizer:
    // 0 takes its size; anything else must equal it.
    int64_t vocabSize = 4096;
    int64_t seqLen = 256;                 // tokens per sequence
    int64_t shardTokens = 100'000'000;    // most tokens per shard (rounded down to whole sequences)
    // A tokenizer to use instead of training one: tokenizer.json, vocab.json (+ merges.txt), or a
    // folder holding either (see findTokenizerFiles). Empty: train one on the corpus.
    std::filesystem::path tokenizerPath;
    std::string textField = "text";       // .jsonl: the field holding each document's text
    std::function<void(const std::string&)> log; // optional progress lines
};

struct PrepareReport {
    DatasetMeta meta;                 // what meta.json says
    std::filesystem::path outDir;
    int64_t documents = 0;            // non-empty documents (.txt files, .jsonl lines)
    int64_t uniqueWords = 0;          // distinct pre-tokenized pieces the tokenizer trained on (0: given)
    std::string tokenizerSource;      // the tokenizer file(s) given; empty when trained here
    std::string endOfText;            // the document separator's text; empty when there is none
    double trainSeconds = 0;          // tokenizer training (or loading, when given)
    double encodeSeconds = 0;         // encoding every document
    double totalSeconds = 0;
};

// The token placed between documents, for a given tokenizer: the first added token among
//   <|endoftext|> (GPT-2, SmolLM2, Qwen, GPT-NeoX, StarCoder), <|end_of_text|> (Llama 3),
//   </s>, <eos>, <｜end▁of▁sentence｜> (DeepSeek)
// — end-of-document tokens, not chat end-of-turn ones like <|im_end|> or <|eot_id|>. None: the
// documents are concatenated without a separator.
std::optional<AddedToken> documentSeparator(const BpeTokenizer& tokenizer);

// Text folder -> tokenizer + token shards, in outDir:
//   tokenizer.json   byte-level BPE trained on the corpus (Hugging Face format), or the given
//                    tokenizer: a tokenizer.json copied byte for byte, vocab.json + merges.txt
//                    written as tokenizer.json
//   train_000000.bin llm.c shards (uint16 v1 when the vocabulary fits 65536 ids, else uint32 v7)
//   val_000000.bin
//   meta.json        sizes, counts, tokenizer, source files with sha256 (written last)
// Documents are joined with the separator between them (<|endoftext|> for a trained tokenizer,
// documentSeparator() for a given one); text that spells a special token stays ordinary text.
// The stream is cut into sequences of seqLen tokens (tail dropped) and sequence i goes to
// validation when i % 10 == 9.
// Every file is written through a temporary file and a rename; shards of an earlier run that
// the new meta.json does not list are removed.
// Throws ConfigError for a vocabulary size or sequence length out of range, or a vocabulary
// size that differs from the given tokenizer's; DataError when the folder is missing, has no
// .txt or .jsonl files, only empty ones, a malformed .jsonl line, too little text for one
// training and one validation sequence, or the tokenizer cannot be loaded; IoError when
// writing fails.
PrepareReport prepareTextCorpus(const PrepareOptions& options);

// Removes train_NNNNNN.bin / val_NNNNNN.bin files in `dir` that `meta` does not list: shards an
// earlier run left behind would be mistaken for data by anyone globbing the folder.
void removeStaleShards(const std::filesystem::path& dir, const DatasetMeta& meta);

} // namespace qks
