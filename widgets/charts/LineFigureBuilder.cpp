#include "charts/LineFigureBuilder.h"

#include "charts/ChartStyle.h"
#include "charts/LogAxis.h"
#include "store/RunStyle.h"
#include "store/SeriesMath.h"

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QCategoryAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

// Keeps every k-th point so a marker shape shows on the line about a dozen times.
QVector<QPointF> markerPoints(const QVector<QPointF>& points)
{
    const qsizetype step = std::max<qsizetype>(1, points.size() / 14);
    QVector<QPointF> out;
    for (qsizetype i = 0; i < points.size(); i += step)
        out.push_back(points[i]);
    return out;
}

QScatterSeries::MarkerShape scatterShape(int shape)
{
    switch (shape) {
    case 0: return QScatterSeries::MarkerShapeCircle;
    case 1: return QScatterSeries::MarkerShapeRectangle;
    case 2: return QScatterSeries::MarkerShapeTriangle;
    default: return QScatterSeries::MarkerShapeStar;
    }
}

} // namespace

LineFigureBuilder::LineFigureBuilder(BuiltFigure& fig, const ChartTheme& theme, const FigureOptions& options,
                                     int plotWidth)
    : m_fig(fig), m_theme(theme), m_options(options), m_plotWidth(plotWidth)
{
    m_fig.logX = options.logX;
    m_fig.logY = options.logY;
}

void LineFigureBuilder::add(const QString& name, const CurveLook& look, QVector<QPointF> points, bool markMinimum,
                            const std::pair<QVector<QPointF>, QVector<QPointF>>& band)
{
    // A log axis has no place for zero or below (the probe at 0 tokens on log x).
    if (m_options.logY || m_options.logX)
        points.erase(std::remove_if(points.begin(), points.end(),
                                    [&](const QPointF& p) {
                                        return (m_options.logY && p.y() <= 0) || (m_options.logX && p.x() <= 0);
                                    }),
                     points.end());
    if (points.isEmpty())
        return;
    const QString group = QStringLiteral("g%1").arg(m_groups++);
    if (!band.first.isEmpty())
        addBand(name, look.color, band.first, band.second, group); // first, so the curve is drawn over it
    const Qt::PenStyle style = look.dash >= 0 ? Qt::PenStyle(look.dash) : studyPenStyle(look.study);
    const bool smooth = m_options.smoothing > 0.0;
    if (smooth) {
        QColor faint = look.color;
        faint.setAlphaF(0.25 * look.color.alphaF());
        addSeries(name + QCoreApplication::translate("qks::gui::ChartBuilder", " (raw)"), look.studyName, points,
                  QPen(faint, 1.0, style), group, true);
    }
    const QVector<QPointF> shown = smooth ? debiasedEma(points, m_options.smoothing) : points;
    const QPen pen(look.color, look.width, style, Qt::RoundCap, Qt::RoundJoin);
    addSeries(name, look.studyName, shown, pen, group, false);

    // Paper marks each condition with a shape (what survives grayscale); from the fifth study
    // on, the dashes repeat and a shape tells the studies apart.
    const int marker = look.marker >= 0 ? look.marker : studyMarkerShape(look.study);
    if (marker >= 0) {
        auto* marks = new QScatterSeries;
        marks->setName(name);
        marks->setMarkerShape(scatterShape(marker));
        marks->setMarkerSize(7.0);
        marks->setColor(look.color);
        marks->setBorderColor(m_theme.background);
        marks->replace(toPlotted(m_fig, markerPoints(shown)));
        marks->setProperty("qksGroup", group);
        m_fig.chart->addSeries(marks);
    }
    if (markMinimum) {
        if (const auto minimum = minimumPoint(points)) {
            auto* dot = new QScatterSeries;
            dot->setName(name + QCoreApplication::translate("qks::gui::ChartBuilder", " minimum"));
            dot->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            dot->setMarkerSize(9.0);
            dot->setColor(look.color);
            dot->setBorderColor(m_theme.title);
            dot->append(toPlotted(m_fig, *minimum));
            dot->setProperty("qksGroup", group);
            m_fig.chart->addSeries(dot);
        }
    }
    m_drawn.push_back({look, pen, marker, group});
}

void LineFigureBuilder::addBand(const QString& name, const QColor& color, QVector<QPointF> lower, QVector<QPointF> upper,
                                const QString& group)
{
    const auto offAxis = [&](const QPointF& p) {
        return !std::isfinite(p.y()) || (m_options.logY && p.y() <= 0) || (m_options.logX && p.x() <= 0);
    };
    // Lower and upper pair up point by point: drop a probe from both when either cannot be drawn.
    QVector<QPointF> lo, hi;
    for (qsizetype i = 0; i < std::min(lower.size(), upper.size()); ++i) {
        if (offAxis(lower[i]) || offAxis(upper[i]))
            continue;
        lo.push_back(lower[i]);
        hi.push_back(upper[i]);
    }
    if (lo.isEmpty())
        return;
    auto* upperLine = new QLineSeries;
    auto* lowerLine = new QLineSeries;
    upperLine->replace(toPlotted(m_fig, hi));
    lowerLine->replace(toPlotted(m_fig, lo));
    auto* area = new QAreaSeries(upperLine, lowerLine);
    const QString bandName = name + QCoreApplication::translate("qks::gui::ChartBuilder", " (95% CI)");
    area->setName(bandName);
    QColor fill = color;
    fill.setAlphaF(0.22 * color.alphaF());
    area->setBrush(fill);
    area->setPen(Qt::NoPen);
    area->setProperty("qksGroup", group);
    area->setProperty("qksBand", true);
    m_fig.chart->addSeries(area);
    m_fig.bands.push_back({bandName, lo, hi});
}

void LineFigureBuilder::buildLegend()
{
    // One entry per thing a reader must tell apart, not per curve: the colours (conditions or
    // layers), then the studies (dash), then the line kinds (weight). Nine curves of three
    // studies read as 3 + 3 entries instead of nine labels "Learned γ — <folder>" that a
    // one-column figure cannot hold.
    QVector<int> studies;
    QStringList variants;
    for (const Drawn& d : m_drawn) {
        if (!studies.contains(d.look.study))
            studies.push_back(d.look.study);
        if (!variants.contains(d.look.variant))
            variants.push_back(d.look.variant);
    }
    const bool byStudy = studies.size() > 1;
    const bool byVariant = variants.size() > 1;
    QVector<LegendEntry> colours, others;
    for (const Drawn& d : m_drawn) {
        LegendEntry& c = legendEntryNamed(colours, d.look.colorLabel);
        if (c.groups.isEmpty()) {
            const bool exact = !byStudy && !byVariant;
            c.pen = exact ? d.pen : QPen(d.look.color, 2.2, Qt::SolidLine);
            c.marker = exact ? d.marker : d.look.marker;
            c.markerColor = d.look.color;
        }
        c.groups << d.group;
        if (byStudy) {
            LegendEntry& s = legendEntryNamed(others, d.look.studyName);
            if (s.groups.isEmpty()) {
                s.pen = QPen(m_theme.text, 2.2, studyPenStyle(d.look.study), Qt::RoundCap);
                s.marker = studyMarkerShape(d.look.study);
                s.markerColor = m_theme.text;
            }
            s.groups << d.group;
        }
    }
    if (byVariant) {
        for (const Drawn& d : m_drawn) {
            LegendEntry& v = legendEntryNamed(others, d.look.variant);
            if (v.groups.isEmpty()) {
                QColor c = m_theme.text;
                c.setAlphaF(d.look.color.alphaF());
                v.pen = QPen(c, d.look.width, d.look.dash >= 0 ? Qt::PenStyle(d.look.dash) : Qt::SolidLine);
            }
            v.groups << d.group;
        }
    }
    m_fig.legend = colours + others;
}

void LineFigureBuilder::finish(const QString& xTitle, const QString& yTitle)
{
    QChart* chart = m_fig.chart;
    QValueAxis* xAxis = nullptr;
    if (m_options.logX) {
        xAxis = addLogAxis(chart, m_theme, xTitle, Qt::AlignBottom);
    } else {
        xAxis = new QValueAxis;
        xAxis->setLabelFormat(QStringLiteral("%.6g"));
        xAxis->setTickCount(6);
        styleAxis(xAxis, m_theme, xTitle);
        chart->addAxis(xAxis, Qt::AlignBottom);
    }
    QValueAxis* yAxis = m_options.logY ? addLogAxis(chart, m_theme, yTitle, Qt::AlignLeft) : makeYAxis(m_theme, yTitle);
    if (!m_options.logY)
        chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    buildLegend();
    QVector<PlottedSeries> extent = m_fig.series;
    for (const PlottedBand& b : m_fig.bands)
        extent.push_back({b.name, {}, b.lower + b.upper, nullptr, true});
    const QRectF bounds = dataBounds(extent, m_options.logY);
    if (!bounds.isNull()) {
        const auto range = [](QValueAxis* axis, double lo, double hi) {
            if (isLogAxis(axis)) {
                const double l0 = std::log10(lo), l1 = std::log10(hi);
                const double pad = std::max(0.02, (l1 - l0) * 0.04);
                axis->setRange(l0 - pad, l1 + pad);
                updateLogTicks(static_cast<QCategoryAxis*>(axis));
            } else {
                applyRange(axis, lo, hi, true);
            }
        };
        range(xAxis, bounds.left(), bounds.right());
        range(yAxis, bounds.top(), bounds.bottom());
    }
    const double x0 = xAxis->min(), x1 = xAxis->max();
    m_fig.home = QRectF(QPointF(x0, yAxis->min()), QPointF(x1, yAxis->max()));
    m_fig.xTitle = xTitle;
    m_fig.yTitle = yTitle;
    m_fig.lineFigure = true;
    // Reduce long series for the first paint; the view re-reduces on zoom.
    if (m_plotWidth > 0) {
        for (PlottedSeries& p : m_fig.series) {
            if (p.series)
                p.series->replace(toPlotted(m_fig, minMaxPerColumn(p.points, rawX(m_fig, x0), rawX(m_fig, x1), m_plotWidth)));
        }
    }
}

QLineSeries* LineFigureBuilder::addSeries(const QString& name, const QString& study, const QVector<QPointF>& points,
                                          const QPen& pen, const QString& group, bool background)
{
    auto* series = new QLineSeries;
    series->setName(name);
    series->setPen(pen);
    series->replace(toPlotted(m_fig, points));
    series->setProperty("qksGroup", group);
    m_fig.chart->addSeries(series);
    m_fig.series.push_back({name, study, points, series, background});
    return series;
}

} // namespace qks::gui
