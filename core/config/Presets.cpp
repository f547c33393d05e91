#include "config/Presets.h"

#include "common/Error.h"

namespace qks {

namespace {

// The published 50M-token study: docs/design.md §1.4 exactly (the struct defaults are this preset).
StudyConfig study50m()
{
    StudyConfig c;
    c.data.path = "data/study";
    c.study.out = "runs/study-50m";
    return c;
}

// The published 500K-token pilot: B=1, accumulation 8, probe every 50 micro-steps, a 4-sequence
// probe batch, conditions QK and NoQK. It hooked the RoPE module, so its PR is of post-RoPE keys
// (pre-RoPE goes under extra keys), and it took no validation loss (docs/design.md §1.11).
StudyConfig pilot500k()
{
    StudyConfig c = study50m();
    c.train.batch_size = 1;
    c.train.gradient_accumulation_steps = 8;
    c.train.tokens = 500'000;
    c.probe.every = 50;
    c.probe.batch = 4;
    c.probe.val_batches = 0;
    c.probe.key_point = "post_rope";
    c.study.conditions = {"QK", "NoQK"};
    c.study.out = "runs/pilot-500k";
    return c;
}

// A small model that shows the PR collapse on the demo corpus within minutes on 2 CPU cores.
// Same optimizer settings and loop as the study; only sizes shrink. See docs/cli.md "The tiny-cpu preset".
StudyConfig tinyCpu()
{
    StudyConfig c;
    c.model.d_model = 128;
    c.model.n_layers = 4;
    c.model.n_heads = 4; // d_k = 32
    c.model.n_kv_heads = 2;
    c.model.d_ff = 512;
    c.model.vocab_size = 4096;
    c.model.max_seq_len = 128;
    c.train.batch_size = 8;
    c.train.gradient_accumulation_steps = 4;
    c.train.tokens = 786'432; // 192 optimizer steps: ~4.5 min for all three conditions on 2 cores
    c.train.device = "cpu";
    c.probe.every = 32;
    c.probe.early_every = 4;
    c.probe.early_until = 64;
    c.probe.at_end = true;
    c.probe.batch = 8;
    c.probe.val_batches = 4;
    c.probe.val_sampling = "fixed"; // the same 32 sequences at every probe: a smoother curve on little data
    c.data.path = "data/demo/tokens";
    c.study.out = "runs/tiny-cpu";
    return c;
}

// A U on a laptop (docs/pocket-u.md): the tiny model with a small init and a high Muon step
// collapses within ~40K tokens and recovers over a third of its fall by 393K; three seeds of
// the three conditions take about 3 minutes on 2 cores.
StudyConfig pocketU()
{
    StudyConfig c = tinyCpu();
    c.model.init_std = 0.01;
    c.train.muon_lr = 0.05;
    c.train.tokens = 393'216; // 48 optimizer steps: near the top of the recovery (it falls again later)
    c.probe.every = 16;
    c.probe.early_every = 4;
    c.probe.early_until = 96;
    c.study.seeds = {1, 2, 3};
    c.study.out = "runs/pocket-u";
    return c;
}

} // namespace

std::vector<std::string> presetNames()
{
    return {"study-50m", "pilot-500k", "tiny-cpu", "pocket-u"};
}

StudyConfig presetConfig(const std::string& name)
{
    if (name == "study-50m")
        return study50m();
    if (name == "pilot-500k")
        return pilot500k();
    if (name == "tiny-cpu")
        return tinyCpu();
    if (name == "pocket-u")
        return pocketU();
    throw ConfigError("unknown preset \"" + name + "\" (known: study-50m, pilot-500k, tiny-cpu, pocket-u)");
}

} // namespace qks
