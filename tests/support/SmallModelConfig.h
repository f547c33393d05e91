#pragma once

#include "config/StudyConfig.h"

namespace qks::test {

// A model small enough for fp64 gradient checks in milliseconds, with the study's shape
// features: GQA (6 query heads on 2 KV heads, d_k 8), several layers, d_ff = 2·d_model.
inline ModelConfig smallModelConfig()
{
    ModelConfig c;
    c.d_model = 48;
    c.n_layers = 3;
    c.n_heads = 6; // d_k 8
    c.n_kv_heads = 2;
    c.d_ff = 96;
    c.vocab_size = 100;
    c.max_seq_len = 24;
    return c;
}

} // namespace qks::test
