#include "common/SeededDraw.h"

#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace qks {

uint64_t splitmix64(uint64_t& state)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t drawStream(uint64_t purpose, uint64_t seed, uint64_t index)
{
    uint64_t state = purpose;
    state ^= splitmix64(state) + seed;
    state ^= splitmix64(state) + index;
    splitmix64(state);
    return state;
}

std::vector<int64_t> firstOfPermutation(int64_t n, int64_t count, uint64_t state)
{
    if (count < 0 || count > n)
        throw std::invalid_argument("firstOfPermutation: count outside 0..n");
    // Only the swapped places are stored: a draw of 32 from millions of sequences stays small.
    std::unordered_map<int64_t, int64_t> moved;
    const auto at = [&](int64_t i) {
        const auto it = moved.find(i);
        return it == moved.end() ? i : it->second;
    };
    std::vector<int64_t> out;
    out.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
        const auto j = i + static_cast<int64_t>(splitmix64(state) % static_cast<uint64_t>(n - i));
        const int64_t picked = at(j);
        moved[j] = at(i);
        out.push_back(picked);
    }
    return out;
}

} // namespace qks
