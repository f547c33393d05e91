#pragma once

#include "results/SeedStatistics.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace qks {

// A multi-seed study folder holds one complete study folder per seed, <dir>/seed_<n>/ (issue 22
// §2). Its summary gives, per condition and metric, the mean over seeds with its 95% interval,
// and the same for the effects paired by seed (docs/design.md §1.10).

// The seed_<n> subfolders of `dir`, by n; empty when `dir` is not a multi-seed folder.
std::vector<std::pair<int64_t, std::filesystem::path>> seedFolders(const std::filesystem::path& dir);

// The metrics summarized, in order, with their JSON names: init_pr, min_pr, min_pr_tokens,
// final_pr, final_loss, final_val_loss.
const std::vector<std::string>& seedMetricNames();

// One of those metrics of one run's summary (tokens at the minimum as a double).
std::optional<double> seedMetricValue(const ConditionSummary& s, const std::string& metric);

struct MultiSeedSummary {
    std::vector<int64_t> seeds;
    std::vector<std::string> tags; // QK, QK_frozen, NoQK first, then the rest by name
    // tag → metric → estimate over the seeds that have it
    std::map<std::string, std::map<std::string, std::optional<Estimate>>> conditions;
    // tag → per-probe mean PR (probe k over the seeds that reached it)
    std::map<std::string, std::vector<std::optional<Estimate>>> meanPr;
    // "QK-QK_frozen" (γ effect) and "QK_frozen-NoQK" (norm effect) → metric → estimate
    std::map<std::string, std::map<std::string, std::optional<Estimate>>> differences;
    std::vector<StudyEntry> failed; // conditions of some seed that did not load
    std::vector<std::string> warnings;
};

MultiSeedSummary summarizeSeeds(const std::vector<std::pair<int64_t, std::filesystem::path>>& seeds);

// Per condition, then per effect, "mean ± half-width (n)" of every metric.
std::string formatMultiSeedTable(const MultiSeedSummary& s);
nlohmann::ordered_json multiSeedSummaryToJson(const MultiSeedSummary& s);

} // namespace qks
