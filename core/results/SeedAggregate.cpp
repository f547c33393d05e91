#include "results/SeedAggregate.h"

#include <cmath>
#include <limits>

namespace qks {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The estimate of one probe's values, and its mean as the series shows it.
template <typename ValueAt>
ProbeEstimates perProbe(size_t probes, const std::vector<const RunResults*>& runs, ValueAt valueAt)
{
    ProbeEstimates out(probes);
    for (size_t k = 0; k < probes; ++k) {
        std::vector<double> values;
        for (const RunResults* r : runs)
            if (k < r->probeCount())
                if (const std::optional<double> v = valueAt(*r, k); v && std::isfinite(*v))
                    values.push_back(*v);
        out[k] = estimate(values);
    }
    return out;
}

std::vector<double> means(const ProbeEstimates& e)
{
    std::vector<double> out;
    for (const auto& x : e)
        out.push_back(x ? x->mean : kNaN);
    return out;
}

std::vector<std::optional<double>> optionalMeans(const ProbeEstimates& e)
{
    std::vector<std::optional<double>> out;
    for (const auto& x : e)
        out.push_back(x ? std::optional<double>(x->mean) : std::nullopt);
    return out;
}

} // namespace

SeedAggregate aggregateSeeds(const std::vector<std::pair<int64_t, const RunResults*>>& runs)
{
    SeedAggregate a;
    const RunResults* longest = nullptr;
    for (const auto& [seed, r] : runs)
        if (r && (!longest || r->probeCount() > longest->probeCount()))
            longest = r;
    if (!longest)
        return a;
    std::vector<const RunResults*> kept;
    for (const auto& [seed, r] : runs) {
        if (!r)
            continue;
        bool sameSchedule = r->layerCount() == longest->layerCount();
        for (size_t k = 0; sameSchedule && k < r->probeCount(); ++k)
            sameSchedule = r->tokens[k] == longest->tokens[k];
        if (!sameSchedule) {
            a.warnings.push_back("seed " + std::to_string(seed) + " of " + r->tag +
                                 " probes at other tokens or has other layers than the others: left out of the mean");
            continue;
        }
        kept.push_back(r);
        a.seeds.push_back(seed);
    }
    const size_t probes = longest->probeCount();
    const size_t layers = longest->layerCount();
    const bool gamma = !longest->gamma_cv.empty();
    for (size_t k = 0; k < probes; ++k) {
        size_t n = 0;
        for (const RunResults* r : kept)
            n += k < r->probeCount() ? 1 : 0;
        a.seedsAtProbe.push_back(n);
    }
    a.meanPr = perProbe(probes, kept, [](const RunResults& r, size_t k) { return std::optional<double>(r.mean_pr[k]); });
    a.loss = perProbe(probes, kept, [](const RunResults& r, size_t k) { return r.loss[k]; });
    a.valLoss = perProbe(probes, kept, [](const RunResults& r, size_t k) { return r.val_loss[k]; });
    for (size_t l = 0; l < layers; ++l) {
        a.layerPr.push_back(perProbe(probes, kept, [l](const RunResults& r, size_t k) {
            return std::optional<double>(r.layer_pr[l][k]);
        }));
        if (gamma)
            a.gammaCv.push_back(perProbe(probes, kept, [l](const RunResults& r, size_t k) {
                return r.gamma_cv.size() > l && k < r.gamma_cv[l].size() ? std::optional<double>(r.gamma_cv[l][k])
                                                                          : std::nullopt;
            }));
    }

    RunResults& m = a.mean;
    m.tag = longest->tag;
    m.tokens = longest->tokens;
    m.mean_pr = means(a.meanPr);
    m.loss = optionalMeans(a.loss);
    m.val_loss = optionalMeans(a.valLoss);
    for (const auto& e : a.layerPr)
        m.layer_pr.push_back(means(e));
    for (const auto& e : a.gammaCv)
        m.gamma_cv.push_back(means(e));
    if (longest->extra.contains("label"))
        m.extra["label"] = longest->extra["label"];
    m.extra["seeds"] = a.seeds;
    m.extra["seeds_at_probe"] = a.seedsAtProbe;
    return a;
}

} // namespace qks
