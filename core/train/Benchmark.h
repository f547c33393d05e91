#pragma once

#include "config/ResourceEstimate.h"
#include "config/StudyConfig.h"
#include "model/Kernels.h"

#include <cstdint>
#include <optional>
#include <string>

// Torch-free declarations; implemented with LibTorch.
namespace qks {

struct BenchmarkOptions {
    int64_t microSteps = 32;    // timed micro-steps (rounded up to whole optimizer steps)
    int64_t warmupSteps = 1;    // untimed optimizer steps first (allocation, kernel choice)
    std::string tag = "QK";     // condition
    int probeRepeats = 3;       // timed probes (val loss + key PR), median taken; 0 = no probe
    std::optional<double> peakFlops; // the device's dense bf16 peak, FLOP/s; guessed for known GPUs
    // Also train a Reference-kernel model, one optimizer step each in turn, in the same process:
    // a baseline that shares the machine's state, so the ratio holds on a noisy machine.
    bool compareWithReference = false;
};

// One configuration's training speed on random token ids (no data needed), the study's loop
// as MicroStepper runs it, with each phase timed separately (the device is synchronized at
// phase boundaries, which costs a little speed on GPUs; the figures are meant to be compared).
struct BenchmarkReport {
    std::string device;          // "cpu (2 threads)", "cuda:0 (NVIDIA H100 80GB HBM3)"
    int64_t parameters = 0;
    int64_t tokensPerMicroStep = 0;
    int64_t microSteps = 0;      // timed
    double tokensPerSecond = 0;  // median over optimizer steps (accumulation micro-steps + the update)
    Kernels kernels = Kernels::Fused;
    int64_t cpuShards = 1; // micro-batch shards trained side by side (ShardedMicroStep)
    std::optional<double> referenceTokensPerSecond; // with compareWithReference
    bool cudaGraph = false;      // forward + backward replayed as one CUDA graph (train.cuda_graph)
    double forwardMs = 0;        // per micro-step, median; 0 with cudaGraph (not separable)
    double backwardMs = 0;       // per micro-step, median; 0 with cudaGraph
    double forwardBackwardMs = 0; // per micro-step, median of the two together
    double optimizerMs = 0;      // per optimizer step (clip + Muon + AdamW + zero grad), median
    double probeMs = 0;          // one probe on the training thread: validation loss + keys of the probe batch
    double valLossMs = 0;         // of which: the val_batches validation forward passes
    double keyProbeMs = 0;        // of which: the probe batch's forward pass, Grams and σ
    double keySolveMs = 0;        // the key-PR eigen-solves, on the CPU pool off the training thread
    double probeShare = 0;       // probe cost / training time between two probes at probe.every; the
                                 // cost is probeMs, plus keySolveMs when training on the CPU itself
    double flopsPerToken = 0;    // 6·N_matmul + 12·L·d_model·T (N_matmul: block matrices + LM head)
    std::optional<double> mfu;   // tokens/s · flopsPerToken / peak, CUDA only
    std::optional<double> peakFlops;
    int64_t peakMemoryBytes = 0; // CUDA allocator peak, else the process's max resident set
    std::string peakMemorySource;
    MemoryEstimate estimate;     // estimateTrainingMemory for the same run
};

BenchmarkReport runBenchmark(const StudyConfig& config, const BenchmarkOptions& options);

// FLOPs of one trained token (forward + backward): 6 per matmul weight, the tied LM head
// included, plus the attention score and value products, 12·L·d_model·T (PaLM's accounting).
double trainingFlopsPerToken(const ModelConfig& model);

} // namespace qks
