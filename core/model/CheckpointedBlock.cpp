#include "model/CheckpointedBlock.h"

#include "model/Autocast.h"

#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

struct CheckpointedBlockFunction : torch::autograd::Function<CheckpointedBlockFunction> {
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, TransformerBlockImpl* block)
    {
        // The block outlives its backward (the model owns it); an IValue holds no raw pointer.
        ctx->saved_data["block"] = reinterpret_cast<int64_t>(block);
        ctx->saved_data["autocast"] = cudaAutocastEnabled();
        ctx->save_for_backward({x});
        return block->forward(x); // grad mode is off in here: nothing of the block is kept
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        auto* block = reinterpret_cast<TransformerBlockImpl*>(ctx->saved_data["block"].toInt());
        const torch::Tensor x = ctx->get_saved_variables()[0].detach().requires_grad_(true);
        torch::Tensor y;
        {
            // The CUDA backward runs on the engine's own thread, where autocast is off.
            torch::AutoGradMode enableGrad(true);
            AutocastScope scope(x.device(), ctx->saved_data["autocast"].toBool());
            y = block->forward(x);
        }
        // Re-entrant: the parameters' gradients accumulate into their .grad here.
        torch::autograd::backward({y}, {gradOutputs[0]});
        return {x.grad(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor checkpointedBlockForward(TransformerBlockImpl& block, const torch::Tensor& x)
{
    if (!x.requires_grad()) // nothing upstream to differentiate: the parameters' gradients come
        return block.forward(x); // from the graph built here, as without checkpointing
    return CheckpointedBlockFunction::apply(x, &block);
}

} // namespace qks
