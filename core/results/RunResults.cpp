#include "results/RunResults.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace qks {

void RunResults::truncate(size_t probes)
{
    auto cut = [probes](auto& series) {
        if (series.size() > probes)
            series.resize(probes);
    };
    cut(tokens);
    cut(loss);
    cut(val_loss);
    cut(mean_pr);
    for (auto& layer : layer_pr)
        cut(layer);
    for (auto& layer : gamma_cv)
        cut(layer);
    gamma_final.reset();
    // Per-probe series hold numbers (or null for NaN); a list of records such as
    // "token_extensions" is not one.
    auto cutJson = [probes](nlohmann::ordered_json& series) {
        const bool perProbe = series.is_array() && (series.empty() || series.front().is_number() || series.front().is_null());
        if (perProbe && series.size() > probes)
            series.erase(series.begin() + static_cast<std::ptrdiff_t>(probes), series.end());
    };
    for (auto& [key, value] : extra.items()) {
        if (value.is_array())
            cutJson(value);
        else if (value.is_object())
            for (auto& [layer, series] : value.items())
                cutJson(series);
    }
}

const std::vector<std::string>& resultsSchemaKeys()
{
    static const std::vector<std::string> keys = {"tag",     "tokens",   "loss",     "val_loss",
                                                  "mean_pr", "layer_pr", "gamma_cv", "gamma_final"};
    return keys;
}

namespace {

std::string countMismatch(const std::string& what, size_t got, size_t want, const std::string& of)
{
    return what + " has " + std::to_string(got) + " values but " + of + " has " + std::to_string(want);
}

void checkTokens(const RunResults& r, std::vector<std::string>& out)
{
    for (size_t i = 0; i < r.tokens.size(); ++i) {
        if (r.tokens[i] < 0) {
            out.push_back("tokens[" + std::to_string(i) + "] is negative (" + std::to_string(r.tokens[i]) + ")");
            return;
        }
        if (i > 0 && r.tokens[i] < r.tokens[i - 1]) {
            out.push_back("tokens decrease at probe " + std::to_string(i) + " (" + std::to_string(r.tokens[i - 1])
                          + " then " + std::to_string(r.tokens[i]) + ")");
            return;
        }
    }
}

void checkPerLayer(const std::string& key, const std::vector<std::vector<double>>& perLayer, size_t probes,
                   std::vector<std::string>& out)
{
    for (size_t l = 0; l < perLayer.size(); ++l) {
        if (perLayer[l].size() != probes)
            out.push_back(countMismatch(key + "[\"" + std::to_string(l) + "\"]", perLayer[l].size(), probes, "tokens"));
    }
}

void checkGammaFinal(const RunResults& r, std::vector<std::string>& out)
{
    if (!r.gamma_final)
        return;
    const auto& g = *r.gamma_final;
    if (g.size() != r.layer_pr.size()) {
        out.push_back("gamma_final has " + std::to_string(g.size()) + " layers but layer_pr has "
                      + std::to_string(r.layer_pr.size()));
    }
    for (size_t l = 0; l < g.size(); ++l) {
        // Every layer has the same head width, so every γ vector has d_k entries.
        if (g[l].empty())
            out.push_back("gamma_final[\"" + std::to_string(l) + "\"] is empty");
        else if (g[l].size() != g[0].size())
            out.push_back(countMismatch("gamma_final[\"" + std::to_string(l) + "\"]", g[l].size(), g[0].size(),
                                        "gamma_final[\"0\"]"));
    }
}

void checkExtra(const RunResults& r, std::vector<std::string>& out)
{
    if (r.extra.is_null())
        return;
    if (!r.extra.is_object()) {
        out.push_back("extra data must be a JSON object of additional keys");
        return;
    }
    const auto& schema = resultsSchemaKeys();
    for (const auto& [key, value] : r.extra.items()) {
        if (std::find(schema.begin(), schema.end(), key) != schema.end())
            out.push_back("extra key \"" + key + "\" would replace the schema key of the same name");
    }
}

// A key's PR lies between 1 and the head width d_k (0 where a probe failed); the widest head
// any preset or the published study uses is 128, so 4096 leaves room while catching a hand-edited
// 1e308 that would print as a 309-digit number and break the summary's columns.
constexpr double kMaxParticipationRatio = 4096.0;

std::string formatValue(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

double valueOf(double v) { return v; }
double valueOf(const std::optional<double>& v) { return v.value_or(std::numeric_limits<double>::quiet_NaN()); }

// NaN and null stay allowed: a diverged or missing measurement.
template <typename Value>
void checkRange(const std::string& key, const std::vector<Value>& values, double lo, double hi,
                const std::string& why, std::vector<std::string>& out)
{
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = valueOf(values[i]);
        if (v < lo || v > hi) {
            out.push_back(key + "[" + std::to_string(i) + "] is " + formatValue(v) + "; " + why);
            return;
        }
    }
}

void checkValueRanges(const RunResults& r, std::vector<std::string>& out)
{
    const double inf = std::numeric_limits<double>::infinity();
    const std::string lossWhy = "a cross-entropy loss is never negative";
    checkRange("loss", r.loss, 0.0, inf, lossWhy, out);
    checkRange("val_loss", r.val_loss, 0.0, inf, lossWhy, out);
    const std::string prWhy = "a participation ratio lies between 1 and the head width";
    checkRange("mean_pr", r.mean_pr, 0.0, kMaxParticipationRatio, prWhy, out);
    for (size_t l = 0; l < r.layer_pr.size(); ++l)
        checkRange("layer_pr[\"" + std::to_string(l) + "\"]", r.layer_pr[l], 0.0, kMaxParticipationRatio, prWhy, out);
}

} // namespace

std::vector<std::string> validateResults(const RunResults& r)
{
    std::vector<std::string> out;
    if (r.tag.empty())
        out.push_back("tag is empty");
    checkTokens(r, out);
    const size_t probes = r.tokens.size();
    if (r.loss.size() != probes)
        out.push_back(countMismatch("loss", r.loss.size(), probes, "tokens"));
    if (r.val_loss.size() != probes)
        out.push_back(countMismatch("val_loss", r.val_loss.size(), probes, "tokens"));
    if (r.mean_pr.size() != probes)
        out.push_back(countMismatch("mean_pr", r.mean_pr.size(), probes, "tokens"));
    checkPerLayer("layer_pr", r.layer_pr, probes, out);
    if (!r.gamma_cv.empty() && r.gamma_cv.size() != r.layer_pr.size()) {
        out.push_back("gamma_cv has " + std::to_string(r.gamma_cv.size()) + " layers but layer_pr has "
                      + std::to_string(r.layer_pr.size()));
    }
    checkPerLayer("gamma_cv", r.gamma_cv, probes, out);
    checkGammaFinal(r, out);
    checkValueRanges(r, out);
    checkExtra(r, out);
    return out;
}

} // namespace qks
