#pragma once

#include <cstdint>
#include <vector>

namespace qks {

// The original holds out a seeded random 10% of its rows (HF train_test_split(seed=42)); data
// without a validation split of its own is split the same way here, by `prepare` and by
// TokenDataset alike, with the same seed for every condition and every train.seed.
constexpr uint64_t kValidationSplitSeed = 42;

// The windows (fixed-length sequences, numbered along the stream) held out for validation:
// floor(windows / 10) of them, drawn at random from kValidationSplitSeed, in ascending order.
std::vector<int64_t> heldOutWindows(int64_t windows);

// The complement: the training windows in ascending order.
std::vector<int64_t> trainingWindows(int64_t windows, const std::vector<int64_t>& heldOut);

} // namespace qks
