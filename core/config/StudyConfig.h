#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace qks {

// The transformer's shape; names follow the original LLMConfig.
struct ModelConfig {
    int64_t d_model = 2048;     // residual width
    int64_t n_layers = 32;      // transformer blocks
    int64_t n_heads = 16;       // query heads; d_k = d_model / n_heads
    int64_t n_kv_heads = 8;     // key/value heads (GQA); n_heads % n_kv_heads == 0
    int64_t d_ff = 8192;        // Primer FFN width
    int64_t vocab_size = 49152; // embedding rows, tied with the LM head
    int64_t max_seq_len = 2048; // sequence length T of every training sequence
    double rope_base = 10000.0; // RoPE frequency base
    double init_std = 0.02;     // std of every Linear/Embedding/qkvo_proj init

    int64_t d_k() const { return d_model / n_heads; }
};

// The optimisation loop; names follow the original LLMConfig where one exists.
struct TrainConfig {
    int64_t batch_size = 8;                  // sequences per micro-step
    int64_t gradient_accumulation_steps = 4; // micro-steps per optimizer step
    int64_t tokens = 50'000'000;             // token budget per condition
    double muon_lr = 0.012;                  // Muon step size
    double muon_momentum = 0.95;             // Muon momentum (Nesterov)
    double adamw_lr = 0.003;                 // AdamW step size (embedding, norm weights)
    double adamw_beta1 = 0.9;
    double adamw_beta2 = 0.999;
    double adamw_eps = 1e-8;
    double weight_decay = 0.2;     // AdamW decoupled decay
    double grad_clip = 1.0;        // global grad-norm clip at every optimizer step; 0 = off
    int64_t seed = 42;             // model init and data order
    std::string device = "auto";   // auto | cpu | cuda | cuda:N
    int64_t threads = 0;           // CPU threads; 0 = all cores
    bool bf16_autocast = true;     // bf16 autocast on CUDA (never on CPU)
    std::string kernels = "fused"; // CPU kernels: fused | reference (the original's operations, bit for bit)
    std::string activation_checkpointing = "auto"; // auto (when the memory estimate needs it) | on | off
    int64_t cpu_shards = 0; // CPU, fused kernels: micro-batch shards trained side by side; 0 = auto
    bool cuda_graph = false; // CUDA: capture each micro-step's forward + backward once, replay it

    int64_t tokensPerMicroStep(int64_t seqLen) const { return batch_size * seqLen; }
};

// When and on what the keys are probed.
struct ProbeConfig {
    int64_t every = 120;        // probe interval in micro-steps (after the initial probe at 0)
    int64_t early_every = 0;    // denser interval used before early_until; 0 = off
    int64_t early_until = 0;    // micro-step where the dense early probing ends
    bool at_end = false;        // also probe after the last micro-step when it is off-grid
    int64_t batch = 8;          // validation sequences in the probe batch: a seeded draw (train.seed + 999), fixed for the run
    int64_t val_batches = 4;    // validation batches (of train.batch_size) averaged for val loss; 0 = no val loss
    std::string val_sampling = "shuffled"; // shuffled: fresh seeded batches at every probe (the original) | fixed: the same ones
    std::string key_point = "pre_rope";    // the keys mean_pr/layer_pr measure: pre_rope (k_norm output) | post_rope
    bool post_rope = false;     // also record post-RoPE key PR under extra keys (with key_point pre_rope)
};

// Where the tokens come from.
struct DataConfig {
    std::string path = "data/demo/tokens"; // a folder made by `qkstudio-cli prepare`, or .bin shards
};

// When runs save checkpoints (<out>/<tag>/checkpoints/step_<micro-step>.*).
struct CheckpointConfig {
    int64_t every_tokens = 0; // also save after every this many tokens (at the next optimizer step); 0 = only at the end
    int64_t keep = 2;         // checkpoints kept per run, newest first; older ones are deleted
    bool at_end = true;       // save when the run ends (finished or stopped)
};

// One swept setting of study.sweep: a configuration key and the values it takes.
struct SweepAxis {
    std::string key;                 // "train.muon_lr": any setting outside the study section
    std::vector<std::string> values; // each as JSON text: "0.006", "\"fused\"", "true"

    bool operator==(const SweepAxis&) const = default;
};

// Which conditions to run and where to write them.
struct StudySection {
    std::string out = "runs/study";                              // study folder; <out>/<tag>/results.json
    std::vector<std::string> conditions = {"QK", "QK_frozen", "NoQK"}; // tags, run in this order
    std::vector<int64_t> seeds;  // more than one: each trains every condition into <out>/seed_<n>/; else train.seed alone
    std::vector<SweepAxis> sweep; // a grid: each point a study in <out>/<key>=<value>,…/ (docs/cli.md "Sweeps")
};

// Everything a study needs; the JSON file has one section per member.
struct StudyConfig {
    ModelConfig model;
    TrainConfig train;
    ProbeConfig probe;
    DataConfig data;
    StudySection study;
    CheckpointConfig checkpoint;
};

} // namespace qks
