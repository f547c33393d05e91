#include "charts/ChartAnnotation.h"

#include <QChart>
#include <QXYSeries>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QTextOption>
#include <QPen>

namespace qks::gui {

void addCausalAnnotation(QChart* chart, const ChartTheme& theme, const QString& text)
{
    auto* box = new QGraphicsRectItem(chart);
    box->setBrush(theme.annotationBackground);
    box->setPen(QPen(theme.spine, 1));
    box->setZValue(20);
    auto* label = new QGraphicsSimpleTextItem(text, box);
    QFont font = theme.legendFont();
    label->setFont(font);
    QColor ink = theme.text;
    ink.setAlphaF(0.85);
    label->setBrush(ink);

    const QRectF textRect = label->boundingRect();
    const qreal pad = 4.0;
    box->setRect(0, 0, textRect.width() + 2 * pad, textRect.height() + 2 * pad);
    label->setPos(pad, pad);
    const auto place = [chart, box](const QRectF& plot) {
        const qreal inset = 8.0;
        const qreal w = box->rect().width(), h = box->rect().height();
        const QPointF corners[] = {{plot.left() + inset, plot.bottom() - inset - h},
                                   {plot.right() - inset - w, plot.bottom() - inset - h},
                                   {plot.right() - inset - w, plot.top() + inset},
                                   {plot.left() + inset, plot.top() + inset}};
        QPointF best = corners[0];
        int fewest = -1;
        for (const QPointF& corner : corners) {
            const int covered = seriesSamplesInside(chart, QRectF(corner, QSizeF(w, h)));
            if (fewest < 0 || covered < fewest) {
                fewest = covered;
                best = corner;
            }
        }
        box->setPos(best);
        box->setVisible(plot.width() > w * 2.2 && plot.height() > h * 2.5);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place);
    place(chart->plotArea());
}

int seriesSamplesInside(QChart* chart, const QRectF& sceneRect)
{
    int inside = 0;
    for (QAbstractSeries* s : chart->series()) {
        auto* xy = qobject_cast<QXYSeries*>(s);
        if (!xy || !xy->isVisible() || xy->attachedAxes().size() < 2)
            continue;
        const QList<QPointF> points = xy->points();
        QPointF previous;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF here = chart->mapToPosition(points[i], xy);
            const int steps = i == 0 ? 0 : 8; // a line crosses the box between its points too
            for (int k = 0; k <= steps; ++k) {
                const qreal t = steps == 0 ? 1.0 : qreal(k) / steps;
                if (sceneRect.contains(previous + (here - previous) * t))
                    ++inside;
            }
            previous = here;
        }
    }
    return inside;
}

void addCenteredMessage(QChart* chart, const ChartTheme& theme, const QString& text)
{
    auto* item = new QGraphicsTextItem(chart);
    item->setPlainText(text);
    item->setFont(theme.labelFont());
    item->setDefaultTextColor(theme.text);
    item->setZValue(20);
    const auto place = [item](const QRectF& plot) {
        item->setTextWidth(std::max<qreal>(120.0, plot.width() * 0.8));
        item->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
        const QRectF r = item->boundingRect();
        item->setPos(plot.center().x() - r.width() / 2, plot.center().y() - r.height() / 2);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place);
    place(chart->plotArea());
}

} // namespace qks::gui
