#include "results/Summary.h"

#include "config/Condition.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <type_traits>

namespace qks {

using nlohmann::ordered_json;

namespace {

std::optional<double> lastNonNull(const std::vector<std::optional<double>>& values)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (*it)
            return **it;
    }
    return std::nullopt;
}

std::string fixed(const std::optional<double>& v, int decimals)
{
    if (!v)
        return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

// Display columns of UTF-8 text: labels such as "Learned γ" hold multi-byte characters.
size_t displayWidth(const std::string& s)
{
    size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(const std::string& s, size_t width, bool right)
{
    const size_t w = displayWidth(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

template <typename T>
ordered_json orNull(const std::optional<T>& v)
{
    if (!v)
        return nullptr;
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(*v))
            return nullptr;
    }
    return *v;
}

} // namespace

ConditionSummary summarizeRun(const RunResults& r)
{
    ConditionSummary s;
    s.tag = r.tag;
    if (const auto c = conditionForTag(r.tag))
        s.label = c->label;
    s.probes = r.tokens.size();
    if (!r.tokens.empty())
        s.tokens = r.tokens.back();
    const size_t n = std::min(r.mean_pr.size(), r.tokens.size());
    if (n > 0 && std::isfinite(r.mean_pr.front()))
        s.initial_pr = r.mean_pr.front();
    if (n > 0 && std::isfinite(r.mean_pr[n - 1]))
        s.final_pr = r.mean_pr[n - 1];
    for (size_t i = 0; i < n; ++i) {
        const double pr = r.mean_pr[i];
        if (std::isfinite(pr) && (!s.min_pr || pr < *s.min_pr)) {
            s.min_pr = pr;
            s.min_pr_tokens = r.tokens[i];
        }
    }
    s.final_loss = lastNonNull(r.loss);
    s.final_val_loss = lastNonNull(r.val_loss);
    return s;
}

std::string formatTokens(int64_t tokens)
{
    char buf[32];
    const double t = static_cast<double>(tokens);
    const double a = std::abs(t);
    // Thresholds sit where the smaller unit would round up to 1000 of itself.
    if (a < 1000)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(tokens));
    else if (a < 999'950)
        std::snprintf(buf, sizeof buf, "%.1fK", t / 1e3);
    else if (a < 999'950'000)
        std::snprintf(buf, sizeof buf, "%.1fM", t / 1e6);
    else
        std::snprintf(buf, sizeof buf, "%.2fB", t / 1e9);
    return buf;
}

std::string formatTextTable(const std::vector<std::string>& titles, const std::vector<bool>& rightAligned,
                            const std::vector<std::vector<std::string>>& cells)
{
    std::vector<size_t> widths;
    for (size_t c = 0; c < titles.size(); ++c) {
        size_t w = displayWidth(titles[c]);
        for (const auto& row : cells)
            w = std::max(w, displayWidth(row[c]));
        widths.push_back(w);
    }
    auto line = [&](const auto& text) {
        std::string out;
        for (size_t c = 0; c < titles.size(); ++c)
            out += (c ? "  " : "") + pad(text(c), widths[c], rightAligned[c]);
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        return out + "\n";
    };
    std::string out = line([&](size_t c) { return titles[c]; });
    for (const auto& row : cells)
        out += line([&](size_t c) { return row[c]; });
    return out;
}

std::string formatSummaryTable(const std::vector<ConditionSummary>& rows)
{
    std::vector<std::vector<std::string>> cells;
    for (const auto& s : rows) {
        cells.push_back({
            s.tag,
            s.label.empty() ? "-" : s.label,
            std::to_string(s.probes),
            s.tokens ? formatTokens(*s.tokens) : "-",
            fixed(s.initial_pr, 2),
            fixed(s.min_pr, 2),
            s.min_pr_tokens ? formatTokens(*s.min_pr_tokens) : "-",
            fixed(s.final_pr, 2),
            fixed(s.final_loss, 3),
            fixed(s.final_val_loss, 3),
        });
    }
    return formatTextTable({"condition", "label", "probes", "tokens", "init PR", "min PR", "at", "final PR", "train loss",
                            "val loss"},
                           {false, false, true, true, true, true, true, true, true, true}, cells);
}

ordered_json summaryToJson(const ConditionSummary& s)
{
    ordered_json j = ordered_json::object();
    j["tag"] = s.tag;
    j["label"] = s.label;
    j["probes"] = s.probes;
    j["tokens"] = orNull(s.tokens);
    j["initial_pr"] = orNull(s.initial_pr);
    j["min_pr"] = orNull(s.min_pr);
    j["min_pr_tokens"] = orNull(s.min_pr_tokens);
    j["final_pr"] = orNull(s.final_pr);
    j["final_loss"] = orNull(s.final_loss);
    j["final_val_loss"] = orNull(s.final_val_loss);
    return j;
}

ordered_json summaryToJson(const std::vector<ConditionSummary>& rows)
{
    ordered_json a = ordered_json::array();
    for (const auto& s : rows)
        a.push_back(summaryToJson(s));
    return a;
}

} // namespace qks
