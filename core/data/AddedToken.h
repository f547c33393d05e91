#pragma once

#include <cstdint>
#include <string>

namespace qks {

// A token added on top of the BPE vocabulary (e.g. <|endoftext|>); never produced by merges.
// Encoding cuts added tokens out of the text before anything else sees it, as Hugging Face
// tokenizers does (special ones only when asked: see BpeTokenizer::encode).
struct AddedToken {
    int32_t id = 0;
    std::string content;
    bool special = true;
    bool singleWord = false; // only where no word character touches it on either side
    bool lstrip = false;     // takes the whitespace before it along
    bool rstrip = false;     // takes the whitespace after it along
    bool normalized = false; // matched in the normalized text rather than the raw text

    bool operator==(const AddedToken&) const = default;
};

} // namespace qks
