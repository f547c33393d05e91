#pragma once

#include "results/SeedStatistics.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qks {

// What a sweep found (issue 22 §5): per grid point and condition, each summary metric over the
// point's seeds (one seed: n = 1, no interval), for the sweep figure and its CSV.

// The metrics a sweep plots, in menu order: min_pr, final_pr, recovery (final − min PR, per
// seed), min_pr_tokens, final_val_loss, then init_pr and final_loss.
const std::vector<std::string>& sweepMetricNames();

struct SweepPointSummary {
    std::string name;                                             // the point's folder name
    std::vector<std::pair<std::string, std::string>> assignments; // key, value as JSON text
    std::filesystem::path folder;
    bool ran = false;                                             // its folder holds results
    // tag → metric → estimate over the seeds that have it
    std::map<std::string, std::map<std::string, std::optional<Estimate>>> metrics;
};

// Every point of the sweep in `dir` (empty when `dir` is no sweep), in grid order.
std::vector<SweepPointSummary> summarizeSweep(const std::filesystem::path& dir);

} // namespace qks
