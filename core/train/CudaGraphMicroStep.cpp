#include "train/CudaGraphMicroStep.h"

#include "common/Error.h"
#include "train/MicroStepper.h"

#include <torch/torch.h>
#include <torch/version.h>

#if defined(QKS_WITH_CUDA) && TORCH_VERSION_MAJOR >= 2
#define QKS_CUDA_GRAPHS 1
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>
#include <mutex>
#endif

namespace qks {

bool cudaGraphsBuilt()
{
#ifdef QKS_CUDA_GRAPHS
    return true;
#else
    return false;
#endif
}

#ifdef QKS_CUDA_GRAPHS

struct CudaGraphMicroStep::Graph {
    std::unique_ptr<at::cuda::CUDAGraph> graph = std::make_unique<at::cuda::CUDAGraph>();
    torch::Tensor ids;  // the input the graph reads: each run copies its batch here
    torch::Tensor loss; // the output the graph writes
};

namespace {

// PyTorch's own advice: before capture, run the pass a few times on a side stream, so that lazy
// set-up (cuBLAS handles and workspaces, autograd's device threads) happens outside the graph.
constexpr int kWarmupPasses = 3;

// One capture at a time in this process: the GUI can measure speed while a study trains.
std::mutex& captureMutex()
{
    static std::mutex mutex;
    return mutex;
}

// AutocastScope clears the bf16 cast cache when the pass's scope ends, inside the capture, so no
// cached cast outlives a pass either way. With the cache also off on this thread while capturing
// (as torch.cuda.make_graphed_callables asks), a caller's enclosing autocast scope could not
// hand the graph a cast made before it either.
class AutocastCacheOff {
public:
    AutocastCacheOff() : m_was(at::autocast::is_autocast_cache_enabled()) { at::autocast::set_autocast_cache_enabled(false); }
    ~AutocastCacheOff() { at::autocast::set_autocast_cache_enabled(m_was); }
    AutocastCacheOff(const AutocastCacheOff&) = delete;
    AutocastCacheOff& operator=(const AutocastCacheOff&) = delete;

private:
    bool m_was;
};

// A capture that failed leaves its stream capturing unless capture_end got as far as ending it.
// The CUDAGraph itself is then kept (leaked) on purpose: the caching allocator still holds a
// filter that reads it, so destroying it would leave a dangling pointer there; what the failed
// pass allocated stays reserved until the process ends.
void abandonCapture(std::unique_ptr<at::cuda::CUDAGraph> graph, const c10::cuda::CUDAStream& stream)
{
    try {
        graph->capture_end();
    } catch (const std::exception&) {
    }
    cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
    if (cudaStreamIsCapturing(stream.stream(), &status) == cudaSuccess && status != cudaStreamCaptureStatusNone) {
        cudaGraph_t partial = nullptr;
        if (cudaStreamEndCapture(stream.stream(), &partial) == cudaSuccess && partial)
            cudaGraphDestroy(partial);
    }
    (void)cudaGetLastError(); // the capture's error, so that the next CUDA check does not report it
    (void)graph.release();
}

} // namespace

CudaGraphMicroStep::CudaGraphMicroStep(MinimalLlm& model, int64_t accumulation, bool autocast)
    : m_model(model), m_accumulation(accumulation), m_autocast(autocast)
{
}

CudaGraphMicroStep::~CudaGraphMicroStep() = default;

bool CudaGraphMicroStep::captured() const
{
    return m_graph != nullptr;
}

void CudaGraphMicroStep::capture(const torch::Tensor& ids)
{
    TORCH_CHECK(ids.is_cuda(), "CudaGraphMicroStep: the batch must be on a CUDA device");
    const std::lock_guard<std::mutex> oneAtATime(captureMutex());
    const c10::DeviceIndex index = ids.device().index();
    c10::cuda::CUDAGuard onDevice(ids.device());
    const c10::cuda::CUDAStream current = c10::cuda::getCurrentCUDAStream(index);
    const c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, index);
    auto graph = std::make_unique<Graph>();
    graph->ids = ids.clone();

    // Stream synchronizations only, never the whole device: another thread of the process may be
    // capturing or training on it.
    current.synchronize(); // the side stream reads weights and ids written on the current one
    {
        c10::cuda::CUDAStreamGuard onSide(side);
        for (int i = 0; i < kWarmupPasses; ++i)
            forwardBackward(m_model, graph->ids, m_accumulation, m_autocast);
    }
    side.synchronize();
    // The warm-up's activations stay cached in the allocator's general pool, and the capture
    // takes a pool of its own: handed back first, they do not count twice at the peak.
    c10::cuda::CUDACachingAllocator::emptyCache();
    {
        torch::NoGradGuard noGrad;
        for (auto& p : m_model->parameters())
            if (p.grad().defined())
                p.grad().zero_(); // the warm-up's sums; replays add into these same tensors
    }
    current.synchronize();

    {
        AutocastCacheOff cacheOff;
        c10::cuda::CUDAStreamGuard onSide(side);
        // Thread-local mode: CUDA calls of the process's other threads do not break this capture.
        graph->graph->capture_begin({0, 0}, cudaStreamCaptureModeThreadLocal);
        try {
            graph->loss = forwardBackward(m_model, graph->ids, m_accumulation, m_autocast);
            graph->graph->capture_end();
        } catch (const std::exception& e) {
            const bool outOfMemory = dynamic_cast<const c10::OutOfMemoryError*>(&e) != nullptr;
            const std::string what = e.what();
            graph->loss = torch::Tensor();
            abandonCapture(std::move(graph->graph), side);
            if (outOfMemory)
                throw;
            throw ConfigError("capturing the training step as a CUDA graph failed (" + what +
                              "); train without it: train.cuda_graph = false (in the window, restart QK Studio first: the "
                              "failed capture's GPU memory stays reserved until the process ends)");
        }
    }
    side.synchronize();
    m_graph = std::move(graph);
}

double CudaGraphMicroStep::run(const torch::Tensor& ids)
{
    if (!m_graph)
        capture(ids);
    TORCH_CHECK(ids.sizes() == m_graph->ids.sizes() && ids.device() == m_graph->ids.device(),
                "CudaGraphMicroStep: every batch must have the captured shape ", m_graph->ids.sizes(), " on ",
                m_graph->ids.device());
    m_graph->ids.copy_(ids);
    m_graph->graph->replay();
    return m_graph->loss.item<double>();
}

#else // no CUDA graphs in this build

struct CudaGraphMicroStep::Graph {};

CudaGraphMicroStep::CudaGraphMicroStep(MinimalLlm& model, int64_t accumulation, bool autocast)
    : m_model(model), m_accumulation(accumulation), m_autocast(autocast)
{
    throw ConfigError(std::string("train.cuda_graph needs QK Studio built against a CUDA LibTorch 2.x "
                                  "(a PyTorch wheel's); this build has LibTorch ") +
                      TORCH_VERSION + " without CUDA graphs: set train.cuda_graph = false");
}

CudaGraphMicroStep::~CudaGraphMicroStep() = default;

bool CudaGraphMicroStep::captured() const
{
    return false;
}

void CudaGraphMicroStep::capture(const torch::Tensor&) {}

double CudaGraphMicroStep::run(const torch::Tensor&)
{
    throw ConfigError("train.cuda_graph: this build has no CUDA graphs");
}

#endif

} // namespace qks
