#pragma once

// A three-condition study of a 2-layer, d_model 32 model on the tiny corpus (TinyCorpus.h),
// training on the CPU in seconds: what the window's end-to-end tests start.
#include "config/Presets.h"
#include "config/StudyConfig.h"

#include <QString>

namespace qks::testing {

inline StudyConfig tinyStudyConfig(const QString& tokensDir, const QString& out, int64_t tokens = 2048)
{
    StudyConfig c = presetConfig("tiny-cpu");
    c.model.d_model = 32;
    c.model.n_layers = 2;
    c.model.n_heads = 4;
    c.model.n_kv_heads = 2;
    c.model.d_ff = 64;
    c.model.vocab_size = 300;
    c.model.max_seq_len = 32;
    c.train.batch_size = 4;
    c.train.gradient_accumulation_steps = 2;
    c.train.tokens = tokens;
    c.train.device = "cpu";
    c.probe.every = 4;
    c.probe.early_every = 2;
    c.probe.early_until = 4;
    c.probe.batch = 4;
    c.probe.val_batches = 2;
    c.data.path = tokensDir.toStdString();
    c.study.out = out.toStdString();
    return c;
}

} // namespace qks::testing
