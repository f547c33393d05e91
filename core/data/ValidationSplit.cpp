#include "data/ValidationSplit.h"

#include "common/SeededDraw.h"

#include <algorithm>

namespace qks {

namespace {
constexpr uint64_t kSplitDraws = 0x73706c6974; // "split": this purpose's stream (SeededDraw.h)
}

std::vector<int64_t> heldOutWindows(int64_t windows)
{
    std::vector<int64_t> held = firstOfPermutation(windows, windows / 10, drawStream(kSplitDraws, kValidationSplitSeed));
    std::sort(held.begin(), held.end());
    return held;
}

std::vector<int64_t> trainingWindows(int64_t windows, const std::vector<int64_t>& heldOut)
{
    std::vector<int64_t> train;
    train.reserve(static_cast<size_t>(windows) - heldOut.size());
    size_t next = 0;
    for (int64_t w = 0; w < windows; ++w) {
        if (next < heldOut.size() && heldOut[next] == w)
            ++next;
        else
            train.push_back(w);
    }
    return train;
}

} // namespace qks
