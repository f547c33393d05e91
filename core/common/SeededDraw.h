#pragma once

#include <cstdint>
#include <vector>

namespace qks {

// The random choices of data that a study makes (the validation split, the data order, the
// probe batch, the validation draws), all from splitmix64 so that they are the same on every
// platform, standard library and LibTorch version, and can be recomputed for a resume.
// docs/design.md §1.7 says how they differ from the original's PyTorch and HF draws.

// One splitmix64 step: advances `state` and returns the next 64 random bits.
uint64_t splitmix64(uint64_t& state);

// A state for the draws of one purpose (a named constant), seed and index: distinct purposes
// and indices give unrelated streams.
uint64_t drawStream(uint64_t purpose, uint64_t seed, uint64_t index = 0);

// The first `count` entries of a uniformly random permutation of 0 .. n−1 drawn from `state`
// (count ≤ n), in draw order: a forward Fisher–Yates stopped after `count` swaps.
std::vector<int64_t> firstOfPermutation(int64_t n, int64_t count, uint64_t state);

} // namespace qks
