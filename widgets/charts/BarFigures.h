#pragma once

#include "charts/ChartBuilder.h"
#include "charts/VisibleRuns.h"

namespace qks::gui {

// The bar figures over layers, each into a BuiltFigure whose chart exists: the key PR of
// every layer at a checkpoint, and the causal decomposition (γ effect A−B, normalization
// effect B−C) of every study with all three conditions.
void buildPerLayerFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                         const ChartTheme& theme);
void buildCausalFigure(BuiltFigure& fig, const QVector<OpenStudy>& studies, const FigureOptions& o,
                       const ChartTheme& theme);

} // namespace qks::gui
