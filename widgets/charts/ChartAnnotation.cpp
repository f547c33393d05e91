#include "charts/ChartAnnotation.h"

#include <QChart>
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
        box->setPos(plot.left() + inset, plot.bottom() - inset - box->rect().height());
        box->setVisible(plot.width() > box->rect().width() * 2.2 && plot.height() > box->rect().height() * 2.5);
        Q_UNUSED(chart);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place);
    place(chart->plotArea());
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
