#include "config/ResourceEstimate.h"

#include "config/ParamCount.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace qks {

int64_t blockActivationBytesPerToken(const ModelConfig& m, QkNormMode mode, MemoryTarget target, Precision precision)
{
    const bool autocast = precision == Precision::Bf16Autocast;
    const int64_t d = m.d_model, kvd = m.n_kv_heads * m.d_k(), H = m.n_heads, KV = m.n_kv_heads;
    if (target.cuda && target.fusedAttention) {
        // What autograd keeps, counted operation by operation (tests/reference/saved_activations.py):
        const int64_t low = autocast ? 2 : 4;
        int64_t bytes = 2 * (8 * d + 4) // norm1, norm2 (fp32): the residual input, the normalized values, 1/rms
                        + 2 * low * d   // the attention's and the FFN's input projections: their (bf16) inputs
                        + 4 * low * d + 4 * H // SDPA: q, k and v repeated to every head, the output; fp32 log-sum-exp
                        + 8 * m.d_ff;   // relu's output, its fp32 copy for the square (autocast runs pow in
                                        // fp32), the square cast back for the down projection
        if (mode == QkNormMode::Learned)
            bytes += 8 * d + 8 * kvd + 4 * H + 4 * KV; // q/k norms: fp32 input and normalized values, 1/rms per head
        else if (mode == QkNormMode::Frozen)
            bytes += 4 * d + 4 * kvd + 4 * H + 4 * KV; // a frozen γ needs no normalized values for its gradient
        return bytes;
    }
    // The CPU (fp32, the fused kernels or the reference operations), and LibTorch 1.x on CUDA.
    int64_t values = 14 * d + 2 * m.d_ff;
    if (!target.fusedAttention)
        values += 2 * H * m.max_seq_len; // the attention scores and probabilities
    return values * (target.cuda && autocast ? 2 : 4);
}

int64_t headAndTransientBytes(const StudyConfig& config, Precision precision)
{
    const bool autocast = precision == Precision::Bf16Autocast;
    const ModelConfig& m = config.model;
    const int64_t d = m.d_model, V = m.vocab_size, kvd = m.n_kv_heads * m.d_k();
    const int64_t tokens = config.train.batch_size * m.max_seq_len;
    const int64_t predicted = config.train.batch_size * (m.max_seq_len - 1); // positions with a next token
    // Kept for backward: the final norm's fp32 input, normalized values and 1/rms; the tied
    // head's input (bf16 under autocast); the fp32 log-probabilities and the int64 targets.
    const int64_t saved = tokens * (8 * d + 4 + (autocast ? 2 : 4) * d) + predicted * (4 * V + 8);
    // The larger transient on top of everything kept: the log-softmax backward holds its incoming
    // and outgoing fp32 gradients at once, or a weight's fp32 gradient exists beside .grad
    // before it is added in (the tied embedding, an FFN matrix, the merged q/k/v/o matrix).
    const int64_t largestMatrix = std::max({V * d, m.d_ff * d, (2 * d + 2 * kvd) * d});
    return saved + std::max(8 * V * predicted, 4 * largestMatrix);
}

MemoryEstimate estimateTrainingMemory(const StudyConfig& config, QkNormMode mode, MemoryTarget target,
                                      Activations activations)
{
    const ModelConfig& m = config.model;
    const int64_t params = parameterCount(m, mode);
    const int64_t embedding = m.vocab_size * m.d_model;
    // Norm weights (AdamW): two RMSNorms per block and the final one, plus q/k norm γ.
    const int64_t norms = (2 * m.n_layers + 1) * m.d_model + (mode == QkNormMode::None ? 0 : 2 * m.n_layers * m.d_k());
    const int64_t muonParams = std::max<int64_t>(0, params - embedding - norms);

    MemoryEstimate e;
    const bool autocast = target.cuda && config.train.bf16_autocast;
    const Precision precision = autocast ? Precision::Bf16Autocast : Precision::Fp32;
    // Autocast's bf16 copies of the matrices (the tied head included) live through the forward
    // pass and are kept for backward: 2 bytes for every parameter but the norms.
    e.weights = params * 4 + (autocast ? (params - norms) * 2 : 0);
    e.gradients = params * 4;
    e.optimizer = muonParams * 4 + 2 * (embedding + norms) * 4;

    const int64_t tokens = config.train.batch_size * m.max_seq_len;
    const int64_t oneBlock = tokens * blockActivationBytesPerToken(m, mode, target, precision);
    const int64_t logits = 2 * tokens * m.vocab_size * 4;
    e.activationCheckpointing = activations == Activations::Checkpointed;
    e.activations = (e.activationCheckpointing ? tokens * m.n_layers * m.d_model * 4 + oneBlock : m.n_layers * oneBlock) +
                    (target.cuda && target.fusedAttention ? headAndTransientBytes(config, precision) : logits);
    if (target.cuda && config.train.cuda_graph)
        e.probeBesideGraph = oneBlock + logits;
    return e;
}

Activations activationsFor(const StudyConfig& config, QkNormMode mode, MemoryTarget target, int64_t deviceMemoryBytes)
{
    const std::string& setting = config.train.activation_checkpointing;
    if (setting == "on")
        return Activations::Checkpointed;
    if (setting != "auto" || deviceMemoryBytes <= 0)
        return Activations::Kept;
    const MemoryEstimate plain = estimateTrainingMemory(config, mode, target, Activations::Kept);
    return double(plain.total()) > 0.9 * double(deviceMemoryBytes) ? Activations::Checkpointed : Activations::Kept;
}

int64_t physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? int64_t(pages) * int64_t(size) : 0;
}

namespace {

// "MemAvailable:   123456 kB" from /proc/meminfo, in bytes; 0 when absent.
int64_t memAvailableBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    int64_t kb = 0;
    std::string unit;
    while (in >> key >> kb >> unit)
        if (key == "MemAvailable:")
            return kb * 1024;
    return 0;
}

// memory.max of this process's cgroup v2 minus its anonymous memory (page cache is given back
// under pressure, so memory.current would understate the room); 0 when unlimited or unknown.
int64_t cgroupHeadroomBytes()
{
    std::ifstream self("/proc/self/cgroup");
    std::string line, path;
    while (std::getline(self, line))
        if (line.rfind("0::", 0) == 0)
            path = line.substr(3);
    if (path.empty())
        return 0;
    const std::string dir = "/sys/fs/cgroup" + path;
    std::ifstream maxFile(dir + "/memory.max"), statFile(dir + "/memory.stat");
    std::string max;
    if (!(maxFile >> max) || max == "max")
        return 0;
    std::string key;
    int64_t value = 0, anon = 0;
    while (statFile >> key >> value)
        if (key == "anon")
            anon = value;
    const int64_t limit = std::strtoll(max.c_str(), nullptr, 10);
    return limit > anon ? limit - anon : 1;
}

// RLIMIT_AS minus this process's address space (VmSize); 0 when unlimited.
int64_t addressSpaceHeadroomBytes()
{
    struct rlimit rl {};
    if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return 0;
    std::ifstream status("/proc/self/status");
    int64_t vmKb = 0;
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmSize:", 0) == 0)
            vmKb = std::strtoll(line.c_str() + 7, nullptr, 10);
    const int64_t limit = static_cast<int64_t>(rl.rlim_cur);
    return limit > vmKb * 1024 ? limit - vmKb * 1024 : 1;
}

} // namespace

AvailableMemory availableMemory()
{
    AvailableMemory out{memAvailableBytes(), "MemAvailable"};
    auto consider = [&](int64_t bytes, const char* name) {
        if (bytes > 0 && (out.bytes == 0 || bytes < out.bytes))
            out = {bytes, name};
    };
    consider(cgroupHeadroomBytes(), "the cgroup's memory.max");
    consider(addressSpaceHeadroomBytes(), "ulimit -v");
    return out;
}

std::string cpuMemoryShortfall(const MemoryEstimate& e, const AvailableMemory& available)
{
    if (available.bytes <= 0 || e.total() <= available.bytes)
        return {};
    const int64_t state = e.weights + e.gradients + e.optimizer;
    const std::string have = formatBytes(available.bytes) + " available (" + available.limitedBy + ")";
    if (state > available.bytes)
        return "the model's weights, gradients and optimizer state alone need about " + formatBytes(state) +
               ", more than the " + have + "; no micro-batch size changes that: use a smaller model "
               "(model.d_model, model.n_layers, model.d_ff, model.vocab_size) or a machine with more memory";
    return "training needs about " + formatBytes(e.total()) + " (weights, gradients and optimizer state " +
           formatBytes(state) + ", activations of one micro-batch " + formatBytes(e.activations) + "), more than the " +
           have + "; lower train.batch_size (raising train.gradient_accumulation_steps keeps the tokens per "
           "optimizer step), shorten model.max_seq_len, or set train.activation_checkpointing=on";
}

std::string formatBytes(int64_t bytes)
{
    char buf[32];
    const double b = double(bytes);
    if (b >= 1024.0 * 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    else if (b >= 1024.0 * 1024)
        std::snprintf(buf, sizeof buf, "%.0f MiB", b / (1024.0 * 1024));
    else if (b >= 1024.0)
        std::snprintf(buf, sizeof buf, "%.0f KiB", b / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
    return buf;
}

} // namespace qks
