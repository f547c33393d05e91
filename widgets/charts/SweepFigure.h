#pragma once

#include "charts/ChartBuilder.h"
#include "store/StudyStore.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace qks::gui {

// The sweep figure (issue 22 §5): a summary metric (FigureOptions::sweepMetric) against the
// value of one swept key (FigureOptions::sweepKey, else the first), per condition, each point
// its mean over the point's seeds with a 95% error bar; other swept keys give one line each
// (by dash). The sweeps are those whose points are open: the parent folders of open studies
// whose config.json lists study.sweep.
void buildSweepFigure(BuiltFigure& fig, const QVector<OpenStudy>& studies, const FigureOptions& o,
                      const ChartTheme& theme);

// The sweep folders of the open studies, and the keys they sweep (for the figure's menus).
QStringList openSweeps(const QVector<OpenStudy>& studies);
QStringList sweptKeys(const QStringList& sweeps);

// A metric's name as the axis and the menu show it ("Minimum PR").
QString sweepMetricLabel(const QString& metric);

} // namespace qks::gui
