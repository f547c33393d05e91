#include "charts/ChartBuilder.h"

#include "charts/ChartAnnotation.h"
#include "store/RunStyle.h"
#include "store/SeriesMath.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qks::gui {

namespace {

// A visible run with what its legend entry needs.
struct VisibleRun {
    int study = 0;           // index among studies with something visible (line style)
    QString studyName;
    const RunEntry* run = nullptr;
    const RunResults& results() const { return *run->results; }
};

QVector<VisibleRun> visibleRuns(const QVector<OpenStudy>& studies, int* studiesShown)
{
    QVector<VisibleRun> out;
    int shown = 0;
    for (const OpenStudy& s : studies) {
        bool any = false;
        for (const RunEntry& r : s.runs) {
            if (r.visible && r.ok()) {
                out.push_back({shown, s.name, &r});
                any = true;
            }
        }
        shown += any ? 1 : 0;
    }
    if (studiesShown)
        *studiesShown = shown;
    return out;
}

QString runName(const VisibleRun& v, int studiesShown, const QString& suffix = {})
{
    QString name = conditionLabel(v.run->tag) + suffix;
    if (studiesShown > 1)
        name += QStringLiteral(" — ") + v.studyName;
    return name;
}

void styleChart(QChart* chart, const ChartTheme& theme, const QString& title)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(theme.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundBrush(theme.plotBackground);
    chart->setPlotAreaBackgroundPen(QPen(theme.spine, 1));
    chart->setPlotAreaBackgroundVisible(true);
    chart->setTitle(title);
    chart->setTitleFont(theme.titleFont());
    chart->setTitleBrush(theme.title);
    chart->setMargins(QMargins(6, 4, 10, 4));
    QLegend* legend = chart->legend();
    legend->setFont(theme.legendFont());
    legend->setLabelColor(theme.text);
    legend->setAlignment(Qt::AlignBottom);
    legend->setBackgroundVisible(false);
    legend->setShowToolTips(true);
}

void styleAxis(QAbstractAxis* axis, const ChartTheme& theme, const QString& title)
{
    axis->setTitleText(title);
    axis->setTitleFont(theme.labelFont());
    axis->setTitleBrush(theme.text);
    axis->setLabelsFont(theme.tickFont());
    axis->setLabelsColor(theme.text);
    axis->setLinePen(QPen(theme.spine, 1));
    axis->setGridLinePen(QPen(theme.grid, 1));
    axis->setMinorGridLineVisible(false);
}

QAbstractAxis* makeYAxis(const ChartTheme& theme, const QString& title, bool log)
{
    QAbstractAxis* axis = nullptr;
    if (log) {
        auto* a = new QLogValueAxis;
        a->setBase(10.0);
        a->setLabelFormat(QStringLiteral("%g"));
        a->setMinorTickCount(-1);
        axis = a;
    } else {
        auto* a = new QValueAxis;
        a->setLabelFormat(QStringLiteral("%g"));
        a->setTickCount(6);
        axis = a;
    }
    styleAxis(axis, theme, title);
    return axis;
}

// Finite data bounds over every series (raw curves included), for the initial view.
QRectF dataBounds(const QVector<PlottedSeries>& all, bool positiveOnly)
{
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const PlottedSeries& s : all) {
        for (const QPointF& p : s.points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || (positiveOnly && p.y() <= 0))
                continue;
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
    }
    if (!std::isfinite(x0))
        return {};
    if (x1 == x0)
        x1 = x0 + 1.0;
    if (y1 == y0) {
        y0 -= 0.5;
        y1 += 0.5;
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

// A small margin around the data (as matplotlib does), ticks at round values anchored at 0.
void applyRange(QAbstractAxis* axis, double lo, double hi, bool pad)
{
    if (auto* v = qobject_cast<QValueAxis*>(axis)) {
        const double margin = pad ? (hi - lo) * 0.04 : 0.0;
        v->setRange(lo - margin, hi + margin);
        v->setTickType(QValueAxis::TicksDynamic);
        v->setTickAnchor(0.0);
        v->setTickInterval(niceTickStep(hi - lo, 5));
    } else if (auto* l = qobject_cast<QLogValueAxis*>(axis)) {
        l->setRange(lo / 1.15, hi * 1.15);
    }
}

// Keeps every k-th point so a marker shape shows on the line about a dozen times.
QVector<QPointF> markerPoints(const QVector<QPointF>& points)
{
    const qsizetype step = std::max<qsizetype>(1, points.size() / 14);
    QVector<QPointF> out;
    for (qsizetype i = 0; i < points.size(); i += step)
        out.push_back(points[i]);
    return out;
}

void hideLegendEntry(QChart* chart, QAbstractSeries* series)
{
    series->setProperty("qksNoLegend", true);
    for (QLegendMarker* m : chart->legend()->markers(series))
        m->setVisible(false);
}

// Builds line figures: each added curve becomes raw (faint, when smoothing) + shown curve,
// with the paper theme's marker shapes. Series that belong together share a "qksGroup" so a
// legend click hides all of them.
class LineFigureBuilder {
public:
    LineFigureBuilder(BuiltFigure& fig, const ChartTheme& theme, const FigureOptions& options, int plotWidth)
        : m_fig(fig), m_theme(theme), m_options(options), m_plotWidth(plotWidth)
    {
    }

    void add(const QString& name, const QString& tag, QVector<QPointF> points, QColor color, Qt::PenStyle style,
             qreal width = 2.2, bool markMinimum = false)
    {
        if (m_options.logY)
            points.erase(std::remove_if(points.begin(), points.end(), [](const QPointF& p) { return p.y() <= 0; }),
                         points.end());
        if (points.isEmpty())
            return;
        const QString group = QStringLiteral("g%1").arg(m_groups++);
        const bool smooth = m_options.smoothing > 0.0;
        if (smooth) {
            QColor faint = color;
            faint.setAlphaF(0.25);
            addSeries(name + QCoreApplication::translate("qks::gui::ChartBuilder", " (raw)"), points, QPen(faint, 1.0, style), group, true);
        }
        const QVector<QPointF> shown = smooth ? debiasedEma(points, m_options.smoothing) : points;
        QLineSeries* line = addSeries(name, shown, QPen(color, width, style, Qt::RoundCap, Qt::RoundJoin), group, false);

        if (m_theme.markers && !tag.isEmpty()) {
            auto* marks = new QScatterSeries;
            marks->setName(name);
            marks->setMarkerShape(scatterShape(m_theme.markerShape(tag)));
            marks->setMarkerSize(7.0);
            marks->setColor(color);
            marks->setBorderColor(m_theme.background);
            marks->replace(markerPoints(shown));
            marks->setProperty("qksGroup", group);
            m_fig.chart->addSeries(marks);
            // The legend shows the marker shape (what survives grayscale), not the bare line.
            m_hideFromLegend.push_back(line);
        }
        if (markMinimum) {
            if (const auto minimum = minimumPoint(points)) {
                auto* dot = new QScatterSeries;
                dot->setName(name + QCoreApplication::translate("qks::gui::ChartBuilder", " minimum"));
                dot->setMarkerShape(QScatterSeries::MarkerShapeCircle);
                dot->setMarkerSize(9.0);
                dot->setColor(color);
                dot->setBorderColor(m_theme.title);
                dot->append(*minimum);
                dot->setProperty("qksGroup", group);
                m_fig.chart->addSeries(dot);
                m_hideFromLegend.push_back(dot);
            }
        }
    }

    // Attaches axes, sets the home range and hides legend entries of helper series.
    void finish(const QString& xTitle, const QString& yTitle)
    {
        QChart* chart = m_fig.chart;
        // Legend entries drawn as the series are: a dashed line for validation, a marker shape on paper.
        chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
        auto* xAxis = new QValueAxis;
        xAxis->setLabelFormat(QStringLiteral("%g"));
        xAxis->setTickCount(6);
        styleAxis(xAxis, m_theme, xTitle);
        QAbstractAxis* yAxis = makeYAxis(m_theme, yTitle, m_options.logY);
        chart->addAxis(xAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        for (QAbstractSeries* s : chart->series()) {
            s->attachAxis(xAxis);
            s->attachAxis(yAxis);
        }
        for (QAbstractSeries* s : m_hideFromLegend)
            hideLegendEntry(chart, s);
        for (const PlottedSeries& p : m_fig.series) {
            if (p.background)
                hideLegendEntry(chart, p.series);
        }
        const QRectF bounds = dataBounds(m_fig.series, m_options.logY);
        if (!bounds.isNull()) {
            applyRange(xAxis, bounds.left(), bounds.right(), true);
            applyRange(yAxis, bounds.top(), bounds.bottom(), true);
        }
        const auto range = [](QAbstractAxis* a) -> std::pair<double, double> {
            if (auto* v = qobject_cast<QValueAxis*>(a))
                return {v->min(), v->max()};
            auto* l = static_cast<QLogValueAxis*>(a);
            return {l->min(), l->max()};
        };
        const auto [x0, x1] = range(xAxis);
        const auto [y0, y1] = range(yAxis);
        m_fig.home = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        m_fig.xTitle = xTitle;
        m_fig.yTitle = yTitle;
        m_fig.lineFigure = true;
        // Reduce long series for the first paint; the view re-reduces on zoom.
        if (m_plotWidth > 0) {
            for (PlottedSeries& p : m_fig.series) {
                if (p.series)
                    p.series->replace(minMaxPerColumn(p.points, x0, x1, m_plotWidth));
            }
        }
    }

private:
    static QScatterSeries::MarkerShape scatterShape(int shape)
    {
        switch (shape) {
        case 0: return QScatterSeries::MarkerShapeCircle;
        case 1: return QScatterSeries::MarkerShapeRectangle;
        case 2: return QScatterSeries::MarkerShapeTriangle;
        default: return QScatterSeries::MarkerShapeStar;
        }
    }

    QLineSeries* addSeries(const QString& name, const QVector<QPointF>& points, const QPen& pen, const QString& group,
                           bool background)
    {
        auto* series = new QLineSeries;
        series->setName(name);
        series->setPen(pen);
        series->replace(points);
        series->setProperty("qksGroup", group);
        m_fig.chart->addSeries(series);
        m_fig.series.push_back({name, points, series, background});
        return series;
    }

    BuiltFigure& m_fig;
    const ChartTheme& m_theme;
    const FigureOptions& m_options;
    int m_plotWidth;
    int m_groups = 0;
    QVector<QAbstractSeries*> m_hideFromLegend;
};

void buildLoss(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
               const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    for (const VisibleRun& v : runs) {
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        const QColor color = theme.runColor(v.run->tag);
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (train)")), v.run->tag, lossPoints(v.results(), *x, false), color,
              studyPenStyle(v.study));
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (val)")), QString(), lossPoints(v.results(), *x, true),
              color.darker(115), studyValidationPenStyle(v.study), 1.6);
    }
    // Runs training in this window: every micro-step's loss since the start, thin, until the
    // run ends (then the figure is what the file holds).
    if (o.xAxis == XAxisKind::Tokens) {
        for (const VisibleRun& v : runs) {
            if (v.run->live && v.run->live->active() && !v.run->live->stepLoss.isEmpty()) {
                QColor color = theme.runColor(v.run->tag);
                color.setAlphaF(0.55);
                b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (every step)")),
                      QString(), v.run->live->stepLoss, color, Qt::SolidLine, 1.0);
            }
        }
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "Loss"));
}

void buildKeyPr(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    for (const VisibleRun& v : runs) {
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        b.add(runName(v, studiesShown), v.run->tag, meanPrPoints(v.results(), *x), theme.runColor(v.run->tag),
              studyPenStyle(v.study), 2.6, true);
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "Mean Key PR"));
    addCausalAnnotation(fig.chart, theme,
                        QCoreApplication::translate("qks::gui::ChartBuilder", "A≠B≈C → γ drives it\nA≈B≠C → normalization\nAll differ → both"));
}

void buildGammaCv(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                  const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    for (const VisibleRun& v : runs) {
        // γ only varies when it is learned; the frozen condition's CV is 0 by construction.
        if (v.run->tag != QLatin1String("QK") || v.results().gamma_cv.empty())
            continue;
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        const int layers = int(v.results().layerCount());
        const QVector<int> chosen = o.gammaCvLayers.isEmpty() ? defaultGammaCvLayers(layers) : o.gammaCvLayers;
        for (int i = 0; i < chosen.size(); ++i) {
            if (chosen[i] < 0 || chosen[i] >= layers)
                continue;
            QString name = QCoreApplication::translate("qks::gui::ChartBuilder", "Layer %1").arg(chosen[i]);
            if (studiesShown > 1)
                name += QStringLiteral(" — ") + v.studyName;
            b.add(name, QString(), gammaCvPoints(v.results(), chosen[i], *x), layerColor(i),
                  studyPenStyle(v.study));
        }
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "γ coefficient of variation"));
}

QValueAxis* layerAxis(const ChartTheme& theme, int layers)
{
    auto* axis = new QValueAxis;
    styleAxis(axis, theme, QCoreApplication::translate("qks::gui::ChartBuilder", "Layer"));
    axis->setRange(-0.6, layers - 0.4);
    axis->setLabelFormat(QStringLiteral("%d"));
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
    auto* y = static_cast<QValueAxis*>(makeYAxis(theme, yTitle, false));
    fig.chart->addAxis(x, Qt::AlignBottom);
    fig.chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    QRectF bounds = dataBounds(fig.series, false);
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

void addBarSet(BuiltFigure& fig, QBarSeries* bars, const QString& name, const QVector<double>& values, QColor color,
               int studyIndex, Qt::BrushStyle pattern = Qt::SolidPattern)
{
    auto* set = new QBarSet(name);
    QVector<QPointF> points;
    for (int l = 0; l < values.size(); ++l) {
        const double v = std::isfinite(values[l]) ? values[l] : 0.0;
        set->append(v);
        if (std::isfinite(values[l]))
            points.push_back(QPointF(l, values[l]));
    }
    // A second study of the same condition: same hue, lighter, outlined.
    set->setBrush(QBrush(studyIndex == 0 ? color : color.lighter(145), pattern));
    set->setBorderColor(studyIndex == 0 ? color : color.darker(120));
    bars->append(set);
    fig.series.push_back({name, points, nullptr, false});
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

void buildPerLayer(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                   const ChartTheme& theme)
{
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.85);
    int layers = 0;
    std::optional<int64_t> shownTokens;
    for (const VisibleRun& v : runs) {
        const RunResults& r = v.results();
        if (r.probeCount() == 0)
            continue;
        const int probe = o.checkpointTokens ? probeAtOrBefore(r, *o.checkpointTokens) : int(r.probeCount()) - 1;
        shownTokens = shownTokens ? std::max(*shownTokens, r.tokens[size_t(probe)]) : r.tokens[size_t(probe)];
        layers = std::max(layers, int(r.layerCount()));
        addBarSet(fig, bars, runName(v, studiesShown), layerPrAt(r, probe), theme.runColor(v.run->tag), v.study,
                  barPattern(theme, v.run->tag));
    }
    fig.title = shownTokens ? QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR at %1 tokens").arg(tokensText(*shownTokens))
                            : QCoreApplication::translate("qks::gui::ChartBuilder", "Per-layer key PR");
    fig.chart->setTitle(fig.title);
    finishBars(fig, bars, theme, std::max(layers, 1), QCoreApplication::translate("qks::gui::ChartBuilder", "Key PR"), false);
}

void buildCausal(BuiltFigure& fig, const QVector<OpenStudy>& studies, const FigureOptions& o, const ChartTheme& theme)
{
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.8);
    int layers = 0;
    int shown = 0;
    QStringList titles;
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
        const auto d = causalDecomposition(*a, *b, *c, o.checkpointTokens);
        if (!d)
            continue;
        ++shown;
        layers = std::max(layers, int(d->gammaEffect.size()));
        const QString suffix = QStringLiteral(" — ") + s.name;
        addBarSet(fig, bars, QCoreApplication::translate("qks::gui::ChartBuilder", "γ effect Δ(A−B), mean |Δ| %1").arg(d->meanAbsGamma, 0, 'f', 2) + suffix,
                  d->gammaEffect, theme.runColor(QStringLiteral("QK")), shown - 1);
        addBarSet(fig, bars, QCoreApplication::translate("qks::gui::ChartBuilder", "norm effect Δ(B−C), mean |Δ| %1").arg(d->meanAbsNorm, 0, 'f', 2) + suffix,
                  d->normEffect, theme.runColor(QStringLiteral("NoQK")), shown - 1,
                  barPattern(theme, QStringLiteral("NoQK")));
        titles << tokensText(d->tokens);
    }
    // With one study the suffix only repeats the folder name: drop it.
    if (shown == 1) {
        for (QBarSet* set : bars->barSets())
            set->setLabel(set->label().section(QStringLiteral(" — "), 0, 0));
        for (PlottedSeries& p : fig.series)
            p.name = p.name.section(QStringLiteral(" — "), 0, 0);
    }
    if (shown == 0)
        fig.emptyReason = QCoreApplication::translate("qks::gui::ChartBuilder", "The causal decomposition needs the three conditions QK, QK_frozen and NoQK "
                                "of one study, visible and probed at a common checkpoint.");
    fig.title = titles.isEmpty() ? QCoreApplication::translate("qks::gui::ChartBuilder", "Causal decomposition per layer")
                                 : QCoreApplication::translate("qks::gui::ChartBuilder", "Causal decomposition per layer at %1 tokens").arg(titles.join(QStringLiteral(", ")));
    fig.chart->setTitle(fig.title);
    finishBars(fig, bars, theme, std::max(layers, 1), QCoreApplication::translate("qks::gui::ChartBuilder", "Δ key PR"), true);
}

} // namespace

QString xAxisTitle(XAxisKind kind)
{
    switch (kind) {
    case XAxisKind::Tokens: return QCoreApplication::translate("qks::gui::ChartBuilder", "Tokens (M)");
    case XAxisKind::Steps: return QCoreApplication::translate("qks::gui::ChartBuilder", "Optimizer steps");
    case XAxisKind::WallTime: return QCoreApplication::translate("qks::gui::ChartBuilder", "Wall time (min)");
    }
    return {};
}

BuiltFigure buildChartFigure(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options,
                             const ChartTheme& theme, int plotWidth)
{
    BuiltFigure fig;
    fig.chart = new QChart;
    int studiesShown = 0;
    const QVector<VisibleRun> runs = visibleRuns(studies, &studiesShown);
    switch (kind) {
    case FigureKind::Loss:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Train & Validation Loss");
        buildLoss(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::KeyPr:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Key Rank Collapse — Does γ or Normalization Drive It?");
        buildKeyPr(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::GammaCv:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "γ Coefficient of Variation (Learned γ)");
        buildGammaCv(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::PerLayerPr:
        buildPerLayer(fig, runs, studiesShown, options, theme);
        break;
    case FigureKind::CausalDecomposition:
        buildCausal(fig, studies, options, theme);
        break;
    case FigureKind::PrHeatmap:
    case FigureKind::GammaHeatmap:
        break; // drawn by HeatmapPainter, not Qt Charts
    }
    if (fig.chart->title().isEmpty())
        fig.chart->setTitle(fig.title);
    styleChart(fig.chart, theme, fig.title);
    if (fig.series.isEmpty() && fig.emptyReason.isEmpty()) {
        fig.emptyReason = runs.isEmpty() ? QCoreApplication::translate("qks::gui::ChartBuilder", "No run is visible. Open a results folder (File → Open Results "
                                                 "Folder) or tick a run in the runs panel.")
                                         : QCoreApplication::translate("qks::gui::ChartBuilder", "The visible runs have no data for this figure and x axis.");
    }
    if (!fig.emptyReason.isEmpty())
        addCenteredMessage(fig.chart, theme, fig.emptyReason);
    // Many entries (train and val of each run) do not fit in one row under the plot: list
    // them on the right, where every label is shown whole.
    int entries = 0;
    for (QLegendMarker* m : fig.chart->legend()->markers())
        entries += m->series()->property("qksNoLegend").toBool() ? 0 : 1;
    fig.chart->legend()->setAlignment(entries > 4 ? Qt::AlignRight : Qt::AlignBottom);
    return fig;
}

HeatmapData buildHeatmap(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options)
{
    const auto matrixFor = [&](const RunResults& r) {
        if (kind == FigureKind::PrHeatmap)
            return prHeatmap(r);
        return options.gammaOverTime ? gammaMeanHeatmap(r) : gammaFinalHeatmap(r);
    };
    for (int s = 0; s < studies.size(); ++s) {
        if (options.heatmapStudy >= 0 && s != options.heatmapStudy)
            continue;
        for (const RunEntry& run : studies[s].runs) {
            if (!run.ok() || (options.heatmapTag.isEmpty() ? !run.visible : run.tag != options.heatmapTag))
                continue;
            HeatmapData h = matrixFor(*run.results);
            if (h.isEmpty())
                continue;
            h.title += QStringLiteral(" — ") + conditionLabel(run.tag);
            if (studies.size() > 1)
                h.title += QStringLiteral(" (") + studies[s].name + QLatin1Char(')');
            return h;
        }
    }
    HeatmapData none = kind == FigureKind::PrHeatmap ? prHeatmap(RunResults{}) : matrixFor(RunResults{});
    return none;
}

} // namespace qks::gui
