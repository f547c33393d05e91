#pragma once

#include "results/RunResults.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// The numbers the study reports per condition (docs/design.md §1.10).
// A value is absent when the run has no probe, or no finite/non-null value, to take it from.
struct ConditionSummary {
    std::string tag;
    std::string label;                    // legend label of a published condition, else empty
    size_t probes = 0;                    // probe points recorded
    std::optional<int64_t> tokens;        // tokens at the last probe
    std::optional<double> initial_pr;     // mean PR at the first probe (normally 0 tokens)
    std::optional<double> min_pr;         // lowest finite mean PR
    std::optional<int64_t> min_pr_tokens; // tokens at that probe (the earliest on a tie)
    std::optional<double> final_pr;       // mean PR at the last probe, if finite
    std::optional<double> final_loss;     // last non-null train loss (NaN if the run diverged)
    std::optional<double> final_val_loss; // last non-null validation loss
};

ConditionSummary summarizeRun(const RunResults& r);

// Token counts as the study's axes show them: "0", "512", "102.4K", "7.9M", "1.25B".
std::string formatTokens(int64_t tokens);

// A fixed-width table, one row per condition, PR to 2 decimals and losses to 3 as published.
// Missing values print as "-". Ends with a newline.
std::string formatSummaryTable(const std::vector<ConditionSummary>& rows);

// A fixed-width text table: columns two spaces apart, each as wide as its widest cell (by
// display width: "γ" is one column), trailing spaces trimmed. Ends with a newline.
std::string formatTextTable(const std::vector<std::string>& titles, const std::vector<bool>& rightAligned,
                            const std::vector<std::vector<std::string>>& cells);

// Full-precision values; absent ones are null.
nlohmann::ordered_json summaryToJson(const ConditionSummary& s);
nlohmann::ordered_json summaryToJson(const std::vector<ConditionSummary>& rows);

} // namespace qks
