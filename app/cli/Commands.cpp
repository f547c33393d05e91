#include "Commands.h"

namespace qks::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"study", "study [--preset P] [--out DIR] [--conditions QK,QK_frozen,NoQK] [--data DIR] [--seed N] [--device D]",
         "train every condition and write <out>/<tag>/results.json", {"quiet"}, runStudy},
        {"train", "train --condition C [--preset P] [--out DIR] [--data DIR] [--seed N] [--device D]",
         "train one condition", {"quiet"}, runTrain},
        {"prepare", "prepare --text DIR --vocab-size N --seq-len T --out DIR [--json]",
         "train a BPE tokenizer and write token shards", {"json"}, runPrepare},
        {"inspect", "inspect DIR|FILE [--seq-len T] [--json]", "describe a token source", {"json"}, runInspect},
        {"summary", "summary DIR [--json]", "the paper's summary table for a study folder", {"json"}, runSummary},
        {"params", "params [--preset P] [--condition QK|QK_frozen|NoQK] [--json]",
         "parameter count from the config (nothing allocated)", {"json"}, runParams},
        {"config", "config [--preset P] [--config FILE] [--set k=v] [--json]", "print the full configuration as JSON",
         {"json"}, runConfig},
    };
    return table;
}

} // namespace qks::cli
