#include "charts/HeatmapView.h"

#include "charts/HeatmapPainter.h"

#include <QMouseEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace qks::gui {

HeatmapView::HeatmapView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 220);
}

void HeatmapView::setData(const HeatmapData& data, const ChartTheme& theme)
{
    m_data = data;
    m_theme = theme;
    update();
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    paintHeatmap(painter, rect(), m_data, m_theme);
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event)
{
    const HeatmapLayout layout = layoutHeatmap(rect(), m_data, m_theme);
    const QPoint cell = layout.cellAt(event->position(), m_data);
    if (cell.x() < 0) {
        QToolTip::hideText();
        return;
    }
    const double v = m_data.at(cell.y(), cell.x());
    const QString text = tr("%1 %2, %3 %4: %5 = %6")
                             .arg(m_data.rowAxis, m_data.rowLabels.value(cell.y()), m_data.columnAxis,
                                  m_data.columnLabels.value(cell.x()), m_data.valueLabel,
                                  std::isfinite(v) ? QLocale().toString(v, 'g', 6) : tr("no value"));
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

} // namespace qks::gui
