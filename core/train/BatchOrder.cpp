#include "train/BatchOrder.h"

#include "common/SeededDraw.h"

#include <numeric>
#include <utility>

namespace qks {

BatchOrder::BatchOrder(int64_t sequenceCount, uint64_t seed) : m_count(sequenceCount), m_seed(seed)
{
    shuffleEpoch();
}

void BatchOrder::shuffleEpoch()
{
    m_order.resize(static_cast<size_t>(m_count));
    std::iota(m_order.begin(), m_order.end(), 0);
    uint64_t state = m_seed * 0x100000001B3ull + static_cast<uint64_t>(m_epoch);
    for (int64_t i = m_count - 1; i > 0; --i) {
        const auto j = static_cast<int64_t>(splitmix64(state) % static_cast<uint64_t>(i + 1));
        std::swap(m_order[static_cast<size_t>(i)], m_order[static_cast<size_t>(j)]);
    }
}

std::vector<int64_t> BatchOrder::next(int64_t batch)
{
    std::vector<int64_t> out;
    out.reserve(static_cast<size_t>(batch));
    while (static_cast<int64_t>(out.size()) < batch) {
        if (m_position >= m_count) {
            ++m_epoch;
            m_position = 0;
            shuffleEpoch();
        }
        out.push_back(m_order[static_cast<size_t>(m_position++)]);
    }
    return out;
}

void BatchOrder::seek(int64_t epoch, int64_t position)
{
    m_epoch = epoch;
    m_position = position;
    shuffleEpoch();
}

} // namespace qks
