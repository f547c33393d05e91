#include "charts/ChartStyle.h"

#include "store/SeriesMath.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qks::gui {

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

void hideLegendEntry(QChart* chart, QAbstractSeries* series)
{
    series->setProperty("qksNoLegend", true);
    for (QLegendMarker* m : chart->legend()->markers(series))
        m->setVisible(false);
}

} // namespace qks::gui
