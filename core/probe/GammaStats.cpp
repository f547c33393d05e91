#include "probe/GammaStats.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>

namespace qks {

GammaStats gammaStats(std::span<const float> gamma)
{
    if (gamma.empty())
        throw DataError("gamma statistics need at least one γ value; the layer has no QK-norm scale");
    const double n = static_cast<double>(gamma.size());
    GammaStats s;
    s.min = s.max = gamma[0];
    double sum = 0.0;
    for (float g : gamma) {
        sum += g;
        s.min = std::min<double>(s.min, g);
        s.max = std::max<double>(s.max, g);
    }
    s.mean = sum / n;
    // Two passes: the spread of γ around 1 is small, and Σx² − n·mean² would cancel it away.
    double sq = 0.0;
    for (float g : gamma)
        sq += (g - s.mean) * (g - s.mean);
    s.std = gamma.size() > 1 ? std::sqrt(sq / (n - 1.0)) : 0.0;
    s.cv = std::abs(s.mean) < 1e-8 ? 0.0 : s.std / std::abs(s.mean);
    return s;
}

} // namespace qks
