#include "config/Validation.h"

#include "common/Error.h"
#include "config/Condition.h"
#include "config/ConfigJson.h"
#include "config/SweepGrid.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace qks {

namespace {

// "2.05e+27": three digits say enough about a size that is far out of range.
std::string roughly(long double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3Lg", v);
    return buf;
}

// study.sweep: known keys outside the study section, non-empty lists, a grid of bounded size,
// and every point a valid study, checked before any run starts; each broken point named by
// its key=value list.
template <typename Fail>
void validateSweep(const StudyConfig& c, Fail& fail)
{
    if (c.study.sweep.empty())
        return;
    bool usable = true;
    for (const SweepAxis& axis : c.study.sweep) {
        if (!sweepableKey(axis.key)) {
            fail("study.sweep", ConfigRule::SweepUnknownKey, {axis.key});
            usable = false;
        } else if (axis.values.empty()) {
            fail("study.sweep", ConfigRule::SweepEmpty, {axis.key});
            usable = false;
        }
    }
    if (!usable)
        return;
    const size_t count = sweepPointCount(c);
    if (count > kMaxSweepPoints) {
        fail("study.sweep", ConfigRule::SweepTooLarge, {count == SIZE_MAX ? "more than 2^64" : std::to_string(count)});
        return;
    }
    std::vector<SweepPoint> points;
    try {
        points = sweepPoints(c);
    } catch (const ConfigError& e) {
        std::string what = e.what();
        if (what.rfind("study.sweep: ", 0) == 0)
            what = what.substr(13); // the field is said once, by the issue
        fail("study.sweep", ConfigRule::SweepBadValue, {what});
        return;
    }
    // Two points in one folder, or two points that are one study (0.01 and 1e-2, 2 and 2.0),
    // would train twice or overwrite each other.
    std::map<std::string, std::string> byFolder, byConfig;
    for (const SweepPoint& point : points) {
        nlohmann::json study = configToJson(point.config);
        study["study"].erase("out");
        const std::string text = study.dump();
        if (const auto it = byFolder.find(point.name); it != byFolder.end()) {
            fail("study.sweep", ConfigRule::SweepBadValue, {"two points share the folder " + point.name});
            return;
        }
        if (const auto it = byConfig.find(text); it != byConfig.end()) {
            fail("study.sweep", ConfigRule::SweepBadValue,
                 {"the points " + it->second + " and " + point.name + " are the same study; list each value once"});
            return;
        }
        byFolder[point.name] = text;
        byConfig[text] = point.name;
    }
    for (const SweepAxis& axis : c.study.sweep)
        if (axis.key == "train.seed" && c.study.seeds.size() > 1) {
            fail("study.sweep", ConfigRule::SweepBadValue,
                 {"sweeps train.seed while study.seeds lists the seeds every point trains: give the seeds in one of them"});
            return;
        }
    size_t reported = 0;
    for (const SweepPoint& point : points) {
        const auto issues = validateConfig(point.config);
        if (issues.empty())
            continue;
        if (++reported > 5) { // the first few say what is wrong; the rest would repeat it
            fail("study.sweep", ConfigRule::SweepBadValue, {"and further points"});
            break;
        }
        fail("study.sweep", ConfigRule::SweepBadValue,
             {"at " + point.name + ": " + issues.front().field + " " + issues.front().rule});
    }
}

} // namespace

std::string configRuleText(ConfigRule id, const std::vector<std::string>& args)
{
    const auto arg = [&](size_t i) { return i < args.size() ? args[i] : std::string("?"); };
    switch (id) {
    case ConfigRule::Positive: return "must be positive (is " + arg(0) + ")";
    case ConfigRule::Divides: return "must divide " + arg(0) + " (" + arg(1) + ")";
    case ConfigRule::EvenHeadSize:
        return "must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is " + arg(0) + ")";
    case ConfigRule::AtLeastTwoTokens: return "must be at least 2 (one next-token target)";
    case ConfigRule::GreaterThanOne: return "must be greater than 1";
    case ConfigRule::PositiveFinite: return "must be a positive finite number";
    case ConfigRule::StepTokensOverflow:
        return "batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer step) must fit a "
               "64-bit integer";
    case ConfigRule::AtLeastOneStep:
        return "must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = " + arg(0);
    case ConfigRule::TooManyParameters:
        return "with the other model sizes gives about " + arg(0) + " parameters, more than 2^50; a size is mistyped";
    case ConfigRule::TooMuchActivationMemory:
        return "with model.max_seq_len and the model sizes needs about " + arg(0) +
               " bytes of activations, more than 2^60; a size is mistyped";
    case ConfigRule::InUnitInterval: return "must lie in [0, 1)";
    case ConfigRule::ZeroOrPositive: return "must be zero or positive";
    case ConfigRule::ZeroOffOrPositive: return "must be 0 (off) or positive";
    case ConfigRule::ZeroAllCoresOrPositive: return "must be 0 (all cores) or positive";
    case ConfigRule::ZeroAtEndOrPositive: return "must be 0 (only at the end) or positive";
    case ConfigRule::NotNegative: return "must not be negative";
    case ConfigRule::OneOf: {
        // "must be auto, on or off (is "x")": args are the value, then the choices.
        std::string choices;
        for (size_t i = 1; i < args.size(); ++i)
            choices += (i == 1 ? "" : i + 1 == args.size() ? " or " : ", ") + args[i];
        return "must be " + choices + " (is \"" + arg(0) + "\")";
    }
    case ConfigRule::CpuShardsRange: return "must be 0 (auto) or 1..train.batch_size (is " + arg(0) + ")";
    case ConfigRule::AtLeastOneMicroStep: return "must be at least 1 micro-step";
    case ConfigRule::NeedsTokenFolder: return "must name a token folder (make one with qkstudio-cli prepare)";
    case ConfigRule::AtLeastOne: return "must be at least 1";
    case ConfigRule::NeedsOutputFolder: return "must name an output folder";
    case ConfigRule::NeedsCondition: return "must list at least one of QK, QK_frozen, NoQK";
    case ConfigRule::UnknownCondition: return "unknown condition \"" + arg(0) + "\" (expected QK, QK_frozen or NoQK)";
    case ConfigRule::ListedTwice: return "lists \"" + arg(0) + "\" twice";
    case ConfigRule::Float32Range:
        return "must be at most 3.4e38 in size, as training computes in 32-bit floats (is " + arg(0) + ")";
    case ConfigRule::TokensRange:
        return "must be at most 2^50 (about 1.1e15) tokens, far beyond any run (is " + arg(0) + ")";
    case ConfigRule::TooManyProbes:
        return "with train.tokens schedules about " + arg(0) + " probes, more than 1,000,000; raise probe.every";
    case ConfigRule::SweepUnknownKey:
        return "sweeps \"" + arg(0) + "\", which is not a setting a sweep can vary (a section.key outside the study section, "
               "as `qkstudio-cli config` lists them)";
    case ConfigRule::SweepEmpty: return "gives \"" + arg(0) + "\" no values; list at least one";
    case ConfigRule::SweepTooLarge:
        return "has " + arg(0) + " points, more than " + std::to_string(kMaxSweepPoints) + "; sweep fewer values";
    case ConfigRule::SweepBadValue: return arg(0);
    case ConfigRule::TooManySeeds:
        return "lists " + arg(0) + " seeds, more than " + std::to_string(kMaxSeeds) + "; a study of that many is mistyped";
    case ConfigRule::ThreadsRange:
        return "must be at most " + arg(1) + " (4 × this machine's " + arg(2) + " hardware threads; is " + arg(0) + ")";
    }
    return "breaks a rule";
}

std::vector<ConfigIssue> validateConfig(const StudyConfig& c)
{
    std::vector<ConfigIssue> issues;
    auto fail = [&](std::string field, ConfigRule id, std::vector<std::string> args = {}) {
        std::string rule = configRuleText(id, args);
        issues.push_back({std::move(field), std::move(rule), id, std::move(args)});
    };
    auto positive = [&](const char* field, int64_t v) {
        if (v <= 0)
            fail(field, ConfigRule::Positive, {std::to_string(v)});
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
        fail("model.n_heads", ConfigRule::Divides, {"model.d_model", std::to_string(m.d_model)});
    else if (dm && nh && m.d_k() % 2 != 0)
        fail("model.n_heads", ConfigRule::EvenHeadSize, {std::to_string(m.d_k())});
    if (nh && kv && m.n_heads % m.n_kv_heads != 0)
        fail("model.n_kv_heads", ConfigRule::Divides, {"model.n_heads", std::to_string(m.n_heads)});
    if (m.max_seq_len > 0 && m.max_seq_len < 2)
        fail("model.max_seq_len", ConfigRule::AtLeastTwoTokens);
    if (!(m.rope_base > 1.0))
        fail("model.rope_base", ConfigRule::GreaterThanOne);
    if (!(m.init_std > 0.0) || !std::isfinite(m.init_std))
        fail("model.init_std", ConfigRule::PositiveFinite);

    const TrainConfig& t = c.train;
    const bool bs = positive("train.batch_size", t.batch_size);
    const bool ga = positive("train.gradient_accumulation_steps", t.gradient_accumulation_steps);
    if (bs && ga && m.max_seq_len > 0) {
        // Checked multiplication: the three come straight from a file, and a signed overflow
        // would be undefined behaviour, not a large number.
        int64_t perStep = 0;
        if (__builtin_mul_overflow(t.batch_size, m.max_seq_len, &perStep) ||
            __builtin_mul_overflow(perStep, t.gradient_accumulation_steps, &perStep))
            fail("train.batch_size", ConfigRule::StepTokensOverflow);
        else if (t.tokens < perStep)
            fail("train.tokens", ConfigRule::AtLeastOneStep, {std::to_string(perStep)});
        else if (t.tokens > kMaxTrainTokens)
            fail("train.tokens", ConfigRule::TokensRange, {std::to_string(t.tokens)});
        else if (c.probe.every > 0) {
            // The probe schedule is built as a list (RunPlan): bound its length before it is.
            const int64_t microSteps = (t.tokens + perStep - 1) / perStep * t.gradient_accumulation_steps;
            int64_t probes = microSteps / c.probe.every + 2;
            if (c.probe.early_every > 0)
                probes += std::min(c.probe.early_until, microSteps) / c.probe.early_every;
            if (probes > kMaxProbes)
                fail("probe.every", ConfigRule::TooManyProbes, {std::to_string(probes)});
        }
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
            fail("model.d_model", ConfigRule::TooManyParameters, {roughly(params)});
        if (bs && m.max_seq_len > 0) {
            const long double tokens = static_cast<long double>(t.batch_size) * m.max_seq_len;
            const long double perTokenPerLayer = 14 * d + 2 * static_cast<long double>(m.d_ff) +
                                                 2 * static_cast<long double>(m.n_heads) * m.max_seq_len;
            const long double activations = tokens * m.n_layers * perTokenPerLayer * 4 +
                                            2 * tokens * static_cast<long double>(m.vocab_size) * 4;
            if (activations > 0x1p60L)
                fail("train.batch_size", ConfigRule::TooMuchActivationMemory, {roughly(activations)});
        }
    }
    // Finite doubles beyond float's range become inf in the optimizer ("cannot be converted to
    // type float without overflow" from LibTorch for a learning rate of 1e300).
    auto float32 = [&](const char* field, double v) {
        const bool ok = !std::isfinite(v) || std::fabs(v) <= FLT_MAX;
        if (!ok)
            fail(field, ConfigRule::Float32Range, {roughly(v)});
        return ok;
    };
    auto positiveReal = [&](const char* field, double v) {
        if (!float32(field, v))
            return;
        if (!(v > 0.0) || !std::isfinite(v))
            fail(field, ConfigRule::PositiveFinite);
    };
    positiveReal("train.muon_lr", t.muon_lr);
    positiveReal("train.adamw_lr", t.adamw_lr);
    positiveReal("train.adamw_eps", t.adamw_eps);
    auto unitInterval = [&](const char* field, double v) {
        if (!(v >= 0.0 && v < 1.0))
            fail(field, ConfigRule::InUnitInterval);
    };
    unitInterval("train.muon_momentum", t.muon_momentum);
    unitInterval("train.adamw_beta1", t.adamw_beta1);
    unitInterval("train.adamw_beta2", t.adamw_beta2);
    if (float32("train.weight_decay", t.weight_decay) && (!(t.weight_decay >= 0.0) || !std::isfinite(t.weight_decay)))
        fail("train.weight_decay", ConfigRule::ZeroOrPositive);
    if (float32("train.grad_clip", t.grad_clip) && (!(t.grad_clip >= 0.0) || !std::isfinite(t.grad_clip)))
        fail("train.grad_clip", ConfigRule::ZeroOffOrPositive);
    float32("model.init_std", m.init_std);
    float32("model.rope_base", m.rope_base);
    if (t.seed < 0)
        fail("train.seed", ConfigRule::NotNegative);
    if (t.threads < 0) {
        fail("train.threads", ConfigRule::ZeroAllCoresOrPositive);
    } else {
        const int64_t hardware = std::max<int64_t>(1, std::thread::hardware_concurrency());
        if (t.threads > kThreadsPerHardwareThread * hardware)
            fail("train.threads", ConfigRule::ThreadsRange,
                 {std::to_string(t.threads), std::to_string(kThreadsPerHardwareThread * hardware),
                  std::to_string(hardware)});
    }
    if (t.kernels != "fused" && t.kernels != "reference")
        fail("train.kernels", ConfigRule::OneOf, {t.kernels, "fused", "reference"});
    if (t.activation_checkpointing != "auto" && t.activation_checkpointing != "on" && t.activation_checkpointing != "off")
        fail("train.activation_checkpointing", ConfigRule::OneOf, {t.activation_checkpointing, "auto", "on", "off"});
    if (t.cpu_shards < 0 || t.cpu_shards > t.batch_size)
        fail("train.cpu_shards", ConfigRule::CpuShardsRange, {std::to_string(t.cpu_shards)});
    const bool cudaIndex = t.device.rfind("cuda:", 0) == 0 && t.device.size() > 5 && t.device.size() < 9 &&
                           t.device.find_first_not_of("0123456789", 5) == std::string::npos;
    if (!(t.device == "auto" || t.device == "cpu" || t.device == "cuda" || cudaIndex))
        fail("train.device", ConfigRule::OneOf, {t.device, "auto", "cpu", "cuda", "cuda:N"});

    const ProbeConfig& p = c.probe;
    if (p.every < 1)
        fail("probe.every", ConfigRule::AtLeastOneMicroStep);
    if (p.early_every < 0)
        fail("probe.early_every", ConfigRule::ZeroOffOrPositive);
    if (p.early_until < 0)
        fail("probe.early_until", ConfigRule::NotNegative);
    positive("probe.batch", p.batch);
    if (p.val_batches < 0)
        fail("probe.val_batches", ConfigRule::ZeroOffOrPositive);
    if (p.val_sampling != "shuffled" && p.val_sampling != "fixed")
        fail("probe.val_sampling", ConfigRule::OneOf, {p.val_sampling, "shuffled", "fixed"});
    if (p.key_point != "pre_rope" && p.key_point != "post_rope")
        fail("probe.key_point", ConfigRule::OneOf, {p.key_point, "pre_rope", "post_rope"});

    if (c.data.path.empty())
        fail("data.path", ConfigRule::NeedsTokenFolder);

    if (c.checkpoint.every_tokens < 0)
        fail("checkpoint.every_tokens", ConfigRule::ZeroAtEndOrPositive);
    if (c.checkpoint.keep < 1)
        fail("checkpoint.keep", ConfigRule::AtLeastOne);

    if (c.study.out.empty())
        fail("study.out", ConfigRule::NeedsOutputFolder);
    if (c.study.conditions.empty())
        fail("study.conditions", ConfigRule::NeedsCondition);
    std::set<int64_t> seeds;
    for (const int64_t seed : c.study.seeds) {
        if (seed < 0)
            fail("study.seeds", ConfigRule::NotNegative);
        else if (!seeds.insert(seed).second)
            fail("study.seeds", ConfigRule::ListedTwice, {std::to_string(seed)});
    }
    if (c.study.seeds.size() > kMaxSeeds)
        fail("study.seeds", ConfigRule::TooManySeeds, {std::to_string(c.study.seeds.size())});
    validateSweep(c, fail);
    std::set<std::string> seen;
    for (const std::string& tag : c.study.conditions) {
        if (!conditionForTag(tag))
            fail("study.conditions", ConfigRule::UnknownCondition, {tag});
        else if (!seen.insert(tag).second)
            fail("study.conditions", ConfigRule::ListedTwice, {tag});
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
