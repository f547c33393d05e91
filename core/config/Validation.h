#pragma once

#include "config/StudyConfig.h"

#include <string>
#include <vector>

namespace qks {

// Which rule a setting breaks. The CLI prints ConfigIssue::rule, English made here; the GUI
// words the rule in the user's language from the id and ConfigIssue::args, so core stays
// free of Qt and of every language but the CLI's.
enum class ConfigRule {
    Positive,                // args: the value
    Divides,                 // args: the other setting, its value ("model.d_model", "2048")
    EvenHeadSize,            // args: d_k
    AtLeastTwoTokens,        // one next-token target
    GreaterThanOne,
    PositiveFinite,
    StepTokensOverflow,      // batch_size × max_seq_len × gradient_accumulation_steps
    AtLeastOneStep,          // args: tokens per optimizer step
    TooManyParameters,       // args: the parameter count, three digits
    TooMuchActivationMemory, // args: the bytes, three digits
    InUnitInterval,          // [0, 1)
    ZeroOrPositive,
    ZeroOffOrPositive,       // 0 switches it off
    ZeroAllCoresOrPositive,
    ZeroAtEndOrPositive,     // 0: only at the end
    NotNegative,
    OneOf,                   // args: the value, then every choice
    CpuShardsRange,          // args: the value
    AtLeastOneMicroStep,
    NeedsTokenFolder,
    AtLeastOne,
    NeedsOutputFolder,
    NeedsCondition,
    UnknownCondition,        // args: the tag
    ListedTwice,             // args: the tag
    Float32Range,            // args: the value; the optimizers compute in 32-bit floats
    ThreadsRange,            // args: the value, the bound, this machine's hardware threads
    TokensRange,             // args: the value; more than 2^50 tokens is a mistyped number
    TooManyProbes,           // args: the probes the schedule would take
    TooManySeeds,            // args: how many study.seeds lists
    SweepUnknownKey,         // args: the key
    SweepEmpty,              // args: the key
    SweepTooLarge,           // args: the number of points
    SweepBadValue,           // args: what is wrong, naming the point ("at train.muon_lr=-1: train.muon_lr must be …")
};

// One broken rule: the setting it concerns, the rule in English, and the rule as an id with
// its values for a translated text.
struct ConfigIssue {
    std::string field;             // "model.n_heads"
    std::string rule;              // "must divide model.d_model (2048)"
    ConfigRule id = ConfigRule::Positive;
    std::vector<std::string> args; // {"model.d_model", "2048"}
};

// train.threads may be at most this many times the machine's hardware threads: more only adds
// switching, and thousands of threads made a run ignore SIGTERM for minutes.
constexpr int64_t kThreadsPerHardwareThread = 4;
// train.tokens beyond this is a mistyped number (the study trains 4.9e7); it also keeps every
// token count's arithmetic far inside int64.
constexpr int64_t kMaxTrainTokens = int64_t(1) << 50;
// A run records at most this many probes (the study takes 26): the schedule is a list in memory.
constexpr int64_t kMaxProbes = 1'000'000;
// study.seeds lists at most this many: each is a full study, so more is a mistyped list.
constexpr size_t kMaxSeeds = 1000;

// Every rule the configuration breaks, in field order; empty when it is usable. The thread
// bound is this machine's (std::thread::hardware_concurrency).
std::vector<ConfigIssue> validateConfig(const StudyConfig& config);

// The English text of a rule ("must divide model.d_model (2048)"), as ConfigIssue::rule holds it.
std::string configRuleText(ConfigRule id, const std::vector<std::string>& args);

// Throws ConfigError listing every issue ("model.n_heads: must divide ...; train.tokens: ...").
void requireValidConfig(const StudyConfig& config);

} // namespace qks
