#pragma once

#include <QPointF>
#include <QVector>

namespace qks::gui {

// TensorBoard's smoothing: an exponential moving average divided by (1 - weight^n) so the
// first points are not pulled towards zero. weight 0 returns the input; non-finite y values
// are passed through and do not enter the average. weight must be in [0, 1).
QVector<QPointF> debiasedEma(const QVector<QPointF>& points, double weight);

// Reduces points (sorted by x) to what can be seen in `columns` pixel columns over
// [xMin, xMax]: per column the first, lowest, highest and last point, in x order, so every
// spike survives. The nearest point outside each edge is kept so lines run to the border.
// Returns the input when it is already small enough.
QVector<QPointF> minMaxPerColumn(const QVector<QPointF>& points, double xMin, double xMax, int columns);

// A tick step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` intervals over `span`.
double niceTickStep(double span, int ticks);

} // namespace qks::gui
