#pragma once

#include "data/BpeTokenizer.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace qks {

// The tokenizer.json components around the BPE vocabulary: normalizer, pre_tokenizer, decoder
// and the model's flags, read into BpeSettings and written back. What cannot change ids
// (post_processor, truncation, padding, ByteLevel's trim_offsets) is not read; whatever would
// change ids or decoding and is not implemented is a DataError naming the file and component.
//
// Read (byte-level BPE only):
//   normalizer     null, NFC, NFD, NFKC, NFKD, or a Sequence of them
//   pre_tokenizer  ByteLevel (last), Split (Regex or String pattern, any behavior, invert),
//                  Digits, or a Sequence of them
//   decoder        null or ByteLevel (a Sequence of ByteLevel included)
//   model          BPE: dropout null or 0, unk_token, fuse_unk, ignore_merges; byte_fallback,
//                  continuing_subword_prefix and end_of_word_suffix must be off
BpeSettings bpeSettingsFromJson(const nlohmann::json& root, const std::string& origin);

// Writes "normalizer" and "pre_tokenizer" of `root`, and the flags of root["model"].
void bpeSettingsToJson(const BpeSettings& settings, nlohmann::ordered_json& root);

} // namespace qks
