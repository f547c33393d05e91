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
class QValueAxis;
QT_END_NAMESPACE

namespace qks::gui {

// The look and the ranges that the line and the bar figures share.
void styleChart(QChart* chart, const ChartTheme& theme, const QString& title);
// Sets the title, broken into lines where it is wider than the chart (never elided).
void wrapTitleToWidth(QChart* chart, const QString& title, const QFont& font);
void styleAxis(QAbstractAxis* axis, const ChartTheme& theme, const QString& title);
QValueAxis* makeYAxis(const ChartTheme& theme, const QString& title);

// Finite data bounds over every series (raw curves included), for the initial view; null
// when there is no finite point.
QRectF dataBounds(const QVector<PlottedSeries>& all, bool positiveOnly);
// A small margin around the data (as matplotlib does), ticks at round values anchored at 0;
// for a value axis (a log axis sets its own ticks: LogAxis).
void applyRange(QAbstractAxis* axis, double lo, double hi, bool pad);

} // namespace qks::gui
