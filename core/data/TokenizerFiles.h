#pragma once

#include "data/BpeTokenizer.h"

#include <filesystem>
#include <string>

namespace qks {

// Where a tokenizer comes from on disk, and how to load it: a Hugging Face tokenizer.json, or
// the older pair of files GPT-2 shipped in two spellings (vocab.json + merges.txt as in
// Hugging Face model folders, encoder.json + vocab.bpe as OpenAI published them).
struct TokenizerFiles {
    enum class Kind { TokenizerJson, VocabMerges };
    Kind kind = Kind::TokenizerJson;
    std::filesystem::path main;   // tokenizer.json, or the vocabulary (token -> id) JSON
    std::filesystem::path merges; // the merges text file (VocabMerges only)
};

// Resolves `path`: a tokenizer.json (any *.json other than the two vocabulary names), a
// vocab.json or encoder.json (the merges file beside it), a merges.txt or vocab.bpe (the
// vocabulary beside it), or a folder holding tokenizer.json, else vocab.json + merges.txt,
// else encoder.json + vocab.bpe. Other files in a model folder (tokenizer_config.json,
// special_tokens_map.json) are not read. Throws DataError naming what is missing.
TokenizerFiles findTokenizerFiles(const std::filesystem::path& path);

BpeTokenizer loadTokenizer(const TokenizerFiles& files);
BpeTokenizer loadTokenizer(const std::filesystem::path& path); // findTokenizerFiles + load

// vocab.json + merges.txt (GPT-2 settings; "<|endoftext|>" becomes a special added token when
// the vocabulary has it). The same format as loadGpt2EncoderFiles, named the Hugging Face way.
BpeTokenizer loadVocabMergesFiles(const std::filesystem::path& vocabJson,
                                  const std::filesystem::path& mergesTxt);

} // namespace qks
