#include "config/ResourceEstimate.h"

#include "config/ParamCount.h"

#include <cstdio>
#include <unistd.h>

namespace qks {

MemoryEstimate estimateTrainingMemory(const StudyConfig& config, QkNormMode mode, bool cuda, bool fusedAttention,
                                      bool activationCheckpointing)
{
    const ModelConfig& m = config.model;
    const int64_t params = parameterCount(m, mode);
    const int64_t embedding = m.vocab_size * m.d_model;
    // Norm weights (AdamW): two RMSNorms per block and the final one, plus q/k norm γ.
    const int64_t norms = (2 * m.n_layers + 1) * m.d_model + (mode == QkNormMode::None ? 0 : 2 * m.n_layers * m.d_k());
    const int64_t muonParams = std::max<int64_t>(0, params - embedding - norms);

    MemoryEstimate e;
    e.weights = params * 4;
    e.gradients = params * 4;
    e.optimizer = muonParams * 4 + 2 * (embedding + norms) * 4;

    const int64_t tokens = config.train.batch_size * m.max_seq_len;
    const int64_t bytesPerValue = cuda && config.train.bf16_autocast ? 2 : 4;
    int64_t perTokenPerLayer = 14 * m.d_model + 2 * m.d_ff;
    if (!fusedAttention)
        perTokenPerLayer += 2 * m.n_heads * m.max_seq_len;
    const int64_t oneBlock = tokens * perTokenPerLayer * bytesPerValue;
    const int64_t logits = 2 * tokens * m.vocab_size * 4;
    e.activationCheckpointing = activationCheckpointing;
    e.activations = (activationCheckpointing ? tokens * m.n_layers * m.d_model * 4 + oneBlock : m.n_layers * oneBlock) + logits;
    return e;
}

bool activationCheckpointingWanted(const StudyConfig& config, QkNormMode mode, bool cuda, bool fusedAttention,
                                   int64_t deviceMemoryBytes)
{
    const std::string& setting = config.train.activation_checkpointing;
    if (setting == "on")
        return true;
    if (setting != "auto" || deviceMemoryBytes <= 0)
        return false;
    const MemoryEstimate plain = estimateTrainingMemory(config, mode, cuda, fusedAttention, false);
    return double(plain.total()) > 0.9 * double(deviceMemoryBytes);
}

int64_t physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? int64_t(pages) * int64_t(size) : 0;
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
