#include "store/FigureData.h"

#include <QLocale>

#include "results/Summary.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qks::gui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<QVector<double>> numberArray(const nlohmann::ordered_json& extra, const char* key, size_t expected)
{
    const auto it = extra.find(key);
    if (it == extra.end() || !it->is_array() || it->size() != expected)
        return std::nullopt;
    QVector<double> out;
    out.reserve(qsizetype(expected));
    for (const auto& v : *it)
        out.push_back(v.is_number() ? v.get<double>() : kNaN);
    return out;
}

int64_t gradientAccumulation(const RunResults& r)
{
    const auto config = r.extra.find("config");
    if (config == r.extra.end() || !config->is_object())
        return 1;
    const auto train = config->find("train");
    if (train == config->end() || !train->is_object())
        return 1;
    const auto accum = train->find("gradient_accumulation_steps");
    if (accum == train->end() || !accum->is_number_integer() || accum->get<int64_t>() < 1)
        return 1;
    return accum->get<int64_t>();
}

QVector<QPointF> finitePoints(const QVector<double>& x, size_t n, auto valueAt)
{
    QVector<QPointF> out;
    out.reserve(qsizetype(n));
    for (size_t i = 0; i < n && i < size_t(x.size()); ++i) {
        const std::optional<double> y = valueAt(i);
        if (y && std::isfinite(*y) && std::isfinite(x[qsizetype(i)]))
            out.push_back(QPointF(x[qsizetype(i)], *y));
    }
    return out;
}

QStringList tokenLabels(const RunResults& r)
{
    QStringList labels;
    for (int64_t t : r.tokens)
        labels << tokensText(t);
    return labels;
}

QStringList indexLabels(int n)
{
    QStringList labels;
    for (int i = 0; i < n; ++i)
        labels << QString::number(i);
    return labels;
}

} // namespace

QString tokensText(int64_t tokens)
{
    // "7.9M" with the user's decimal separator ("7,9M" in German).
    QString text = QString::fromStdString(formatTokens(tokens));
    return text.replace(QLatin1Char('.'), QLocale().decimalPoint());
}

std::optional<QVector<double>> probeXValues(const RunResults& r, XAxisKind kind)
{
    const size_t n = r.probeCount();
    switch (kind) {
    case XAxisKind::Tokens: {
        QVector<double> x;
        x.reserve(qsizetype(n));
        for (int64_t t : r.tokens)
            x.push_back(double(t) / 1e6);
        return x;
    }
    case XAxisKind::Steps: {
        auto micro = numberArray(r.extra, "micro_steps", n);
        if (!micro)
            return std::nullopt;
        const double accum = double(gradientAccumulation(r));
        for (double& v : *micro)
            v /= accum;
        return micro;
    }
    case XAxisKind::FractionOfRun: {
        if (n == 0)
            return QVector<double>{};
        double total = double(r.tokens.back());
        const auto& config = r.extra;
        if (config.contains("config") && config["config"].is_object() && config["config"].contains("train") &&
            config["config"]["train"].is_object() && config["config"]["train"].contains("tokens") &&
            config["config"]["train"]["tokens"].is_number() && config["config"]["train"]["tokens"].get<double>() > 0)
            total = std::max(total, config["config"]["train"]["tokens"].get<double>());
        QVector<double> x;
        for (int64_t t : r.tokens)
            x.push_back(total > 0 ? double(t) / total : 0.0);
        return x;
    }
    case XAxisKind::WallTime: {
        auto seconds = numberArray(r.extra, "wall_time", n);
        if (!seconds)
            return std::nullopt;
        for (double& v : *seconds)
            v /= 60.0;
        return seconds;
    }
    }
    return std::nullopt;
}

QVector<QPointF> lossPoints(const RunResults& r, const QVector<double>& x, bool validation)
{
    const auto& values = validation ? r.val_loss : r.loss;
    return finitePoints(x, values.size(), [&](size_t i) { return values[i]; });
}

QVector<QPointF> meanPrPoints(const RunResults& r, const QVector<double>& x)
{
    return finitePoints(x, r.mean_pr.size(), [&](size_t i) { return std::optional<double>(r.mean_pr[i]); });
}

QVector<QPointF> gammaCvPoints(const RunResults& r, int layer, const QVector<double>& x)
{
    if (layer < 0 || size_t(layer) >= r.gamma_cv.size())
        return {};
    const auto& values = r.gamma_cv[size_t(layer)];
    return finitePoints(x, values.size(), [&](size_t i) { return std::optional<double>(values[i]); });
}

std::pair<QVector<QPointF>, QVector<QPointF>> bandPoints(const ProbeEstimates& estimates, const QVector<double>& x)
{
    std::pair<QVector<QPointF>, QVector<QPointF>> band;
    for (size_t i = 0; i < estimates.size() && i < size_t(x.size()); ++i) {
        const auto& e = estimates[i];
        if (!e || !e->ci95 || !std::isfinite(x[qsizetype(i)]))
            continue;
        band.first.push_back(QPointF(x[qsizetype(i)], e->ci95->first));
        band.second.push_back(QPointF(x[qsizetype(i)], e->ci95->second));
    }
    return band;
}

std::optional<QPointF> minimumPoint(const QVector<QPointF>& points)
{
    std::optional<QPointF> best;
    for (const QPointF& p : points) {
        if (std::isfinite(p.y()) && (!best || p.y() < best->y()))
            best = p;
    }
    return best;
}

int probeAtOrBefore(const RunResults& r, int64_t tokens)
{
    const auto it = std::upper_bound(r.tokens.begin(), r.tokens.end(), tokens);
    return it == r.tokens.begin() ? 0 : int(it - r.tokens.begin()) - 1;
}

int probeNearest(const RunResults& r, int64_t tokens)
{
    const int before = probeAtOrBefore(r, tokens);
    const int after = before + 1;
    if (after >= int(r.tokens.size()) || r.tokens[size_t(before)] >= tokens)
        return before;
    return tokens - r.tokens[size_t(before)] <= r.tokens[size_t(after)] - tokens ? before : after;
}

QVector<double> layerPrAt(const RunResults& r, int probe)
{
    QVector<double> out;
    for (const auto& layer : r.layer_pr)
        out.push_back(probe >= 0 && size_t(probe) < layer.size() ? layer[size_t(probe)] : kNaN);
    return out;
}

std::optional<CausalDecomposition> causalDecomposition(const RunResults& learned, const RunResults& frozen,
                                                       const RunResults& none, std::optional<int64_t> tokens)
{
    const size_t layers = learned.layerCount();
    if (layers == 0 || frozen.layerCount() != layers || none.layerCount() != layers)
        return std::nullopt;

    // A checkpoint all three reached: the one they share nearest the requested tokens (a
    // shorter study next to a longer one shows its own end), else the last they share.
    const auto has = [](const RunResults& r, int64_t t) {
        return std::binary_search(r.tokens.begin(), r.tokens.end(), t);
    };
    std::optional<int64_t> at;
    for (auto it = learned.tokens.rbegin(); it != learned.tokens.rend(); ++it) {
        if (!has(frozen, *it) || !has(none, *it))
            continue;
        if (!tokens) {
            at = *it;
            break;
        }
        if (!at || std::llabs(*it - *tokens) < std::llabs(*at - *tokens))
            at = *it;
    }
    if (!at)
        return std::nullopt;

    const QVector<double> a = layerPrAt(learned, probeAtOrBefore(learned, *at));
    const QVector<double> b = layerPrAt(frozen, probeAtOrBefore(frozen, *at));
    const QVector<double> c = layerPrAt(none, probeAtOrBefore(none, *at));
    CausalDecomposition d;
    d.tokens = *at;
    int counted = 0;
    for (size_t l = 0; l < layers; ++l) {
        d.gammaEffect.push_back(a[qsizetype(l)] - b[qsizetype(l)]);
        d.normEffect.push_back(b[qsizetype(l)] - c[qsizetype(l)]);
        if (std::isfinite(d.gammaEffect.back()) && std::isfinite(d.normEffect.back())) {
            d.meanAbsGamma += std::abs(d.gammaEffect.back());
            d.meanAbsNorm += std::abs(d.normEffect.back());
            ++counted;
        }
    }
    if (counted > 0) {
        d.meanAbsGamma /= counted;
        d.meanAbsNorm /= counted;
    }
    return d;
}

QVector<int> defaultGammaCvLayers(int layerCount)
{
    QVector<int> layers;
    for (int l : {0, 8, 15, 23, 30}) {
        if (l < layerCount)
            layers.push_back(l);
    }
    if (layerCount >= 31 || layerCount <= 0)
        return layers;
    // A smaller model: spread up to five layers from the first to the last.
    layers.clear();
    const int n = std::min(5, layerCount);
    for (int i = 0; i < n; ++i) {
        const int l = n == 1 ? 0 : int(std::lround(double(i) * (layerCount - 1) / (n - 1)));
        if (layers.isEmpty() || layers.back() != l)
            layers.push_back(l);
    }
    return layers;
}

// An empty matrix with its titles; rows are always layers.
HeatmapData titledHeatmap(const QString& title, const QString& columnAxis, const QString& valueLabel)
{
    HeatmapData h;
    h.title = title;
    h.rowAxis = QCoreApplication::translate("qks::gui::FigureData", "Layer");
    h.columnAxis = columnAxis;
    h.valueLabel = valueLabel;
    return h;
}

bool HeatmapData::isConstant() const
{
    bool any = false;
    double first = 0.0;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        if (any && v != first)
            return false;
        first = any ? first : v;
        any = true;
    }
    return any;
}

bool HeatmapData::hasValues() const
{
    return std::any_of(values.cbegin(), values.cend(), [](double v) { return std::isfinite(v); });
}

HeatmapData prHeatmap(const RunResults& r)
{
    HeatmapData h = titledHeatmap(QCoreApplication::translate("qks::gui::FigureData", "Key PR per layer and checkpoint"),
                                  QCoreApplication::translate("qks::gui::FigureData", "Tokens"),
                                  QCoreApplication::translate("qks::gui::FigureData", "Key PR"));
    h.rows = int(r.layerCount());
    h.columns = int(r.probeCount());
    for (const auto& layer : r.layer_pr) {
        for (size_t p = 0; p < r.probeCount(); ++p)
            h.values.push_back(p < layer.size() ? layer[p] : kNaN);
    }
    h.rowLabels = indexLabels(h.rows);
    h.columnLabels = tokenLabels(r);
    return h;
}

HeatmapData gammaFinalHeatmap(const RunResults& r)
{
    HeatmapData h =
        titledHeatmap(QCoreApplication::translate("qks::gui::FigureData", "Final γ per layer and key dimension"),
                      QCoreApplication::translate("qks::gui::FigureData", "Key dimension"),
                      QCoreApplication::translate("qks::gui::FigureData", "γ"));
    if (!r.gamma_final || r.gamma_final->empty())
        return h;
    const auto& g = *r.gamma_final;
    h.rows = int(g.size());
    h.columns = int(g.front().size());
    for (const auto& layer : g) {
        for (int d = 0; d < h.columns; ++d)
            h.values.push_back(size_t(d) < layer.size() ? double(layer[size_t(d)]) : kNaN);
    }
    h.rowLabels = indexLabels(h.rows);
    h.columnLabels = indexLabels(h.columns);
    h.constantNote = QCoreApplication::translate("qks::gui::FigureData", "γ is not learned in this run");
    return h;
}

HeatmapData gammaMeanHeatmap(const RunResults& r)
{
    HeatmapData h = titledHeatmap(QCoreApplication::translate("qks::gui::FigureData", "Mean γ per layer and checkpoint"),
                                  QCoreApplication::translate("qks::gui::FigureData", "Tokens"),
                                  QCoreApplication::translate("qks::gui::FigureData", "mean γ"));
    const auto it = r.extra.find("gamma_mean");
    if (it == r.extra.end() || !it->is_object() || it->empty())
        return h;
    const int layers = int(it->size());
    QVector<double> values;
    for (int l = 0; l < layers; ++l) {
        const auto row = it->find(std::to_string(l));
        if (row == it->end() || !row->is_array())
            return h; // not the shape our trainer writes: show nothing rather than guess
        for (size_t p = 0; p < r.probeCount(); ++p)
            values.push_back(p < row->size() && (*row)[p].is_number() ? (*row)[p].get<double>() : kNaN);
    }
    h.rows = layers;
    h.columns = int(r.probeCount());
    h.values = values;
    h.constantNote = QCoreApplication::translate("qks::gui::FigureData", "γ is not learned in this run");
    h.rowLabels = indexLabels(h.rows);
    h.columnLabels = tokenLabels(r);
    return h;
}

} // namespace qks::gui
