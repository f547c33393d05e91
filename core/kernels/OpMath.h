#pragma once

#include <torch/types.h>

namespace qks {

// The type the original's `.float()` calls compute in: bf16 goes up to fp32 and fp32 stays;
// fp64 stays too, so a model moved to fp64 (tests comparing two implementations beyond fp32
// rounding) is fp64 throughout instead of rounded to fp32 at every norm.
inline torch::ScalarType opMathType(torch::ScalarType type)
{
    return type == torch::kDouble ? torch::kDouble : torch::kFloat;
}

} // namespace qks
