#include "results/SeedSummary.h"

#include "results/Summary.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <regex>

namespace qks {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

const std::vector<std::pair<std::string, std::string>> kEffects = {{"QK-QK_frozen", "γ effect (QK − QK_frozen)"},
                                                                   {"QK_frozen-NoQK", "norm effect (QK_frozen − NoQK)"}};

} // namespace

std::optional<double> seedMetricValue(const ConditionSummary& s, const std::string& metric)
{
    const auto asDouble = [](const std::optional<int64_t>& v) -> std::optional<double> {
        return v ? std::optional<double>(double(*v)) : std::nullopt;
    };
    if (metric == "init_pr")
        return s.initial_pr;
    if (metric == "min_pr")
        return s.min_pr;
    if (metric == "min_pr_tokens")
        return asDouble(s.min_pr_tokens);
    if (metric == "final_pr")
        return s.final_pr;
    if (metric == "final_loss")
        return s.final_loss;
    return s.final_val_loss;
}

namespace {

std::string number(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

// "65.70 ± 1.23 (3)", "65.70 (1)" with one seed, "-" with none; tokens as the axes show them.
std::string cell(const std::optional<Estimate>& e, const std::string& metric)
{
    if (!e)
        return "-";
    const bool tokens = metric == "min_pr_tokens";
    const int decimals = metric.find("loss") != std::string::npos ? 3 : 2;
    const auto show = [&](double v) {
        return tokens ? formatTokens(int64_t(std::llround(v))) : number(v, decimals);
    };
    std::string out = show(e->mean);
    if (e->ci95)
        out += " ± " + show((e->ci95->second - e->ci95->first) / 2);
    return out + " (" + std::to_string(e->n) + ")";
}

} // namespace

std::vector<std::pair<int64_t, fs::path>> seedFolders(const fs::path& dir)
{
    std::vector<std::pair<int64_t, fs::path>> out;
    std::error_code ec;
    static const std::regex name("seed_(0|[1-9][0-9]{0,17})");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string file = it->path().filename().string();
        if (it->is_directory(ec) && std::regex_match(file, m, name))
            out.emplace_back(std::stoll(m[1].str()), it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<std::string>& seedMetricNames()
{
    static const std::vector<std::string> names = {"init_pr", "min_pr", "min_pr_tokens", "final_pr", "final_loss",
                                                   "final_val_loss"};
    return names;
}

MultiSeedSummary summarizeSeeds(const std::vector<std::pair<int64_t, fs::path>>& seeds)
{
    MultiSeedSummary s;
    // tag → seed → summary, and tag → seed → mean PR per probe
    std::map<std::string, std::map<int64_t, ConditionSummary>> bySeed;
    std::map<std::string, std::map<int64_t, std::vector<double>>> prBySeed;
    std::map<std::string, std::map<int64_t, int64_t>> lastTokens; // tag → seed → tokens at its last probe
    for (const auto& [seed, folder] : seeds) {
        s.seeds.push_back(seed);
        const std::vector<StudyEntry> entries = listStudy(folder);
        if (entries.empty())
            s.warnings.push_back("seed_" + std::to_string(seed) + " holds no results yet");
        for (StudyEntry e : entries) {
            if (!e.warning.empty())
                s.warnings.push_back("seed_" + std::to_string(seed) + ": " + e.warning);
            if (!e.ok()) {
                s.failed.push_back(std::move(e));
                continue;
            }
            // A run trained at another seed than its folder says is averaged under the wrong name.
            const auto& config = e.results->extra;
            if (config.contains("config") && config["config"].contains("train") &&
                config["config"]["train"].value("seed", seed) != seed)
                s.warnings.push_back("seed_" + std::to_string(seed) + "/" + e.tag + " was trained with train.seed " +
                                     std::to_string(config["config"]["train"].value("seed", int64_t(0))) +
                                     ", not " + std::to_string(seed));
            if (!e.results->tokens.empty())
                lastTokens[e.tag][seed] = e.results->tokens.back();
            if (std::find(s.tags.begin(), s.tags.end(), e.tag) == s.tags.end())
                s.tags.push_back(e.tag);
            bySeed[e.tag][seed] = summarizeRun(*e.results);
            prBySeed[e.tag][seed] = e.results->mean_pr;
        }
    }
    // Finals of runs of different lengths (one still training or stopped) are not one quantity.
    for (const auto& [tag, bySeed] : lastTokens) {
        int64_t lo = INT64_MAX, hi = 0;
        for (const auto& [seed, tokens] : bySeed) {
            lo = std::min(lo, tokens);
            hi = std::max(hi, tokens);
        }
        if (lo != hi)
            s.warnings.push_back(tag + ": the seeds' runs end at different tokens (" + formatTokens(lo) + " to " +
                                 formatTokens(hi) + "): their final values are averaged across lengths");
    }
    // The study's order: QK, QK_frozen, NoQK, then the rest by name.
    const auto rank = [](const std::string& t) { return t == "QK" ? 0 : t == "QK_frozen" ? 1 : t == "NoQK" ? 2 : 3; };
    std::sort(s.tags.begin(), s.tags.end(), [&](const std::string& a, const std::string& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    for (const std::string& tag : s.tags) {
        for (const std::string& metric : seedMetricNames()) {
            std::vector<double> values;
            for (const auto& [seed, sum] : bySeed[tag])
                if (const auto v = seedMetricValue(sum, metric))
                    values.push_back(*v);
            s.conditions[tag][metric] = estimate(values);
        }
        size_t probes = 0;
        for (const auto& [seed, pr] : prBySeed[tag])
            probes = std::max(probes, pr.size());
        for (size_t p = 0; p < probes; ++p) {
            std::vector<double> values;
            for (const auto& [seed, pr] : prBySeed[tag])
                if (p < pr.size())
                    values.push_back(pr[p]);
            s.meanPr[tag].push_back(estimate(values));
        }
    }
    for (const auto& [key, label] : kEffects) {
        const std::string a = key.substr(0, key.find('-')), b = key.substr(key.find('-') + 1);
        if (!bySeed.count(a) || !bySeed.count(b))
            continue;
        for (const std::string& metric : seedMetricNames()) {
            std::map<int64_t, double> va, vb;
            for (const auto& [seed, sum] : bySeed[a])
                if (const auto v = seedMetricValue(sum, metric); v && std::isfinite(*v))
                    va[seed] = *v;
            for (const auto& [seed, sum] : bySeed[b])
                if (const auto v = seedMetricValue(sum, metric); v && std::isfinite(*v))
                    vb[seed] = *v;
            s.differences[key][metric] = estimate(pairedDifferences(va, vb));
        }
    }
    return s;
}

std::string formatMultiSeedTable(const MultiSeedSummary& s)
{
    std::vector<std::vector<std::string>> rows;
    const auto row = [&](const std::string& name, const std::map<std::string, std::optional<Estimate>>& metrics) {
        std::vector<std::string> cells = {name};
        for (const std::string& metric : seedMetricNames()) {
            const auto it = metrics.find(metric);
            cells.push_back(cell(it == metrics.end() ? std::nullopt : it->second, metric));
        }
        rows.push_back(cells);
    };
    for (const std::string& tag : s.tags)
        row(tag, s.conditions.at(tag));
    for (const auto& [key, label] : kEffects)
        if (s.differences.count(key))
            row(label, s.differences.at(key));
    std::string seeds;
    for (int64_t seed : s.seeds)
        seeds += (seeds.empty() ? "" : ", ") + std::to_string(seed);
    return "seeds " + seeds + "; mean ± half-width of the 95% interval (Student t), (n seeds)\n" +
           formatTextTable({"condition", "init PR", "min PR", "at", "final PR", "train loss", "val loss"},
                           {false, true, true, true, true, true, true}, rows);
}

ordered_json multiSeedSummaryToJson(const MultiSeedSummary& s)
{
    ordered_json out;
    out["seeds"] = s.seeds;
    ordered_json conditions = ordered_json::object();
    for (const std::string& tag : s.tags) {
        ordered_json c = ordered_json::object();
        for (const std::string& metric : seedMetricNames())
            c[metric] = estimateToJson(s.conditions.at(tag).at(metric));
        ordered_json pr = ordered_json::array();
        for (const auto& e : s.meanPr.at(tag))
            pr.push_back(estimateToJson(e));
        c["mean_pr"] = pr;
        conditions[tag] = c;
    }
    out["conditions"] = conditions;
    ordered_json differences = ordered_json::object();
    for (const auto& [key, label] : kEffects) {
        if (!s.differences.count(key))
            continue;
        ordered_json d = ordered_json::object();
        for (const std::string& metric : seedMetricNames())
            d[metric] = estimateToJson(s.differences.at(key).at(metric));
        differences[key] = d;
    }
    out["differences"] = differences;
    return out;
}

} // namespace qks
