#include "charts/BarFigures.h"

#include "charts/ChartStyle.h"
#include "store/FigureData.h"
#include "store/RunStyle.h"
#include "store/SeriesMath.h"

#include <QBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QList>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

QValueAxis* layerAxis(const ChartTheme& theme, int layers)
{
    auto* axis = new QValueAxis;
    styleAxis(axis, theme, QCoreApplication::translate("qks::gui::ChartBuilder", "Layer"));
    axis->setRange(-0.6, layers - 0.4);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(layers > 16 ? 4.0 : layers > 8 ? 2.0 : 1.0);
    axis->setGridLineVisible(false);
    return axis;
}

void finishBars(BuiltFigure& fig, QBarSeries* bars, const ChartTheme& theme, int layers, const QString& yTitle,
                bool symmetric)
{
    fig.chart->addSeries(bars);
    QValueAxis* x = layerAxis(theme, layers);
    QValueAxis* y = makeYAxis(theme, yTitle);
    fig.chart->addAxis(x, Qt::AlignBottom);
    fig.chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    QVector<PlottedSeries> extent = fig.series;
    for (const PlottedBand& b : fig.bands)
        extent.push_back({b.name, {}, b.lower + b.upper, nullptr, true});
    QRectF bounds = dataBounds(extent, false);
    double lo = symmetric ? std::min(0.0, bounds.top()) : 0.0;
    double hi = std::max(0.0, bounds.bottom());
    if (hi == lo)
        hi = lo + 1.0;
    y->setRange(lo - (symmetric ? (hi - lo) * 0.05 : 0.0), hi + (hi - lo) * 0.05);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0.0);
    y->setTickInterval(niceTickStep(hi - lo, 5));
    fig.home = QRectF(QPointF(-0.5, y->min()), QPointF(layers - 0.5, y->max()));
    fig.xTitle = QCoreApplication::translate("qks::gui::ChartBuilder", "Layer");
    fig.yTitle = yTitle;
}

// Further studies of the same condition: the same hue, lighter or darker by study.
QColor studyShade(const QColor& color, int studyIndex)
{
    static const int shades[] = {100, 150, -150, 200, -200};
    const int shade = shades[std::max(0, studyIndex) % 5];
    return shade == 100 ? color : shade > 0 ? color.lighter(shade) : color.darker(-shade);
}

void addBarSet(BuiltFigure& fig, QBarSeries* bars, const QString& name, const QString& study,
               const QVector<double>& values, QColor color, int studyIndex, Qt::BrushStyle pattern = Qt::SolidPattern)
{
    auto* set = new QBarSet(name);
    QVector<QPointF> points;
    for (int l = 0; l < values.size(); ++l) {
        const double v = std::isfinite(values[l]) ? values[l] : 0.0;
        set->append(v);
        if (std::isfinite(values[l]))
            points.push_back(QPointF(l, values[l]));
    }
    set->setBrush(QBrush(studyShade(color, studyIndex), pattern));
    set->setBorderColor(studyIndex == 0 ? color : color.darker(130));
    bars->append(set);
    fig.series.push_back({name, study, points, nullptr, false});
    LegendEntry entry;
    entry.text = name;
    entry.fill = set->brush();
    entry.border = set->borderColor();
    entry.barSets << set;
    fig.legend.push_back(entry);
}

// A bar's 95% interval over seeds, per layer (none where it has none).
using LayerIntervals = QVector<std::optional<std::pair<double, double>>>;

LayerIntervals intervalsOf(const std::vector<ProbeEstimates>& perLayer, int probe)
{
    LayerIntervals out;
    for (const ProbeEstimates& layer : perLayer) {
        const auto& e = size_t(probe) < layer.size() ? layer[size_t(probe)] : std::nullopt;
        out.push_back(e && e->ci95 ? std::optional(*e->ci95) : std::nullopt);
    }
    return out;
}

// Records set `setIndex`'s intervals as a band (the y range and the CSV include them).
void recordIntervals(BuiltFigure& fig, const QString& name, const LayerIntervals& intervals)
{
    PlottedBand band{name + QCoreApplication::translate("qks::gui::ChartBuilder", " (95% CI)"), {}, {}};
    for (int l = 0; l < intervals.size(); ++l)
        if (intervals[l]) {
            band.lower.push_back(QPointF(l, intervals[l]->first));
            band.upper.push_back(QPointF(l, intervals[l]->second));
        }
    if (!band.lower.isEmpty())
        fig.bands.push_back(band);
}

// Error bars over the bars of a finished figure: a vertical line with caps per interval,
// centred on its bar (set j of n in a group of width w around layer l sits at
// l − w/2 + (j + ½)·w/n). Hidden with their set (InteractiveChartView, "qksErrorOf").
void addErrorBars(BuiltFigure& fig, QBarSeries* bars, const QVector<LayerIntervals>& intervals, const ChartTheme& theme)
{
    const QList<QAbstractAxis*> xs = fig.chart->axes(Qt::Horizontal), ys = fig.chart->axes(Qt::Vertical);
    if (xs.isEmpty() || ys.isEmpty())
        return;
    const QList<QBarSet*> sets = bars->barSets();
    const double n = double(sets.size()), w = bars->barWidth();
    const double cap = std::min(0.12, w / n * 0.3);
    for (int j = 0; j < intervals.size() && j < sets.size(); ++j) {
        sets[j]->setObjectName(QStringLiteral("set%1").arg(j));
        for (int l = 0; l < intervals[j].size(); ++l) {
            if (!intervals[j][l])
                continue;
            const double x = l - w / 2 + (j + 0.5) * w / n;
            const auto [lo, hi] = *intervals[j][l];
            auto* line = new QLineSeries;
            line->append({QPointF(x - cap, lo), QPointF(x + cap, lo), QPointF(x, lo), QPointF(x, hi),
                          QPointF(x - cap, hi), QPointF(x + cap, hi)});
            line->setPen(QPen(theme.text, 1.1));
            line->setProperty("qksErrorOf", sets[j]->objectName());
            fig.chart->addSeries(line);
            line->attachAxis(xs.front());
            line->attachAxis(ys.front());
        }
    }
}

// On paper the conditions also differ by fill, which survives grayscale printing.
Qt::BrushStyle barPattern(const ChartTheme& theme, const QString& tag)
{
    if (!theme.markers)
        return Qt::SolidPattern;
    switch (theme.markerShape(tag)) {
    case 0: return Qt::SolidPattern;
    case 1: return Qt::Dense4Pattern;
    case 2: return Qt::BDiagPattern;
    default: return Qt::CrossPattern;
    }
}

// The γ and norm effects of a multi-seed study, seed by seed at the checkpoint `d` shows: `d`
// becomes their means over the seeds, and gammaCi/normCi their 95% intervals per layer.
void pairedEffects(const OpenStudy& s, CausalDecomposition& d, LayerIntervals& gammaCi, LayerIntervals& normCi)
{
    const auto find = [&](qint64 seed, const char* tag) -> const RunResults* {
        for (const RunEntry& r : s.seedRuns)
            if (r.seed == seed && r.ok() && r.tag == QLatin1String(tag))
                return r.results.get();
        return nullptr;
    };
    std::vector<std::vector<double>> gamma(size_t(d.gammaEffect.size())), norm(size_t(d.normEffect.size()));
    for (const qint64 seed : s.seeds) {
        const RunResults *a = find(seed, "QK"), *b = find(seed, "QK_frozen"), *c = find(seed, "NoQK");
        if (!a || !b || !c)
            continue;
        const auto one = causalDecomposition(*a, *b, *c, d.tokens);
        if (!one || one->tokens != d.tokens || one->gammaEffect.size() != d.gammaEffect.size())
            continue;
        for (size_t l = 0; l < gamma.size(); ++l) {
            gamma[l].push_back(one->gammaEffect[qsizetype(l)]);
            norm[l].push_back(one->normEffect[qsizetype(l)]);
        }
    }
    if (gamma.empty() || gamma.front().empty())
        return;
    double absGamma = 0, absNorm = 0;
    for (size_t l = 0; l < gamma.size(); ++l) {
        const auto g = estimate(gamma[l]), n = estimate(norm[l]);
        d.gammaEffect[qsizetype(l)] = g ? g->mean : std::nan("");
        d.normEffect[qsizetype(l)] = n ? n->mean : std::nan("");
        gammaCi.push_back(g && g->ci95 ? std::optional(*g->ci95) : std::nullopt);
        normCi.push_back(n && n->ci95 ? std::optional(*n->ci95) : std::nullopt);
        absGamma += std::abs(d.gammaEffect[qsizetype(l)]);
        absNorm += std::abs(d.normEffect[qsizetype(l)]);
    }
    d.meanAbsGamma = absGamma / double(gamma.size());
    d.meanAbsNorm = absNorm / double(norm.size());
}

} // namespace

void buildPerLayerFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                         const ChartTheme& theme)
{
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.85);
    int layers = 0;
    // Each run shows its checkpoint nearest the chosen token count (studies of different
    // lengths rarely share one); when they differ, each legend entry says which it shows.
    struct Shown {
        const VisibleRun* run;
        int probe;
        int64_t tokens;
    };
    QVector<Shown> shown;
    for (const VisibleRun& v : runs) {
        const RunResults& r = v.results();
        if (r.probeCount() == 0)
            continue;
        const int probe = o.checkpointTokens ? probeNearest(r, *o.checkpointTokens) : int(r.probeCount()) - 1;
        shown.push_back({&v, probe, r.tokens[size_t(probe)]});
    }
    const bool sameTokens = std::all_of(shown.cbegin(), shown.cend(), [&](const Shown& s) { return s.tokens == shown.front().tokens; });
    QVector<LayerIntervals> intervals;
    for (const Shown& s : shown) {
        const VisibleRun& v = *s.run;
        layers = std::max(layers, int(v.results().layerCount()));
        QString name = runName(v, studiesShown);
        if (!sameTokens)
            name += QCoreApplication::translate("qks::gui::ChartBuilder", " at %1").arg(tokensText(s.tokens));
        addBarSet(fig, bars, name, v.studyName, layerPrAt(v.results(), s.probe), theme.runColor(v.run->tag), v.style,
                  barPattern(theme, v.run->tag));
        intervals.push_back(v.run->aggregate ? intervalsOf(v.run->aggregate->layerPr, s.probe) : LayerIntervals{});
        recordIntervals(fig, name, intervals.back());
    }
    // With several studies, one entry per condition (hue, pattern) and one per study (shade)
    // instead of one per bar set, which a one-column figure cannot hold.
    QVector<int> styles;
    for (const Shown& s : shown) {
        if (!styles.contains(s.run->style))
            styles.push_back(s.run->style);
    }
    if (styles.size() > 1) {
        QVector<LegendEntry> conditions, studies;
        for (int i = 0; i < shown.size(); ++i) {
            const VisibleRun& v = *shown[i].run;
            QBarSet* set = bars->barSets()[i];
            LegendEntry& c = legendEntryNamed(conditions, conditionLabel(v.run->tag));
            if (c.barSets.isEmpty()) {
                c.fill = QBrush(theme.runColor(v.run->tag), barPattern(theme, v.run->tag));
                c.border = theme.runColor(v.run->tag);
            }
            c.barSets << set;
            QString text = v.studyName;
            if (!sameTokens)
                text += QCoreApplication::translate("qks::gui::ChartBuilder", " at %1").arg(tokensText(shown[i].tokens));
            LegendEntry& st = legendEntryNamed(studies, text);
            if (st.barSets.isEmpty()) {
                st.fill = QBrush(studyShade(QColor(0x8b, 0x94, 0x9e), v.style));
                st.border = theme.spine;
            }
            st.barSets << set;
        }
        fig.legend = conditions + studies;
    }
    if (shown.isEmpty())
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR");
    else if (sameTokens)
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR at %1 tokens").arg(tokensText(shown.front().tokens));
    else if (o.checkpointTokens)
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR nearest %1 tokens").arg(tokensText(*o.checkpointTokens));
    else
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR at each run's last checkpoint");
    fig.chart->setTitle(fig.title);
    finishBars(fig, bars, theme, std::max(layers, 1), QCoreApplication::translate("qks::gui::ChartBuilder", "Key PR"), false);
    addErrorBars(fig, bars, intervals, theme);
}

void buildCausalFigure(BuiltFigure& fig, const QVector<OpenStudy>& studies, const FigureOptions& o,
                       const ChartTheme& theme)
{
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.8);
    int layers = 0;
    int shown = 0;
    QStringList titles;
    QStringList studyMeans;
    QVector<int> studyStyles;
    QVector<LayerIntervals> intervals;
    for (const OpenStudy& s : studies) {
        const auto find = [&](const char* tag) -> const RunResults* {
            for (const RunEntry& r : s.runs) {
                if (r.visible && r.ok() && r.tag == QLatin1String(tag))
                    return r.results.get();
            }
            return nullptr;
        };
        const RunResults *a = find("QK"), *b = find("QK_frozen"), *c = find("NoQK");
        if (!a || !b || !c)
            continue;
        auto d = causalDecomposition(*a, *b, *c, o.checkpointTokens);
        if (!d)
            continue;
        // Over seeds, each effect paired by seed: its mean is the bar, its 95% interval the
        // error bar (a seed without all three conditions at that checkpoint is left out).
        LayerIntervals gammaCi, normCi;
        if (s.multiSeed() && s.seedView == SeedView::Mean)
            pairedEffects(s, *d, gammaCi, normCi);
        ++shown;
        layers = std::max(layers, int(d->gammaEffect.size()));
        QString suffix = QStringLiteral(" — ") + s.name;
        if (!gammaCi.isEmpty())
            suffix = QCoreApplication::translate("qks::gui::ChartBuilder", ", n = %1").arg(s.seeds.size()) + suffix;
        addBarSet(fig, bars, QCoreApplication::translate("qks::gui::ChartBuilder", "γ effect Δ(A−B), mean |Δ| %1").arg(QLocale().toString(d->meanAbsGamma, 'f', 2)) + suffix, s.name,
                  d->gammaEffect, theme.runColor(QStringLiteral("QK")), s.styleIndex);
        addBarSet(fig, bars, QCoreApplication::translate("qks::gui::ChartBuilder", "norm effect Δ(B−C), mean |Δ| %1").arg(QLocale().toString(d->meanAbsNorm, 'f', 2)) + suffix, s.name,
                  d->normEffect, theme.runColor(QStringLiteral("NoQK")), s.styleIndex,
                  barPattern(theme, QStringLiteral("NoQK")));
        intervals << gammaCi << normCi;
        recordIntervals(fig, fig.series[fig.series.size() - 2].name, gammaCi);
        recordIntervals(fig, fig.series.back().name, normCi);
        titles << tokensText(d->tokens);
        studyMeans << QCoreApplication::translate("qks::gui::ChartBuilder", "%1: mean |Δ| γ %2, norm %3")
                          .arg(s.name, QLocale().toString(d->meanAbsGamma, 'f', 2), QLocale().toString(d->meanAbsNorm, 'f', 2));
        studyStyles << s.styleIndex;
    }
    // Several studies: one entry per effect (hue, fill) and one per study (shade) carrying its
    // means, instead of two long entries per study that a one-column figure cannot hold.
    if (shown > 1) {
        QVector<LegendEntry> effects(2), perStudy;
        effects[0].text = QCoreApplication::translate("qks::gui::ChartBuilder", "γ effect Δ(A−B)");
        effects[0].fill = QBrush(theme.runColor(QStringLiteral("QK")));
        effects[0].border = theme.runColor(QStringLiteral("QK"));
        effects[1].text = QCoreApplication::translate("qks::gui::ChartBuilder", "norm effect Δ(B−C)");
        effects[1].fill = QBrush(theme.runColor(QStringLiteral("NoQK")), barPattern(theme, QStringLiteral("NoQK")));
        effects[1].border = theme.runColor(QStringLiteral("NoQK"));
        const QList<QBarSet*> sets = bars->barSets();
        for (int i = 0; i + 1 < sets.size(); i += 2) {
            effects[0].barSets << sets[i];
            effects[1].barSets << sets[i + 1];
            LegendEntry study;
            study.text = studyMeans.value(i / 2);
            study.fill = QBrush(studyShade(QColor(0x8b, 0x94, 0x9e), studyStyles.value(i / 2)));
            study.border = theme.spine;
            study.barSets << sets[i] << sets[i + 1];
            perStudy.push_back(study);
        }
        fig.legend = effects + perStudy;
    }
    // With one study the suffix only repeats the folder name: drop it.
    if (shown == 1) {
        for (QBarSet* set : bars->barSets())
            set->setLabel(set->label().section(QStringLiteral(" — "), 0, 0));
        for (PlottedSeries& p : fig.series)
            p.name = p.name.section(QStringLiteral(" — "), 0, 0);
        for (LegendEntry& e : fig.legend)
            e.text = e.text.section(QStringLiteral(" — "), 0, 0);
    }
    if (shown == 0)
        fig.emptyReason = QCoreApplication::translate("qks::gui::ChartBuilder", "The causal decomposition needs the three conditions QK, QK_frozen and NoQK "
                                "of one study, visible and probed at a common checkpoint.");
    fig.title = titles.isEmpty() ? QCoreApplication::translate("qks::gui::ChartBuilder", "Causal decomposition per layer")
                                 : QCoreApplication::translate("qks::gui::ChartBuilder", "Causal decomposition per layer at %1 tokens").arg(titles.join(QStringLiteral(", ")));
    fig.chart->setTitle(fig.title);
    finishBars(fig, bars, theme, std::max(layers, 1), QCoreApplication::translate("qks::gui::ChartBuilder", "Δ key PR"), true);
    addErrorBars(fig, bars, intervals, theme);
}

} // namespace qks::gui
