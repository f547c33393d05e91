#include "export/FigureRenderer.h"

#include "charts/ChartBuilder.h"
#include "charts/HeatmapPainter.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

namespace qks::gui {

void renderFigure(QPainter& painter, const QRectF& target, FigureKind kind, const QVector<OpenStudy>& studies,
                  const FigureOptions& options, const ChartTheme& theme, QVector<LegendBox>* legendBoxes)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (isHeatmap(kind)) {
        paintHeatmap(painter, target, buildHeatmap(kind, studies, options), theme);
        return;
    }
    BuiltFigure fig = buildChartFigure(kind, studies, options, theme, int(target.width()));
    QGraphicsScene scene;
    scene.addItem(fig.chart); // the scene owns and deletes the chart
    const QRectF source(0, 0, target.width(), target.height());
    fig.chart->setGeometry(source);
    // The chart lays itself out on a posted request; settle it before painting.
    if (QGraphicsLayout* layout = fig.chart->layout())
        layout->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    scene.setSceneRect(source);
    scene.setBackgroundBrush(theme.background);
    scene.render(&painter, target, source);
    if (legendBoxes && fig.legendItem) {
        for (int i = 0; i < fig.legendItem->entries().size(); ++i)
            legendBoxes->push_back({fig.legendItem->entries()[i].text,
                                    fig.legendItem->mapRectToScene(fig.legendItem->drawnRect(i)).translated(target.topLeft())});
    }
}

bool legendFits(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options,
                const ChartTheme& theme, const QSizeF& size)
{
    if (isHeatmap(kind))
        return true;
    BuiltFigure fig = buildChartFigure(kind, studies, options, theme, int(size.width()));
    QGraphicsScene scene;
    scene.addItem(fig.chart);
    fig.chart->setGeometry(QRectF(QPointF(0, 0), size));
    return !fig.legendItem || fig.legendItem->fits();
}

} // namespace qks::gui
