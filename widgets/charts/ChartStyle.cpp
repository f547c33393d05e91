#include "charts/ChartStyle.h"

#include "charts/WrappedText.h"
#include "store/SeriesMath.h"

#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qks::gui {

void styleChart(QChart* chart, const ChartTheme& theme, const QString& title)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true); // axis labels with the user's decimal separator ("%.6g": Qt localizes only formats with a precision)
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
    // FigureLegend draws the legend: Qt's elides labels and cannot show dash and marker together.
    chart->legend()->hide();
}

void wrapTitleToWidth(QChart* chart, const QString& title, const QFont& font)
{
    // Qt Charts elides a title wider than the chart; a paper figure needs every word, so break
    // it into lines (rich text is the only multi-line title Qt Charts lays out).
    const QFontMetricsF fm(font);
    // The title's room is the chart less its margins and Qt's own padding; keep a safe distance.
    const double width = chart->size().width() * 0.9 - 40;
    // Not laid out yet (a chart is built before its view has a size): wait for the real width.
    if (width < 120 || fm.horizontalAdvance(title) <= width) {
        chart->setTitle(title);
        return;
    }
    QStringList lines;
    for (const QString& line : wrappedLines(font, title, width))
        lines << line.toHtmlEscaped();
    chart->setTitle(lines.join(QStringLiteral("<br>")));
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

QValueAxis* makeYAxis(const ChartTheme& theme, const QString& title)
{
    auto* a = new QValueAxis;
    a->setLabelFormat(QStringLiteral("%.6g"));
    a->setTickCount(6);
    styleAxis(a, theme, title);
    return a;
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
        // From the range as shown, as after a zoom, so Home gives the first view's ticks back.
        v->setTickInterval(niceTickStep(v->max() - v->min(), 5));
    }
}

} // namespace qks::gui
