#include "config/Validation.h"

#include "common/Error.h"
#include "config/Condition.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace qks {

namespace {

// "2.05e+27": three digits say enough about a size that is far out of range.
std::string roughly(long double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3Lg", v);
    return buf;
}

} // namespace

std::vector<ConfigIssue> validateConfig(const StudyConfig& c)
{
    std::vector<ConfigIssue> issues;
    auto fail = [&](std::string field, std::string rule) { issues.push_back({std::move(field), std::move(rule)}); };
    auto positive = [&](const char* field, int64_t v) {
        if (v <= 0)
            fail(field, "must be positive (is " + std::to_string(v) + ")");
        return v > 0;
    };

    const ModelConfig& m = c.model;
    const bool dm = positive("model.d_model", m.d_model);
    positive("model.n_layers", m.n_layers);
    const bool nh = positive("model.n_heads", m.n_heads);
    const bool kv = positive("model.n_kv_heads", m.n_kv_heads);
    positive("model.d_ff", m.d_ff);
    positive("model.vocab_size", m.vocab_size);
    positive("model.max_seq_len", m.max_seq_len);
    if (dm && nh && m.d_model % m.n_heads != 0)
        fail("model.n_heads", "must divide model.d_model (" + std::to_string(m.d_model) + ")");
    else if (dm && nh && m.d_k() % 2 != 0)
        fail("model.n_heads", "must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is " +
                                  std::to_string(m.d_k()) + ")");
    if (nh && kv && m.n_heads % m.n_kv_heads != 0)
        fail("model.n_kv_heads", "must divide model.n_heads (" + std::to_string(m.n_heads) + ")");
    if (m.max_seq_len > 0 && m.max_seq_len < 2)
        fail("model.max_seq_len", "must be at least 2 (one next-token target)");
    if (!(m.rope_base > 1.0))
        fail("model.rope_base", "must be greater than 1");
    if (!(m.init_std > 0.0) || !std::isfinite(m.init_std))
        fail("model.init_std", "must be a positive finite number");

    const TrainConfig& t = c.train;
    const bool bs = positive("train.batch_size", t.batch_size);
    const bool ga = positive("train.gradient_accumulation_steps", t.gradient_accumulation_steps);
    if (bs && ga && m.max_seq_len > 0) {
        // Checked multiplication: the three come straight from a file, and a signed overflow
        // would be undefined behaviour, not a large number.
        int64_t perStep = 0;
        if (__builtin_mul_overflow(t.batch_size, m.max_seq_len, &perStep) ||
            __builtin_mul_overflow(perStep, t.gradient_accumulation_steps, &perStep))
            fail("train.batch_size", "batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer "
                                     "step) must fit a 64-bit integer");
        else if (t.tokens < perStep)
            fail("train.tokens", "must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = " +
                                     std::to_string(perStep));
    }
    // Parameter count and memory estimate are int64 products of these sizes (ParamCount.cpp,
    // ResourceEstimate.cpp); with every size positive, bounding the final products here in long
    // double keeps every intermediate product in range too. 2^50 parameters and 2^60 activation
    // bytes are far beyond any machine, so only a mistyped size meets these rules.
    if (dm && nh && kv && m.n_layers > 0 && m.d_ff > 0 && m.vocab_size > 0) {
        const long double d = static_cast<long double>(m.d_model);
        const long double kvDim = static_cast<long double>(m.n_kv_heads) * static_cast<long double>(m.d_k());
        const long double perLayer = (2 * d + 2 * kvDim) * d + 2 * static_cast<long double>(m.d_ff) * d + 2 * d +
                                     2 * static_cast<long double>(m.d_k());
        const long double params = static_cast<long double>(m.vocab_size) * d + m.n_layers * perLayer + d;
        if (params > 0x1p50L)
            fail("model.d_model", "with the other model sizes gives about " + roughly(params) +
                                      " parameters, more than 2^50; a size is mistyped");
        if (bs && m.max_seq_len > 0) {
            const long double tokens = static_cast<long double>(t.batch_size) * m.max_seq_len;
            const long double perTokenPerLayer = 14 * d + 2 * static_cast<long double>(m.d_ff) +
                                                 2 * static_cast<long double>(m.n_heads) * m.max_seq_len;
            const long double activations = tokens * m.n_layers * perTokenPerLayer * 4 +
                                            2 * tokens * static_cast<long double>(m.vocab_size) * 4;
            if (activations > 0x1p60L)
                fail("train.batch_size", "with model.max_seq_len and the model sizes needs about " + roughly(activations) +
                                             " bytes of activations, more than 2^60; a size is mistyped");
        }
    }
    auto positiveReal = [&](const char* field, double v) {
        if (!(v > 0.0) || !std::isfinite(v))
            fail(field, "must be a positive finite number");
    };
    positiveReal("train.muon_lr", t.muon_lr);
    positiveReal("train.adamw_lr", t.adamw_lr);
    positiveReal("train.adamw_eps", t.adamw_eps);
    if (!(t.muon_momentum >= 0.0 && t.muon_momentum < 1.0))
        fail("train.muon_momentum", "must lie in [0, 1)");
    if (!(t.adamw_beta1 >= 0.0 && t.adamw_beta1 < 1.0))
        fail("train.adamw_beta1", "must lie in [0, 1)");
    if (!(t.adamw_beta2 >= 0.0 && t.adamw_beta2 < 1.0))
        fail("train.adamw_beta2", "must lie in [0, 1)");
    if (!(t.weight_decay >= 0.0) || !std::isfinite(t.weight_decay))
        fail("train.weight_decay", "must be zero or positive");
    if (!(t.grad_clip >= 0.0) || !std::isfinite(t.grad_clip))
        fail("train.grad_clip", "must be zero (off) or positive");
    if (t.seed < 0)
        fail("train.seed", "must not be negative");
    if (t.threads < 0)
        fail("train.threads", "must be 0 (all cores) or positive");
    if (t.kernels != "fused" && t.kernels != "reference")
        fail("train.kernels", "must be fused or reference (is \"" + t.kernels + "\")");
    if (t.activation_checkpointing != "auto" && t.activation_checkpointing != "on" && t.activation_checkpointing != "off")
        fail("train.activation_checkpointing", "must be auto, on or off (is \"" + t.activation_checkpointing + "\")");
    if (t.cpu_shards < 0 || t.cpu_shards > t.batch_size)
        fail("train.cpu_shards", "must be 0 (auto) or 1..train.batch_size (is " + std::to_string(t.cpu_shards) + ")");
    if (!(t.device == "auto" || t.device == "cpu" || t.device == "cuda" || t.device.rfind("cuda:", 0) == 0))
        fail("train.device", "must be auto, cpu, cuda or cuda:N (is \"" + t.device + "\")");

    const ProbeConfig& p = c.probe;
    if (p.every < 1)
        fail("probe.every", "must be at least 1 micro-step");
    if (p.early_every < 0)
        fail("probe.early_every", "must be 0 (off) or positive");
    if (p.early_until < 0)
        fail("probe.early_until", "must not be negative");
    positive("probe.batch", p.batch);
    positive("probe.val_batches", p.val_batches);

    if (c.data.path.empty())
        fail("data.path", "must name a token folder (make one with qkstudio-cli prepare)");

    if (c.checkpoint.every_tokens < 0)
        fail("checkpoint.every_tokens", "must be 0 (only at the end) or positive");
    if (c.checkpoint.keep < 1)
        fail("checkpoint.keep", "must be at least 1");

    if (c.study.out.empty())
        fail("study.out", "must name an output folder");
    if (c.study.conditions.empty())
        fail("study.conditions", "must list at least one of QK, QK_frozen, NoQK");
    std::set<std::string> seen;
    for (const std::string& tag : c.study.conditions) {
        if (!conditionForTag(tag))
            fail("study.conditions", "unknown condition \"" + tag + "\" (expected QK, QK_frozen or NoQK)");
        else if (!seen.insert(tag).second)
            fail("study.conditions", "lists \"" + tag + "\" twice");
    }
    return issues;
}

void requireValidConfig(const StudyConfig& config)
{
    const auto issues = validateConfig(config);
    if (issues.empty())
        return;
    std::string msg = "invalid configuration: ";
    for (size_t i = 0; i < issues.size(); ++i)
        msg += (i ? "; " : "") + issues[i].field + " " + issues[i].rule;
    throw ConfigError(msg);
}

} // namespace qks
