#include "charts/HeatmapPainter.h"

#include "charts/WrappedText.h"
#include "store/SeriesMath.h"

#include <QCoreApplication>
#include <QLocale>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace qks::gui {

namespace {

constexpr std::array<std::array<int, 3>, 9> kViridis = {{{68, 1, 84},
                                                          {71, 44, 122},
                                                          {59, 81, 139},
                                                          {44, 113, 142},
                                                          {33, 144, 141},
                                                          {39, 173, 129},
                                                          {92, 200, 99},
                                                          {170, 220, 50},
                                                          {253, 231, 37}}};

// Shows every k-th label so neighbours never overlap.
int labelStep(double cellSize, double labelSize, int count)
{
    if (cellSize <= 0 || count <= 0)
        return 1;
    return std::max(1, int(std::ceil(labelSize / cellSize)));
}

QString valueText(double v)
{
    return QLocale().toString(std::abs(v) < 1e-12 ? 0.0 : v, 'g', 4);
}

} // namespace

QColor viridis(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const double pos = t * (kViridis.size() - 1);
    const size_t i = std::min(kViridis.size() - 2, size_t(pos));
    const double f = pos - double(i);
    const auto mix = [&](int c) { return int(std::lround(kViridis[i][c] * (1 - f) + kViridis[i + 1][c] * f)); };
    return QColor(mix(0), mix(1), mix(2));
}

QVector<double> colorBarTicks(double lo, double hi)
{
    QVector<double> ticks;
    if (!(hi > lo))
        return ticks;
    const double step = niceTickStep(hi - lo, 5);
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1)
        ticks.push_back(std::abs(k) < 0.5 ? 0.0 : k * step); // from the index: no accumulated error
    return ticks;
}

QPoint HeatmapLayout::cellAt(const QPointF& p, const HeatmapData& data) const
{
    if (data.isEmpty() || !cells.contains(p))
        return QPoint(-1, -1);
    const int column = std::min(data.columns - 1, int((p.x() - cells.left()) / cells.width() * data.columns));
    const int row = std::min(data.rows - 1, int((p.y() - cells.top()) / cells.height() * data.rows));
    return QPoint(column, row);
}

HeatmapLayout layoutHeatmap(const QRectF& target, const HeatmapData& data, const ChartTheme& theme)
{
    HeatmapLayout l;
    const QFontMetricsF title(theme.titleFont()), label(theme.labelFont()), tick(theme.tickFont());
    // A title naming a long study wraps (never runs off the page).
    const double titleHeight = wrappedTextSize(theme.titleFont(), data.title, target.width() - 16).height();
    l.title = QRectF(target.left() + 8, target.top() + 4, target.width() - 16, std::max(title.height(), titleHeight) + 6);

    double widest = 0;
    for (const QString& s : data.rowLabels)
        widest = std::max(widest, tick.horizontalAdvance(s));
    const double left = target.left() + label.height() + 8 + widest + 6;
    const double barWidth = 14;
    const double barLabels = tick.horizontalAdvance(QStringLiteral("-0.0000")) + 8 + label.height() + 4;
    const double right = target.right() - barLabels - barWidth - 12;
    const double top = l.title.bottom() + 6;
    const double bottom = target.bottom() - (tick.height() + 6) - (label.height() + 8);
    l.cells = QRectF(QPointF(left, top), QPointF(std::max(left + 10, right), std::max(top + 10, bottom)));
    l.colorBar = QRectF(l.cells.right() + 12, l.cells.top(), barWidth, l.cells.height());

    bool any = false;
    for (double v : data.values) {
        if (!std::isfinite(v))
            continue;
        l.minValue = any ? std::min(l.minValue, v) : v;
        l.maxValue = any ? std::max(l.maxValue, v) : v;
        any = true;
    }
    if (!any) {
        l.minValue = 0.0;
        l.maxValue = 1.0;
    } else if (l.maxValue == l.minValue) {
        l.maxValue = l.minValue + 1e-9 + std::abs(l.minValue) * 1e-6;
    }
    return l;
}

void paintHeatmap(QPainter& painter, const QRectF& target, const HeatmapData& data, const ChartTheme& theme)
{
    painter.save();
    painter.fillRect(target, theme.background);
    const HeatmapLayout l = layoutHeatmap(target, data, theme);

    painter.setFont(theme.titleFont());
    painter.setPen(theme.title);
    painter.drawText(l.title, data.title, wrapOption(Qt::AlignHCenter | Qt::AlignVCenter));

    if (data.isEmpty() || !data.hasValues() || data.isConstant()) {
        painter.setFont(theme.labelFont());
        painter.setPen(theme.text);
        QString message = QCoreApplication::translate("qks::gui::HeatmapPainter", "No data for this heatmap in the visible runs.");
        if (!data.isEmpty() && data.hasValues()) {
            double value = 0.0;
            for (double v : data.values)
                value = std::isfinite(v) ? v : value;
            message = QCoreApplication::translate("qks::gui::HeatmapPainter", "Every value is %1: nothing varies to colour.")
                          .arg(QLocale().toString(value, 'g', 6));
            if (!data.constantNote.isEmpty())
                message += QLatin1Char(' ') + data.constantNote + QLatin1Char('.');
        }
        painter.drawText(target.adjusted(16, 0, -16, 0), Qt::AlignCenter | Qt::TextWordWrap, message);
        painter.restore();
        return;
    }

    // One pixel per cell; drawn scaled with nearest-neighbour so every cell stays a crisp block.
    QImage image(data.columns, data.rows, QImage::Format_RGB32);
    const double span = l.maxValue - l.minValue;
    for (int r = 0; r < data.rows; ++r) {
        for (int c = 0; c < data.columns; ++c) {
            const double v = data.at(r, c);
            image.setPixelColor(c, r, std::isfinite(v) ? viridis((v - l.minValue) / span) : theme.plotBackground);
        }
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(l.cells, image);
    painter.setPen(QPen(theme.spine, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(l.cells);

    // Row labels (left), thinned.
    painter.setFont(theme.tickFont());
    painter.setPen(theme.text);
    const QFontMetricsF tick(theme.tickFont());
    const double rowH = l.cells.height() / data.rows;
    const int rowStep = labelStep(rowH, tick.height() + 2, data.rows);
    for (int r = 0; r < data.rows; r += rowStep) {
        const QRectF cell(l.cells.left() - 200 - 4, l.cells.top() + r * rowH, 200, rowH);
        painter.drawText(cell, Qt::AlignRight | Qt::AlignVCenter, data.rowLabels.value(r));
    }
    // Column labels (below), thinned to the widest label.
    double widest = 0;
    for (const QString& s : data.columnLabels)
        widest = std::max(widest, tick.horizontalAdvance(s));
    const double colW = l.cells.width() / data.columns;
    const int colStep = labelStep(colW, widest + 8, data.columns);
    for (int c = 0; c < data.columns; c += colStep) {
        const QRectF cell(l.cells.left() + (c + 0.5) * colW - 100, l.cells.bottom() + 3, 200, tick.height() + 2);
        painter.drawText(cell, Qt::AlignHCenter | Qt::AlignTop, data.columnLabels.value(c));
    }

    // Axis titles.
    painter.setFont(theme.labelFont());
    const QFontMetricsF label(theme.labelFont());
    painter.drawText(QRectF(l.cells.left(), l.cells.bottom() + tick.height() + 6, l.cells.width(), label.height() + 4),
                     Qt::AlignHCenter | Qt::AlignTop, data.columnAxis);
    painter.save();
    painter.translate(target.left() + 4, l.cells.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-l.cells.height() / 2, 0, l.cells.height(), label.height() + 2), Qt::AlignCenter,
                     data.rowAxis);
    painter.restore();

    // Colour bar with five ticks and its label.
    QImage bar(1, 256, QImage::Format_RGB32);
    for (int i = 0; i < 256; ++i)
        bar.setPixelColor(0, 255 - i, viridis(i / 255.0));
    painter.drawImage(l.colorBar, bar);
    painter.setPen(QPen(theme.spine, 1));
    painter.drawRect(l.colorBar);
    painter.setFont(theme.tickFont());
    painter.setPen(theme.text);
    double labelRight = l.colorBar.right();
    for (const double v : colorBarTicks(l.minValue, l.maxValue)) {
        const double y = l.colorBar.bottom() - l.colorBar.height() * (v - l.minValue) / span;
        painter.drawLine(QPointF(l.colorBar.right(), y), QPointF(l.colorBar.right() + 3, y));
        const QString text = valueText(v);
        painter.drawText(QRectF(l.colorBar.right() + 5, y - tick.height() / 2, 200, tick.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        labelRight = std::max(labelRight, l.colorBar.right() + 5 + tick.horizontalAdvance(text));
    }
    painter.setFont(theme.labelFont());
    painter.save();
    painter.translate(labelRight + 4 + label.height(), l.colorBar.center().y());
    painter.rotate(90);
    painter.drawText(QRectF(-l.colorBar.height() / 2, 0, l.colorBar.height(), label.height() + 2), Qt::AlignCenter,
                     data.valueLabel);
    painter.restore();
    painter.restore();
}

} // namespace qks::gui
