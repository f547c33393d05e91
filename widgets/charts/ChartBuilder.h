#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureLegend.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "store/FigureData.h"
#include "store/StudyStore.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QChart;
class QXYSeries;
QT_END_NAMESPACE

namespace qks::gui {

// One curve or bar set as plotted: the full data, before any reduction for the screen. The
// interactive view re-reduces `points` on zoom; CSV export writes them.
struct PlottedSeries {
    QString name;
    QString study;                 // the study's folder name (tooltips)
    QVector<QPointF> points;       // (x, y); bars use x = layer
    QXYSeries* series = nullptr;   // the chart's line, null for bars
    bool background = false;       // the faint raw curve behind a smoothed one
};

// The 95% band of a curve over seeds: the interval's ends per probe, drawn as a filled area.
struct PlottedBand {
    QString name;                  // the curve's name + " (95% CI)"
    QVector<QPointF> lower, upper; // (x, y) at the probes with an interval
};

// A chart built for one figure, plus what the view and the exporters need to know about it.
struct BuiltFigure {
    QChart* chart = nullptr;       // the caller owns it (a view or a scene takes it)
    QVector<PlottedSeries> series;
    QVector<PlottedBand> bands;    // line figures of multi-seed means; error bars of bar figures
    QString title;
    QString xTitle;
    QString yTitle;
    QRectF home;                   // the axis ranges as built; "reset zoom" returns here
    bool lineFigure = false;       // zoom, smoothing and decimation apply
    bool logX = false;             // the chart plots log10 of x (LogAxis)
    bool logY = false;
    QString emptyReason;           // set when there is nothing to draw, and why
    QVector<LegendEntry> legend;   // what the builders want listed
    FigureLegend* legendItem = nullptr; // drawn under the plot; owned by the chart
};

// A data point as the chart plots it (log10 of a coordinate on a log axis), and back.
QPointF toPlotted(const BuiltFigure& fig, QPointF raw);
QVector<QPointF> toPlotted(const BuiltFigure& fig, const QVector<QPointF>& raw);
double rawX(const BuiltFigure& fig, double plottedX);

// Builds a line or bar figure (not the heatmaps) from the visible runs of `studies`.
// `plotWidth` is the plot width in pixels for reducing long series (0 = keep every point).
BuiltFigure buildChartFigure(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options,
                             const ChartTheme& theme, int plotWidth = 0);

// Replaces a built figure's title (wrapped to the chart's width as it changes).
void setFigureTitle(BuiltFigure& fig, const QString& title, const ChartTheme& theme);

// The run a heatmap shows, following options.heatmapStudy/heatmapTag, else the first visible
// run that has the data; with the matrix and its title (naming the run).
HeatmapData buildHeatmap(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options);

// The x axis title for the chosen x kind ("Tokens (M)").
QString xAxisTitle(XAxisKind kind);

} // namespace qks::gui
