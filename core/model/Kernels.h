#pragma once

#include <string>

namespace qks {

// Which implementation of the model's CPU hot spots runs; both compute the same functions.
// Reference repeats the original module's operations one for one (the golden test holds it to
// the PyTorch run at 1e-6). Fused takes fewer passes over memory: the tied head's cross
// entropy without (N, V) autograd intermediates (LinearCrossEntropy.h) and grouped-query
// attention that reads each K/V head in place instead of repeating it, with the causal mask
// built once. CUDA runs Reference's operations (bf16 autocast, fused SDPA on LibTorch 2.x).
enum class Kernels { Fused, Reference };

// train.kernels ("fused" | "reference", checked by validation) as the enum.
inline Kernels kernelsNamed(const std::string& name)
{
    return name == "reference" ? Kernels::Reference : Kernels::Fused;
}

inline const char* kernelsName(Kernels kernels)
{
    return kernels == Kernels::Reference ? "reference" : "fused";
}

} // namespace qks
