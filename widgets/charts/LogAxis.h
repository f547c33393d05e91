#pragma once

#include "charts/ChartTheme.h"

#include <QPointF>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QChart;
QT_END_NAMESPACE

namespace qks::gui {

// A base-10 log axis that labels 1-2-5 values and draws minor gridlines. Qt's QLogValueAxis
// labels powers of ten only, so a loss between 3.5 and 8.3 had no tick at all. Curves on a log
// axis are plotted as log10(value) on a linear category axis (whose categories are the ticks),
// with a second, unlabelled category axis for the minor gridlines; PlottedSeries keep the raw
// values for CSV and tooltips.
struct LogTicks {
    QVector<double> major;   // tick values (not logs), labelled
    QVector<double> minor;   // gridlines only
};
// The ticks for values in [lo, hi] (both > 0): 1, 2, 5 per decade, every integer multiple where
// that gives fewer than three, powers of ten alone over many decades, round linear steps in a
// range too narrow for any of these.
LogTicks logTicks(double lo, double hi);

// Creates the labelled axis, and its minor-gridline twin, added to `chart` at `alignment`
// (Qt::AlignLeft or Qt::AlignBottom). The twin follows the labelled axis's range.
QCategoryAxis* addLogAxis(QChart* chart, const ChartTheme& theme, const QString& title, Qt::Alignment alignment);
// Re-labels a log axis for its current range (after a zoom); no-op for other axes.
void updateLogTicks(QCategoryAxis* axis);
bool isLogAxis(const QObject* axis);

} // namespace qks::gui
