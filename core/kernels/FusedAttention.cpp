#include "kernels/FusedCpuOps.h"

#include "kernels/CpuGemm.h"
#include "kernels/SoftmaxMath.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <cmath>
#include <torch/torch.h>
#include <vector>

namespace qks {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Query rows per product: the rows of a block attend to keys 0..end of the block only, so the
// products skip the masked part above the diagonal a block at a time (3/4 of the work at T = 128,
// about 1/2 at T = 2048).
constexpr int64_t kRowBlock = 64;

// A (B, T, heads, d_k) operand read in place: rows of one head are `row` apart.
template <typename T>
struct Heads {
    explicit Heads(const torch::Tensor& x)
        : data(x.data_ptr<T>()), batch(x.stride(0)), row(x.stride(1)), dk(x.size(3))
    {
    }
    T* at(int64_t b, int64_t head) const { return data + b * batch + head * dk; }
    T* data;
    int64_t batch, row, dk;
};

// Last two dimensions packed (head after head, d_k unit stride), so a head is a strided matrix.
torch::Tensor headsReadable(const torch::Tensor& x)
{
    return x.stride(3) == 1 && x.stride(2) == x.size(3) ? x : x.contiguous();
}

// Row t of the scores in place: causal softmax over 0..t, zeros after.
template <typename T>
void causalSoftmaxRow(T* row, int64_t t, int64_t width)
{
    const T sum = expShiftedSum(row, t + 1, maxOf(row, t + 1));
    const T inv = T(1) / sum;
    for (int64_t j = 0; j <= t; ++j)
        row[j] *= inv;
    for (int64_t j = t + 1; j < width; ++j)
        row[j] = T(0);
}

class CausalAttentionFunction : public torch::autograd::Function<CausalAttentionFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& qIn, const torch::Tensor& kIn,
                                 const torch::Tensor& vIn)
    {
        const auto q = headsReadable(qIn), k = headsReadable(kIn), v = headsReadable(vIn);
        const int64_t B = q.size(0), T = q.size(1), H = q.size(2), KV = k.size(2), dk = q.size(3);
        const int64_t G = H / KV;
        auto out = torch::empty({B, T, H * dk}, q.options());
        auto probs = torch::empty({B, H, T, T}, q.options());
        AT_DISPATCH_FLOATING_TYPES(q.scalar_type(), "qks_causal_attention_forward", [&] {
            const Heads<scalar_t> Q(q), K(k), V(v);
            scalar_t* P = probs.data_ptr<scalar_t>();
            scalar_t* O = out.data_ptr<scalar_t>();
            const scalar_t scale = scalar_t(1) / std::sqrt(static_cast<scalar_t>(dk));
            at::parallel_for(0, B * KV, 1, [&](int64_t begin, int64_t end) {
                for (int64_t task = begin; task < end; ++task) {
                    const int64_t b = task / KV, kv = task % KV;
                    for (int64_t h = kv * G; h < (kv + 1) * G; ++h) {
                        scalar_t* p = P + (b * H + h) * T * T;
                        scalar_t* o = O + b * T * H * dk + h * dk;
                        for (int64_t r0 = 0; r0 < T; r0 += kRowBlock) {
                            const int64_t r1 = std::min(T, r0 + kRowBlock);
                            rowMajorGemm<scalar_t>(false, true, r1 - r0, r1, dk, scale, Q.at(b, h) + r0 * Q.row, Q.row,
                                                   K.at(b, kv), K.row, scalar_t(0), p + r0 * T, T);
                            for (int64_t t = r0; t < r1; ++t)
                                causalSoftmaxRow(p + t * T, t, T);
                            rowMajorGemm<scalar_t>(false, false, r1 - r0, dk, r1, scalar_t(1), p + r0 * T, T,
                                                   V.at(b, kv), V.row, scalar_t(0), o + r0 * H * dk, H * dk);
                        }
                    }
                }
            });
        });
        ctx->save_for_backward({q, k, v, probs});
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &q = saved[0], &k = saved[1], &v = saved[2], &probs = saved[3];
        const int64_t B = q.size(0), T = q.size(1), H = q.size(2), KV = k.size(2), dk = q.size(3);
        const int64_t G = H / KV;
        const auto gOut = gradOutputs[0].contiguous(); // (B, T, H·d_k)
        auto gq = torch::empty({B, T, H, dk}, q.options());
        auto gk = torch::zeros({B, T, KV, dk}, q.options());
        auto gv = torch::zeros({B, T, KV, dk}, q.options());
        AT_DISPATCH_FLOATING_TYPES(q.scalar_type(), "qks_causal_attention_backward", [&] {
            const Heads<scalar_t> Q(q), K(k), V(v), GQ(gq), GK(gk), GV(gv);
            const scalar_t* P = probs.data_ptr<scalar_t>();
            const scalar_t* GO = gOut.data_ptr<scalar_t>();
            const scalar_t scale = scalar_t(1) / std::sqrt(static_cast<scalar_t>(dk));
            at::parallel_for(0, B * KV, 1, [&](int64_t begin, int64_t end) {
                std::vector<scalar_t> dS(static_cast<size_t>(kRowBlock * T));
                for (int64_t task = begin; task < end; ++task) {
                    const int64_t b = task / KV, kv = task % KV;
                    // The group's heads add into their KV head's gradients one after another.
                    for (int64_t h = kv * G; h < (kv + 1) * G; ++h) {
                        const scalar_t* p = P + (b * H + h) * T * T;
                        const scalar_t* gO = GO + b * T * H * dk + h * dk;
                        for (int64_t r0 = 0; r0 < T; r0 += kRowBlock) {
                            const int64_t r1 = std::min(T, r0 + kRowBlock), m = r1 - r0, n = r1;
                            const scalar_t* pBlock = p + r0 * T;
                            const scalar_t* gOBlock = gO + r0 * H * dk;
                            // dV[0:n] += P[r0:r1, 0:n]ᵀ · dO[r0:r1]
                            rowMajorGemm<scalar_t>(true, false, n, dk, m, scalar_t(1), pBlock, T, gOBlock, H * dk,
                                                   scalar_t(1), GV.at(b, kv), GV.row);
                            // dP = dO[r0:r1] · V[0:n]ᵀ, then dS = P ⊙ (dP − Σ_j P·dP) · scale
                            rowMajorGemm<scalar_t>(false, true, m, n, dk, scalar_t(1), gOBlock, H * dk, V.at(b, kv),
                                                   V.row, scalar_t(0), dS.data(), n);
                            for (int64_t t = r0; t < r1; ++t) {
                                const scalar_t* pRow = p + t * T;
                                scalar_t* dRow = dS.data() + (t - r0) * n;
                                scalar_t dot = 0;
                                for (int64_t j = 0; j <= t; ++j)
                                    dot += pRow[j] * dRow[j];
                                for (int64_t j = 0; j <= t; ++j)
                                    dRow[j] = pRow[j] * (dRow[j] - dot) * scale;
                                for (int64_t j = t + 1; j < n; ++j)
                                    dRow[j] = scalar_t(0);
                            }
                            // dQ[r0:r1] = dS · K[0:n];  dK[0:n] += dSᵀ · Q[r0:r1]
                            rowMajorGemm<scalar_t>(false, false, m, dk, n, scalar_t(1), dS.data(), n, K.at(b, kv),
                                                   K.row, scalar_t(0), GQ.at(b, h) + r0 * GQ.row, GQ.row);
                            rowMajorGemm<scalar_t>(true, false, n, dk, m, scalar_t(1), dS.data(), n,
                                                   Q.at(b, h) + r0 * Q.row, Q.row, scalar_t(1), GK.at(b, kv), GK.row);
                        }
                    }
                }
            });
        });
        return {gq, gk, gv};
    }
};

} // namespace

torch::Tensor fusedCausalAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v)
{
    TORCH_CHECK(q.device().is_cpu() && k.device().is_cpu() && v.device().is_cpu(), "fusedCausalAttention: CPU tensors");
    TORCH_CHECK(q.dim() == 4 && k.dim() == 4 && v.sizes() == k.sizes() && q.size(0) == k.size(0) &&
                    q.size(1) == k.size(1) && q.size(3) == k.size(3) && k.size(2) > 0 && q.size(2) % k.size(2) == 0,
                "fusedCausalAttention: q (B, T, H, d_k), k and v (B, T, KV, d_k), H a multiple of KV");
    return CausalAttentionFunction::apply(q, k, v);
}

} // namespace qks
