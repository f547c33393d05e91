#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// One condition's results.json (docs/design.md §1.9), field for field. Member names follow the JSON keys.
// Per-probe vectors have tokens.size() entries; per-layer vectors are indexed by layer, which
// the file spells as the keys "0".."L-1".
struct RunResults {
    std::string tag;                               // condition tag, e.g. "QK"
    std::vector<int64_t> tokens;                   // tokens seen at each probe, non-decreasing
    std::vector<std::optional<double>> loss;       // mean train loss since the last probe; none at 0
    std::vector<std::optional<double>> val_loss;   // validation loss; none at 0
    std::vector<double> mean_pr;                   // mean over layers of the layer PR; NaN = missing
    std::vector<std::vector<double>> layer_pr;     // [layer][probe]; NaN = missing
    std::vector<std::vector<double>> gamma_cv;     // [layer][probe]; empty when there is no γ (NoQK)
    std::optional<std::vector<std::vector<float>>> gamma_final; // [layer][d_k]; QK only, at the end

    // Every other top-level key, in file order, so files from newer writers survive a rewrite.
    // Writers add their own data here (e.g. "post_rope_layer_pr"), never by changing the above.
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();

    size_t probeCount() const { return tokens.size(); }
    size_t layerCount() const { return layer_pr.size(); }

    // Keeps the first `probes` probes: every per-probe series, per-layer series and per-probe
    // extra (an array, or an object of arrays, longer than `probes`) is cut there, and
    // gamma_final, written at the end of a run, goes. A resumed run continues from here.
    void truncate(size_t probes);
};

// The top-level keys the schema owns, in the order writers emit them.
const std::vector<std::string>& resultsSchemaKeys();

// Everything wrong with `r` as one sentence each (empty when consistent): per-probe lengths,
// per-layer lengths, decreasing or negative tokens, extras that reuse a schema key.
std::vector<std::string> validateResults(const RunResults& r);

} // namespace qks
