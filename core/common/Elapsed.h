#pragma once

#include <chrono>

namespace qks {

// Wall time since `start` on the monotonic clock, for progress lines and benchmarks.
using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace qks
