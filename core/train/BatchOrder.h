#pragma once

#include <cstdint>
#include <vector>

namespace qks {

// Which training sequences each micro-step reads: a fresh seeded permutation per epoch, so
// every condition of a study sees the same data in the same order. Fisher–Yates on
// splitmix64 keeps the order identical on every platform and standard library.
class BatchOrder {
public:
    BatchOrder(int64_t sequenceCount, uint64_t seed);

    // The next `batch` sequence indices (wrapping into a new epoch when needed).
    std::vector<int64_t> next(int64_t batch);

    int64_t epoch() const { return m_epoch; }
    int64_t position() const { return m_position; }
    // Jumps to a saved place (for resume): regenerates that epoch's permutation.
    void seek(int64_t epoch, int64_t position);

private:
    void shuffleEpoch();

    int64_t m_count;
    uint64_t m_seed;
    int64_t m_epoch = 0;
    int64_t m_position = 0;
    std::vector<int64_t> m_order;
};

} // namespace qks
