#pragma once

#include "charts/ChartTheme.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace qks::gui {

// The study's reading guide in the lower left corner of the plot area (figure 2):
// "A≠B≈C → γ drives it / A≈B≠C → normalization / All differ → both". It follows the plot area
// when the chart is resized, and is drawn by every renderer (screen, PNG, SVG, PDF).
void addCausalAnnotation(QChart* chart, const ChartTheme& theme, const QString& text);

// A message in the middle of an empty plot ("No run is visible..."), wrapped to the plot width.
void addCenteredMessage(QChart* chart, const ChartTheme& theme, const QString& text);

} // namespace qks::gui
