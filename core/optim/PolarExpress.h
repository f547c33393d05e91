#pragma once

#include <torch/types.h>

namespace qks {

// Polar Express orthogonalisation used by Muon: five fixed polynomial steps that push every
// singular value of G towards 1. Runs in `dtype` (bf16 in the study; fp64 in tests).
// Transposes when rows > cols so the Gram products are the small ones.
torch::Tensor polarExpress(const torch::Tensor& G, torch::ScalarType dtype = torch::kBFloat16);

} // namespace qks
