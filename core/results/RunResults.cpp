#include "results/RunResults.h"

#include <algorithm>

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
    auto cutJson = [probes](nlohmann::ordered_json& series) {
        if (series.is_array() && series.size() > probes)
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
    checkExtra(r, out);
    return out;
}

} // namespace qks
