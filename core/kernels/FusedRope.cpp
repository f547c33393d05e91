#include "kernels/FusedCpuOps.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <torch/torch.h>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Rotates every (2i, 2i+1) pair of src by +angle (forward) or −angle (the gradient).
template <typename scalar_t>
void rotatePairs(const torch::Tensor& src, torch::Tensor& dst, const torch::Tensor& cos, const torch::Tensor& sin, bool inverse)
{
    const int64_t B = src.size(0), T = src.size(1), H = src.size(2), half = src.size(3) / 2;
    const scalar_t* S = src.data_ptr<scalar_t>();
    scalar_t* D = dst.data_ptr<scalar_t>();
    const scalar_t* C = cos.data_ptr<scalar_t>();
    const scalar_t* N = sin.data_ptr<scalar_t>();
    at::parallel_for(0, B * T, std::max<int64_t>(1, 8192 / (H * half * 2)), [&](int64_t begin, int64_t end) {
        for (int64_t bt = begin; bt < end; ++bt) {
            const scalar_t* c = C + (bt % T) * half;
            const scalar_t* s = N + (bt % T) * half;
            for (int64_t h = 0; h < H; ++h) {
                const scalar_t* in = S + (bt * H + h) * 2 * half;
                scalar_t* out = D + (bt * H + h) * 2 * half;
                for (int64_t i = 0; i < half; ++i) {
                    const scalar_t even = in[2 * i], odd = in[2 * i + 1];
                    if (inverse) {
                        out[2 * i] = even * c[i] + odd * s[i];
                        out[2 * i + 1] = odd * c[i] - even * s[i];
                    } else {
                        out[2 * i] = even * c[i] - odd * s[i];
                        out[2 * i + 1] = odd * c[i] + even * s[i];
                    }
                }
            }
        }
    });
}

torch::Tensor rotate(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, bool inverse)
{
    const auto src = x.contiguous();
    auto dst = torch::empty_like(src);
    AT_DISPATCH_FLOATING_TYPES(src.scalar_type(), "qks_rope", [&] { rotatePairs<scalar_t>(src, dst, cos, sin, inverse); });
    return dst;
}

class RopeFunction : public torch::autograd::Function<RopeFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin)
    {
        const int64_t T = x.size(1);
        const auto c = cos.slice(0, 0, T).to(x.scalar_type()).contiguous();
        const auto s = sin.slice(0, 0, T).to(x.scalar_type()).contiguous();
        ctx->saved_data["cos"] = c;
        ctx->saved_data["sin"] = s;
        return rotate(x, c, s, false);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        return {rotate(gradOutputs[0], ctx->saved_data["cos"].toTensor(), ctx->saved_data["sin"].toTensor(), true),
                torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor fusedRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin)
{
    return RopeFunction::apply(x, cos, sin);
}

} // namespace qks
