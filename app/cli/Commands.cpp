#include "Commands.h"

namespace qks::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"study", "study [--preset P] [--out DIR] [--conditions QK,QK_frozen,NoQK] [--data DIR] [--seed N] [--device D] [--resume]",
         "train every condition and write <out>/<tag>/results.json", {"quiet", "resume"}, runStudy},
        {"train", "train --condition C [--preset P] [--out DIR] [--data DIR] [--seed N] [--device D] [--resume | --init WEIGHTS]",
         "train one condition", {"quiet", "resume"}, runTrain},
        {"probe", "probe --checkpoint FILE [--data DIR] [--batch 8] [--post-rope] [--condition C] [--json]",
         "key PR and γ statistics of a checkpoint", {"json", "post-rope"}, runProbe},
        {"eval", "eval --checkpoint FILE [--data DIR] [--batches N] [--batch-size B] [--json]",
         "mean validation loss of a checkpoint", {"json"}, runEval},
        {"prepare", "prepare (--text DIR [--tokenizer FILE|DIR] [--text-field F] | --arrow DIR) [--vocab-size N] --seq-len T --out DIR [--json]",
         "tokenize text (training a BPE tokenizer or using one) or convert a tokenized HF datasets folder into shards",
         {"json"}, runPrepare},
        {"tokenize", "tokenize --tokenizer FILE|DIR [--decode] [--special] [--json] < TEXT",
         "text on stdin to token ids (--decode: ids to text)", {"decode", "special", "json"}, runTokenize},
        {"inspect", "inspect DIR|FILE [--seq-len T] [--json]", "describe a token source", {"json"}, runInspect},
        {"summary", "summary DIR [--json]", "the paper's summary table for a study folder", {"json"}, runSummary},
        {"params", "params [--preset P] [--condition QK|QK_frozen|NoQK] [--json]",
         "parameter count from the config (nothing allocated)", {"json"}, runParams},
        {"config", "config [--preset P] [--config FILE] [--set k=v] [--json]", "print the full configuration as JSON",
         {"json"}, runConfig},
        {"bench", "bench [--preset P] [--set k=v] [--steps N] [--device D] [--threads N] [--condition C] [--peak-tflops X] [--kernels fused|reference] [--compare-kernels] [--json]",
         "training speed on random tokens: tokens/s, forward/backward/optimizer/probe times, MFU, memory",
         {"json", "compare-kernels"},
         runBench},
        {"crosscheck", "crosscheck [--preset P] [--set k=v] [--device cuda] [--against cpu] [--steps N] [--json]",
         "train the same model on the same batches on two devices; losses and key PR must agree (exit 1 if not)",
         {"json"}, runCrossCheck},
    };
    return table;
}

} // namespace qks::cli
