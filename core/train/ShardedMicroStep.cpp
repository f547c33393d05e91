#include "train/ShardedMicroStep.h"

#include "common/Elapsed.h"
#include "kernels/CpuGemm.h"
#include "model/Kernels.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <torch/torch.h>

namespace qks {

ShardedMicroStep::ShardedMicroStep(MinimalLlm& model, int64_t shards) : m_model(model), m_workers(shards)
{
    for (const auto& p : model->parameters()) {
        if (p.requires_grad())
            m_params.push_back(p);
    }
    // Shards run with fewer intra-op threads than the caller. OpenBLAS changes its global thread
    // count when called from threads with other counts, which is not safe concurrently: so the
    // shards' products must all go to oneDNN (fp32 parameters), or every count be 1.
    bool fp32 = true;
    for (const auto& p : m_params)
        fp32 = fp32 && p.device().is_cpu() && p.scalar_type() == torch::kFloat;
    TORCH_CHECK((fp32 && cpuMatmulUsesOneDnn()) || at::get_num_threads() == 1,
                "CPU shards need fp32 CPU parameters and oneDNN, or one intra-op thread");
    // Each worker keeps its share of the intra-op threads for good. at::set_num_threads also
    // sets the default that threads started later begin with, so it is put back afterwards.
    const int threads = at::get_num_threads();
    const int perShard = std::max<int>(1, threads / static_cast<int>(shards));
    m_workers.run([perShard](int64_t) {
        // ATen's "this thread's count is initialised" flag is an inline thread_local: this
        // program has one copy and LibTorch 2.x another, hidden inside libtorch_cpu (1.13 shares
        // one). Whichever is met first later would reset this thread's count to the process's,
        // so both are set here: the first by lazy_init, the second through get_num_threads.
        // Unset, the shards' oneDNN products each ran on all cores: 2.6 ran tiny-cpu 20% slower
        // with shards than without (docs/benchmarks.md).
        at::internal::lazy_init_num_threads();
        (void)at::get_num_threads();
        at::set_num_threads(perShard);
    });
    at::set_num_threads(threads);
}

std::vector<int> ShardedMicroStep::workerThreads()
{
    std::vector<int> counts(static_cast<size_t>(shards()));
    m_workers.run([&](int64_t w) { counts[static_cast<size_t>(w)] = at::get_num_threads(); });
    return counts;
}

double ShardedMicroStep::run(const torch::Tensor& ids, double gradScale, Times* times)
{
    const int64_t W = shards();
    const int64_t B = ids.size(0);
    std::vector<double> losses(W), forwardMs(W), backwardMs(W);
    std::vector<std::vector<torch::Tensor>> grads(W);
    m_workers.run([&](int64_t w) {
        const int64_t begin = B * w / W;
        const int64_t end = B * (w + 1) / W;
        if (begin == end)
            return;
        torch::AutoGradMode gradMode(true);
        auto t = Clock::now();
        const torch::Tensor loss = m_model->loss(ids.slice(0, begin, end));
        forwardMs[w] = msSince(t);
        t = Clock::now();
        const double weight = double(end - begin) / double(B);
        grads[w] = torch::autograd::grad({loss * (weight * gradScale)}, m_params, {}, false, false, true);
        losses[w] = loss.item<double>() * weight;
        backwardMs[w] = msSince(t);
    });
    // Summed in shard order (deterministic), each worker taking every W-th parameter.
    const auto t = Clock::now();
    m_workers.run([&](int64_t w) {
        torch::NoGradGuard noGrad;
        for (size_t j = static_cast<size_t>(w); j < m_params.size(); j += static_cast<size_t>(W)) {
            torch::Tensor sum;
            for (int64_t s = 0; s < W; ++s) {
                if (grads[s].empty() || !grads[s][j].defined())
                    continue;
                sum = sum.defined() ? sum.add_(grads[s][j]) : grads[s][j].clone();
            }
            if (!sum.defined())
                continue;
            torch::Tensor& grad = m_params[j].mutable_grad();
            if (grad.defined())
                grad.add_(sum);
            else
                grad = sum;
        }
    });
    double loss = 0.0;
    for (double l : losses)
        loss += l;
    if (times) {
        times->forwardMs = *std::max_element(forwardMs.begin(), forwardMs.end());
        times->backwardMs = *std::max_element(backwardMs.begin(), backwardMs.end()) + msSince(t);
    }
    return loss;
}

int64_t cpuShardsFor(const TrainConfig& config, const torch::Device& device, bool activationCheckpointing)
{
    if (!device.is_cpu() || kernelsNamed(config.kernels) != Kernels::Fused || activationCheckpointing ||
        !cpuMatmulUsesOneDnn())
        return 1;
    if (config.cpu_shards > 0)
        return std::min(config.cpu_shards, config.batch_size);
    const int64_t threads = at::get_num_threads();
    int64_t best = 1;
    for (int64_t s = 2; s <= std::min(threads, config.batch_size); ++s) {
        if (config.batch_size % s == 0)
            best = s;
    }
    return best;
}

} // namespace qks
