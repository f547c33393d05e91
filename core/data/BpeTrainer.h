#pragma once

#include "data/BpeTokenizer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qks {

struct BpeTrainerOptions {
    int64_t vocabSize = 4096;                               // 256 bytes + merges + special tokens
    std::vector<std::string> specialTokens = {"<|endoftext|>"}; // get the last ids, in this order
    int64_t minPairCount = 2;  // stop merging when the best pair occurs fewer times than this
    // Called every 256 merges and at the end with (tokens learnt, tokens wanted).
    std::function<void(int64_t, int64_t)> progress;
};

// Trains a GPT-2 style byte-level BPE. Feed text with addText (each call is pre-tokenized at
// once, so the text need not outlive the call), then call train once.
//
// Vocabulary layout: ids 0-255 are the bytes in GPT-2's order (so they match GPT-2's
// encoder.json), then one id per merge in the order learnt, then the special tokens.
// The merge picked is the most frequent adjacent pair; ties go to the pair whose
// (left id, right id) is smallest, so training is deterministic.
// The result may be smaller than vocabSize when fewer pairs than wanted reach minPairCount.
class BpeTrainer {
public:
    BpeTrainer();
    ~BpeTrainer();

    void addText(std::string_view text);
    int64_t uniqueWords() const;
    // Throws ConfigError if vocabSize < 256 + number of special tokens.
    BpeTokenizer train(const BpeTrainerOptions& options);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace qks
