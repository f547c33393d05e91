#include "train/ProbeRecorder.h"

#include "results/ResultsJson.h"

namespace qks {

namespace {

// Appends one per-layer value to an extra key shaped like layer_pr: {"0": [...], ...}.
void appendLayerSeries(nlohmann::ordered_json& extra, const std::string& key, const std::vector<double>& values)
{
    auto& series = extra[key];
    if (!series.is_object())
        series = nlohmann::ordered_json::object();
    for (size_t l = 0; l < values.size(); ++l)
        series[std::to_string(l)].push_back(values[l]);
}

// The γ statistics beyond the schema's gamma_cv, one extra series each.
void appendGammaStatistics(nlohmann::ordered_json& extra, const std::vector<LayerGamma>& gamma)
{
    std::vector<double> means, stds, mins, maxs;
    for (const auto& g : gamma) {
        means.push_back(g.mean);
        stds.push_back(g.std);
        mins.push_back(g.min);
        maxs.push_back(g.max);
    }
    appendLayerSeries(extra, "gamma_mean", means);
    appendLayerSeries(extra, "gamma_std", stds);
    appendLayerSeries(extra, "gamma_min", mins);
    appendLayerSeries(extra, "gamma_max", maxs);
}

} // namespace

RunResults newRunResults(const std::string& tag, const std::string& label, const std::string& runId,
                         const nlohmann::ordered_json& config, int64_t layers, bool hasGamma)
{
    RunResults results;
    results.tag = tag;
    results.extra["label"] = label;
    results.extra["run_id"] = runId;
    results.extra["config"] = config;
    results.extra["micro_steps"] = nlohmann::ordered_json::array();
    results.extra["wall_time"] = nlohmann::ordered_json::array();
    results.layer_pr.assign(static_cast<size_t>(layers), {});
    if (hasGamma)
        results.gamma_cv.assign(static_cast<size_t>(layers), {});
    return results;
}

ProbeRecorder::ProbeRecorder(RunResults& results, std::filesystem::path resultsPath, EventSink sink, RecordedKeys keys)
    : m_results(results), m_path(std::move(resultsPath)), m_sink(std::move(sink)), m_keys(keys)
{
}

void ProbeRecorder::start(ProbeEvent event, PendingKeyProbe keys)
{
    finish();
    m_pending.emplace(Pending{std::move(event), std::move(keys)});
}

void ProbeRecorder::finish()
{
    if (!m_pending)
        return;
    ProbeEvent event = std::move(m_pending->event);
    const KeyProbeResult keys = m_pending->keys.finish();
    m_pending.reset();
    event.layerPr = m_keys.postRopePrimary ? keys.postRopeLayerPr : keys.layerPr;
    event.meanPr = m_keys.postRopePrimary ? keys.postRopeMeanPr : keys.meanPr;
    for (const auto& g : keys.gamma)
        event.gammaCv.push_back(g.cv);
    append(event, keys);
    writeResults(m_results, m_path);
    if (m_sink)
        m_sink(event);
}

void ProbeRecorder::append(const ProbeEvent& event, const KeyProbeResult& keys)
{
    RunResults& r = m_results;
    r.tokens.push_back(event.tokens);
    r.loss.push_back(event.trainLoss);
    r.val_loss.push_back(event.valLoss);
    r.mean_pr.push_back(event.meanPr);
    for (size_t l = 0; l < event.layerPr.size(); ++l)
        r.layer_pr[l].push_back(event.layerPr[l]);
    for (size_t l = 0; l < event.gammaCv.size(); ++l)
        r.gamma_cv[l].push_back(event.gammaCv[l]);
    r.extra["micro_steps"].push_back(event.microStep);
    r.extra["wall_time"].push_back(event.elapsedSeconds);
    if (m_keys.postRopePrimary) {
        r.extra["pre_rope_mean_pr"].push_back(keys.meanPr);
        appendLayerSeries(r.extra, "pre_rope_layer_pr", keys.layerPr);
    } else if (m_keys.postRopeExtra) {
        r.extra["post_rope_mean_pr"].push_back(keys.postRopeMeanPr);
        appendLayerSeries(r.extra, "post_rope_layer_pr", keys.postRopeLayerPr);
    }
    if (!keys.gamma.empty())
        appendGammaStatistics(r.extra, keys.gamma);
}

} // namespace qks
