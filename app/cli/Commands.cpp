#include "Commands.h"

namespace qks::cli {

// The options every config-taking command shares, for their --help.
#define QKS_CONFIG_OPTIONS                                                                                 \
    "  --preset P           start from preset P: tiny-cpu, pocket-u, pilot-500k or study-50m\n"         \
    "  --config FILE        then apply a configuration file (JSON, as `config` prints it)\n"                 \
    "  --set section.key=V  then set one key, e.g. --set train.tokens=262144 (repeatable)\n"

#define QKS_RUN_OPTIONS                                                                                    \
    "  --out DIR            study.out: where <condition>/results.json and config.json go\n"                  \
    "  --data DIR           data.path: a prepared token folder, llm.c shards or a HF datasets folder\n"      \
    "  --seed N             train.seed: the initial weights, the data order, the probe batch and the\n"      \
    "                       validation draws\n"                            \
    "  --device D           train.device: auto, cpu, cuda or cuda:N\n"                                       \
    "  --resume             continue the runs in the output folder from their newest checkpoints (a\n"     \
    "                       finished run is skipped; the settings must be the runs' own, see run.json);\n" \
    "                       refused when no condition's folder holds a run\n"                              \
    "  --resume-or-start    --resume, and start the conditions that have no run yet\n"                     \
    "  --extend-tokens N    with --resume: train the runs on to N tokens (more than train.tokens), recorded\n" \
    "                       in run.json and results.json\n"                                                \
    "  --overwrite          delete the runs the output folder holds (results, checkpoints), then start\n"    \
    "  --init WEIGHTS       start from these weights with a fresh optimizer (not with --resume)\n"           \
    "  --quiet              no progress, probe or log lines; failures and the summary still print\n"

#define QKS_CHECKPOINT_OPTIONS                                                                             \
    "  --checkpoint FILE    a weights file: a QK Studio checkpoint or a PyTorch MinimalLLM state dict\n"     \
    "  --data DIR           the token data (default: the checkpoint's data.path)\n"                          \
    "  --condition C        QK, QK_frozen or NoQK, when the file cannot say (a PyTorch file's frozen γ)\n"   \
    "  --device D           cpu (default), cuda or cuda:N\n"                                                 \
    "  --json               write JSON to stdout instead of the table\n"

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"study", "study [--preset P] [--out DIR] [--conditions QK,QK_frozen,NoQK] [--data DIR] [--seed N | --seeds A,B,C] [--device D] [--resume | --overwrite]",
         "train every condition and write <out>/<tag>/results.json (several seeds: <out>/seed_<n>/<tag>/)",
         QKS_CONFIG_OPTIONS QKS_RUN_OPTIONS
         "  --conditions A,B     study.conditions: which of QK, QK_frozen, NoQK to train, in order\n"
         "  --seeds A,B,C        study.seeds: train every condition at each seed, into <out>/seed_<n>/ (each a\n"
         "                       complete study), seed by seed; summary gives mean ± 95% CI over them\n",
         {"quiet", "resume", "resume-or-start", "overwrite"}, runStudy},
        {"train", "train --condition C [--preset P] [--out DIR] [--data DIR] [--seed N] [--device D] [--resume | --overwrite] [--init WEIGHTS]",
         "train one condition",
         "  --condition C        QK, QK_frozen or NoQK\n" QKS_CONFIG_OPTIONS QKS_RUN_OPTIONS,
         {"quiet", "resume", "resume-or-start", "overwrite"}, runTrain},
        {"init", "init --condition C [--preset P] [--config F] [--set k=v] [--seed N] --out FILE.safetensors [--overwrite]",
         "write the initial weights a run would start from (the original's MinimalLLM init, bit for bit)",
         "  --condition C        QK, QK_frozen or NoQK\n"
         "  --seed N             train.seed (default: the configuration's)\n"
         "  --out FILE           where the weights go (names as in checkpoints)\n"
         "  --overwrite          replace FILE when it exists (only a regular file)\n" QKS_CONFIG_OPTIONS,
         {"overwrite"}, runInit},
        {"probe", "probe --checkpoint FILE [--data DIR] [--batch 8] [--post-rope] [--condition C] [--json]",
         "key PR and γ statistics of a checkpoint",
         QKS_CHECKPOINT_OPTIONS
         "  --batch N            probe sequences (default probe.batch: the probe batch a run uses)\n"
         "  --post-rope          also measure the keys after RoPE\n" QKS_CONFIG_OPTIONS,
         {"json", "post-rope"}, runProbe},
        {"eval", "eval --checkpoint FILE [--data DIR] [--batches N] [--batch-size B] [--json]",
         "mean validation loss of a checkpoint",
         QKS_CHECKPOINT_OPTIONS
         "  --batches N          validation batches (default probe.val_batches)\n"
         "  --batch-size B       sequences per batch (default train.batch_size)\n" QKS_CONFIG_OPTIONS,
         {"json"}, runEval},
        {"prepare", "prepare (--text DIR [--tokenizer FILE|DIR] [--text-field F] | --arrow DIR) [--vocab-size N] --seq-len T --out DIR [--json]",
         "tokenize text (training a BPE tokenizer or using one) or convert a tokenized HF datasets folder into shards",
         "  --text DIR           every *.txt (one document each) and *.jsonl (one per line) under DIR\n"
         "  --tokenizer FILE|DIR a Hugging Face tokenizer.json or a GPT-2 vocab/merges pair; without it a\n"
         "                       byte-level BPE of --vocab-size tokens is trained on the text\n"
         "  --text-field F       the .jsonl field holding the text (default text)\n"
         "  --arrow DIR          an already tokenized Hugging Face datasets folder (input_ids)\n"
         "  --vocab-size N       tokens of the trained tokenizer (must agree with a given one)\n"
         "  --seq-len T          tokens per training sequence\n"
         "  --out DIR            where meta.json, tokenizer.json and the shards go\n"
         "  --json               write the report as JSON\n",
         {"json"}, runPrepare},
        {"tokenize", "tokenize --tokenizer FILE|DIR [--decode] [--special] [--json] < TEXT",
         "text on stdin to token ids (--decode: ids to text)",
         "  --tokenizer FILE|DIR a Hugging Face tokenizer.json or a GPT-2 vocab/merges pair\n"
         "  --decode             read ids (whitespace separated or a JSON list) and write their text\n"
         "  --special            turn special-token text (<|endoftext|>) into the token\n"
         "  --json               write the ids as a JSON list\n",
         {"decode", "special", "json"}, runTokenize},
        {"inspect", "inspect DIR|FILE [--seq-len T] [--json]", "describe a token source",
         "  --seq-len T          sequence length, where meta.json or the rows do not give it\n"
         "  --json               write JSON\n",
         {"json"}, runInspect, 1},
        {"summary", "summary DIR [--json]", "the paper's summary table for a study folder",
         "  DIR                  a study folder (one subfolder per condition) or one condition folder\n"
         "  --json               write JSON\n",
         {"json"}, runSummary, 1},
        {"params", "params [--preset P] [--condition QK|QK_frozen|NoQK] [--json]",
         "parameter count from the config (nothing allocated)",
         "  --condition C        QK (default), QK_frozen or NoQK\n"
         "  --json               write JSON, with the memory estimate's parts\n" QKS_CONFIG_OPTIONS,
         {"json"}, runParams},
        {"config", "config [--preset P] [--config FILE] [--set k=v] [--json]", "print the full configuration as JSON",
         QKS_CONFIG_OPTIONS "  --json               accepted; the output is always JSON\n", {"json"}, runConfig},
        {"bench", "bench [--preset P] [--set k=v] [--steps N] [--device D] [--threads N] [--condition C] [--peak-tflops X] [--kernels fused|reference] [--compare-kernels] [--json]",
         "training speed on random tokens: tokens/s, forward/backward/optimizer/probe times, MFU, memory",
         "  --steps N            timed micro-steps (default 32), after one untimed optimizer step\n"
         "  --device D           train.device: auto, cpu, cuda or cuda:N\n"
         "  --threads N          train.threads (0 = every core)\n"
         "  --condition C        QK (default), QK_frozen or NoQK\n"
         "  --peak-tflops X      the device's dense bf16 peak, for MFU (known for H100, H200, A100)\n"
         "  --kernels K          train.kernels: fused or reference\n"
         "  --compare-kernels    also time the reference kernels, one optimizer step each in turn\n"
         "  --json               write JSON\n" QKS_CONFIG_OPTIONS,
         {"json", "compare-kernels"}, runBench},
        {"crosscheck", "crosscheck [--preset P] [--set k=v] [--device cuda] [--against cpu] [--steps N] [--json]",
         "train the same model on the same batches on two devices; losses and key PR must agree (exit 1 if not)",
         "  --device D           the device checked (default auto)\n"
         "  --against D          the device it is compared with (default cpu)\n"
         "  --steps N            micro-steps (default 8)\n"
         "  --json               write JSON\n" QKS_CONFIG_OPTIONS,
         {"json"}, runCrossCheck},
    };
    return table;
}

} // namespace qks::cli
