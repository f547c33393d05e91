#pragma once

#include "data/BpeTokenizer.h"

#include <filesystem>
#include <string>

namespace qks {

// Hugging Face tokenizer.json for byte-level BPE: model type BPE (vocab map, merges as
// "left right" strings), ByteLevel pre-tokenizer / post-processor / decoder, added_tokens.
// The files open in `tokenizers.Tokenizer.from_file` and `transformers`. Writing keeps the
// settings of a loaded tokenizer (normalizer, pre-tokenizer steps, model flags, added-token
// options); the post-processor written is always ByteLevel.
std::string tokenizerToJsonText(const BpeTokenizer& tokenizer);
void saveTokenizerJson(const BpeTokenizer& tokenizer, const std::filesystem::path& path); // atomic

// Reads any byte-level BPE tokenizer.json (GPT-2, SmolLM2, StarCoder, Llama 3, Qwen 2 and the
// like; the components supported are listed in TokenizerJsonSettings.h). Accepts merges as
// "left right" strings or as ["left", "right"] pairs (tokenizers >= 0.20). The post_processor,
// truncation and padding are not read: encoding gives the ids of tokenizers'
// encode(text, add_special_tokens=False), which is what pre-training on raw text uses.
// Ids are taken from the file (tokenizers renumbers added tokens in list order when loading;
// a consistent file gets the same ids either way). Throws DataError naming `origin` when the
// file is not byte-level BPE, uses a component that is not implemented, or is inconsistent.
BpeTokenizer tokenizerFromJsonText(const std::string& text, const std::string& origin);
BpeTokenizer loadTokenizerJson(const std::filesystem::path& path);

// OpenAI's original GPT-2 files: encoder.json (token -> id) and vocab.bpe (a version line, then
// one "left right" merge per line). "<|endoftext|>" becomes a special added token when present.
BpeTokenizer loadGpt2EncoderFiles(const std::filesystem::path& encoderJson,
                                  const std::filesystem::path& vocabBpe);

} // namespace qks
