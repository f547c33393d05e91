#include "config/ParamCount.h"

namespace qks {

int64_t parameterCount(const ModelConfig& m, QkNormMode mode)
{
    const int64_t d = m.d_model;
    const int64_t kvDim = m.n_kv_heads * m.d_k();
    const int64_t qkvo = (d + 2 * kvDim + d) * d;
    const int64_t ffn = 2 * m.d_ff * d;
    const int64_t blockNorms = 2 * d;
    const int64_t qkNorms = mode == QkNormMode::None ? 0 : 2 * m.d_k();
    const int64_t perLayer = qkvo + ffn + blockNorms + qkNorms;
    return m.vocab_size * d + m.n_layers * perLayer + d;
}

} // namespace qks
