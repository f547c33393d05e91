#pragma once

#include "charts/ChartBuilder.h"
#include "charts/ChartTheme.h"

#include <QRectF>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace qks::gui {

// The look and the ranges that the line and the bar figures share.
void styleChart(QChart* chart, const ChartTheme& theme, const QString& title);
void styleAxis(QAbstractAxis* axis, const ChartTheme& theme, const QString& title);
// A value axis, or a base-10 log axis when `log`.
QAbstractAxis* makeYAxis(const ChartTheme& theme, const QString& title, bool log);

// Finite data bounds over every series (raw curves included), for the initial view; null
// when there is no finite point.
QRectF dataBounds(const QVector<PlottedSeries>& all, bool positiveOnly);
// A small margin around the data (as matplotlib does), ticks at round values anchored at 0.
void applyRange(QAbstractAxis* axis, double lo, double hi, bool pad);

// A helper series (raw curve, minimum dot) the legend does not list.
void hideLegendEntry(QChart* chart, QAbstractSeries* series);

} // namespace qks::gui
