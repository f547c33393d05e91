#pragma once

#include "charts/ChartBuilder.h"
#include "charts/VisibleRuns.h"

namespace qks::gui {

// The line figures, each into a BuiltFigure whose chart exists: the train and validation
// loss (with the live per-step loss of runs training here), the mean key PR with the causal
// reading, and the learned γ's coefficient of variation per chosen layer.
void buildLossFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                     const ChartTheme& theme, int plotWidth);
void buildKeyPrFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                      const ChartTheme& theme, int plotWidth);
void buildGammaCvFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                        const ChartTheme& theme, int plotWidth);

} // namespace qks::gui
