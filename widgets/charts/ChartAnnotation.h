#pragma once

#include "charts/ChartTheme.h"

#include <QRectF>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace qks::gui {

// The study's reading guide (figure 2): "A≠B≈C → γ drives it / A≈B≠C → normalization /
// All differ → both", in the corner of the plot area where it covers the least of the curves:
// lower left unless the data lies there, then lower right, upper right, upper left. Call it
// after the series are attached to their axes. It follows the plot area when the chart is
// resized, and is drawn by every renderer (screen, PNG, SVG, PDF).
void addCausalAnnotation(QChart* chart, const ChartTheme& theme, const QString& text);

// How many points of the chart's line series, with 8 more along each segment between them,
// fall inside `sceneRect` (chart coordinates). What the annotation's corner is chosen by.
int seriesSamplesInside(QChart* chart, const QRectF& sceneRect);

// A message in the middle of an empty plot ("No run is visible..."), wrapped to the plot width.
void addCenteredMessage(QChart* chart, const ChartTheme& theme, const QString& text);

} // namespace qks::gui
