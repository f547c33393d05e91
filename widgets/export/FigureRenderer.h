#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "store/StudyStore.h"

#include <QRectF>
#include <QString>
#include <QVector>

class QPainter;

namespace qks::gui {

// Paints one figure into `target` (in the figure's layout pixels, 96 per inch) on any paint
// device: the same charts the window shows, laid out afresh at the export size.
// `legendBoxes`, when given, receives each legend entry's text and box in `target`'s coordinates.
struct LegendBox {
    QString text;
    QRectF box;
};
void renderFigure(QPainter& painter, const QRectF& target, FigureKind kind, const QVector<OpenStudy>& studies,
                  const FigureOptions& options, const ChartTheme& theme, QVector<LegendBox>* legendBoxes = nullptr);

// Whether a line or bar figure's legend fits when laid out at `size` (layout pixels); heatmaps
// always fit. A legend that does not fit still shows every word, squeezing the plot, so an
// export refuses that size instead.
bool legendFits(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options,
                const ChartTheme& theme, const QSizeF& size);

} // namespace qks::gui
