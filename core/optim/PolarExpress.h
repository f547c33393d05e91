#pragma once

#include <torch/types.h>

#include <array>

namespace qks {

// (a, b, c) per step: X ← a·X + (b·A + c·A²)·X with A = X·Xᵀ.
inline constexpr std::array<std::array<double, 3>, 5> kPolarExpressCoefficients = {{
    {8.156554524902461, -22.48329292557795, 15.878769915207462},
    {4.042929935166739, -2.808917465908714, 0.5000178451051316},
    {3.8916678022926607, -2.772484153217685, 0.5060648178503393},
    {3.285753657755655, -2.3681294933425376, 0.46449024233003106},
    {2.3465413258596377, -1.7097828382687081, 0.42323551169305323},
}};

// Polar Express orthogonalisation used by Muon: five fixed polynomial steps that push every
// singular value of G towards 1. Runs in `dtype` (bf16 in the study; fp64 in tests).
// Transposes when rows > cols so the Gram products are the small ones.
torch::Tensor polarExpress(const torch::Tensor& G, torch::ScalarType dtype = torch::kBFloat16);

} // namespace qks
