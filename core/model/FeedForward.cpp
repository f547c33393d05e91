#include "model/FeedForward.h"

#include "kernels/FusedCpuOps.h"

#include <torch/torch.h>

namespace qks {

FeedForwardImpl::FeedForwardImpl(int64_t dModel, int64_t dFf)
{
    up_proj = register_module("up_proj", torch::nn::Linear(torch::nn::LinearOptions(dModel, dFf).bias(false)));
    down_proj = register_module("down_proj", torch::nn::Linear(torch::nn::LinearOptions(dFf, dModel).bias(false)));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x)
{
    if (m_fused && fusedKernelsTake(x))
        return fusedLinear(fusedSquaredRelu(fusedLinear(x, up_proj->weight)), down_proj->weight);
    const auto up = up_proj->forward(x);
    return down_proj->forward(torch::relu(up).square());
}

} // namespace qks
