#pragma once

#include "data/BpeTokenizer.h"

#include <filesystem>
#include <string>

namespace qks {

// Hugging Face tokenizer.json for byte-level BPE: model type BPE (vocab map, merges as
// "left right" strings), ByteLevel pre-tokenizer / post-processor / decoder, added_tokens.
// The files open in `tokenizers.Tokenizer.from_file` and `transformers`.
std::string tokenizerToJsonText(const BpeTokenizer& tokenizer);
void saveTokenizerJson(const BpeTokenizer& tokenizer, const std::filesystem::path& path); // atomic

// Accepts merges as "left right" strings or as ["left", "right"] pairs (tokenizers >= 0.20).
// Throws DataError naming `origin` when the file is not byte-level BPE or is inconsistent.
BpeTokenizer tokenizerFromJsonText(const std::string& text, const std::string& origin);
BpeTokenizer loadTokenizerJson(const std::filesystem::path& path);

// OpenAI's original GPT-2 files: encoder.json (token -> id) and vocab.bpe (a version line, then
// one "left right" merge per line). "<|endoftext|>" becomes a special added token when present.
BpeTokenizer loadGpt2EncoderFiles(const std::filesystem::path& encoderJson,
                                  const std::filesystem::path& vocabBpe);

} // namespace qks
