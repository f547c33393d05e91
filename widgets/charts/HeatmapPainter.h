#pragma once

#include "charts/ChartTheme.h"
#include "store/FigureData.h"

#include <QColor>
#include <QRectF>
#include <QVector>

class QPainter;

namespace qks::gui {

// Where the parts of a heatmap figure go inside a target rectangle.
struct HeatmapLayout {
    QRectF title;
    QRectF cells;      // the matrix
    QRectF colorBar;
    double minValue = 0.0;
    double maxValue = 1.0;

    // The cell under a point of the target, or (-1, -1).
    QPoint cellAt(const QPointF& p, const HeatmapData& data) const;
};

// Perceptually uniform colour map (viridis): dark to bright, so it also reads in grayscale.
QColor viridis(double t);

// The colour bar's ticks for values in [lo, hi]: round values about five apart (0.9, 1.0, …),
// not the range split in four (0.8867, 1.0248, …).
QVector<double> colorBarTicks(double lo, double hi);

HeatmapLayout layoutHeatmap(const QRectF& target, const HeatmapData& data, const ChartTheme& theme);

// Paints the whole figure: title, cells (one QImage pixel per cell, scaled without
// smoothing), row and column labels thinned to what fits, axis titles, and a colour bar.
// Works on any paint device: a widget, a PNG image, an SVG generator, a PDF writer.
void paintHeatmap(QPainter& painter, const QRectF& target, const HeatmapData& data, const ChartTheme& theme);

} // namespace qks::gui
