#pragma once

#include "results/RunResults.h"
#include "results/SeedStatistics.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qks {

// One condition over several seeds, drawn as one curve with its band (issue 22 §4): per probe,
// each series' mean and 95% interval over the seeds that have reached that probe, so a band
// of a study still training narrows as seeds catch up.

// Per probe, the estimate over the seeds with a finite value there (none where no seed has one).
using ProbeEstimates = std::vector<std::optional<Estimate>>;

struct SeedAggregate {
    RunResults mean;                     // the tag, the longest run's tokens, each series' per-probe mean
    std::vector<int64_t> seeds;          // the seeds aggregated, in the order given
    std::vector<size_t> seedsAtProbe;    // how many seeds reached each probe
    ProbeEstimates meanPr, loss, valLoss;
    std::vector<ProbeEstimates> layerPr; // [layer]
    std::vector<ProbeEstimates> gammaCv; // [layer]; empty without γ
    std::vector<std::string> warnings;   // seeds left out, and why
};

// `runs`: one condition's results per seed. A run whose probes are at other tokens than the
// longest run's (another schedule) or whose layer count differs is left out with a warning.
SeedAggregate aggregateSeeds(const std::vector<std::pair<int64_t, const RunResults*>>& runs);

} // namespace qks
