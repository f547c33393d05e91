#pragma once

#include <span>

namespace qks {

// Statistics of one layer's k_norm scale γ (d_k values), as the study records them.
struct GammaStats {
    double mean = 0.0;
    double std = 0.0; // unbiased (n-1), as torch.std; 0 for a single value
    double cv = 0.0;  // std/|mean|, 0 when |mean| < 1e-8 so a vanishing γ does not blow up
    double min = 0.0;
    double max = 0.0;
};

// Accumulates in float64. Throws DataError for an empty γ (a layer without QK-norm has none).
GammaStats gammaStats(std::span<const float> gamma);

} // namespace qks
