#include "charts/LineFigureBuilder.h"

#include "charts/ChartStyle.h"
#include "store/SeriesMath.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

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
}

void LineFigureBuilder::add(const QString& name, const QString& tag, QVector<QPointF> points, QColor color,
                            Qt::PenStyle style, qreal width, bool markMinimum)
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

void LineFigureBuilder::finish(const QString& xTitle, const QString& yTitle)
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

QLineSeries* LineFigureBuilder::addSeries(const QString& name, const QVector<QPointF>& points, const QPen& pen,
                                          const QString& group, bool background)
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

} // namespace qks::gui
