#pragma once

#include "model/TransformerBlock.h"

namespace qks {

// block->forward(x) without keeping the block's activations for backward: only x is saved, and
// backward runs the block's forward again (with the autocast state of the first pass) before
// differentiating it. The parameters' gradients accumulate as without checkpointing, equal up
// to the order of floating-point sums. Costs one more forward per block; saves all of a block's
// intermediates but its input (ResourceEstimate's checkpointed activations).
torch::Tensor checkpointedBlockForward(TransformerBlockImpl& block, const torch::Tensor& x);

} // namespace qks
