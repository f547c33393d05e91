#include "charts/FigureLegend.h"

#include "charts/WrappedText.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

QPainterPath markerPath(int shape, QPointF c, double r)
{
    QPainterPath path;
    switch (shape) {
    case 0: path.addEllipse(c, r, r); break;
    case 1: path.addRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)); break;
    case 2: {
        QPolygonF t;
        t << QPointF(c.x(), c.y() - r * 1.15) << QPointF(c.x() + r * 1.1, c.y() + r * 0.85)
          << QPointF(c.x() - r * 1.1, c.y() + r * 0.85) << QPointF(c.x(), c.y() - r * 1.15);
        path.addPolygon(t);
        break;
    }
    default: {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double a = -M_PI / 2 + i * M_PI / 5;
            const double rr = (i % 2 == 0) ? r * 1.2 : r * 0.5;
            star << QPointF(c.x() + rr * std::cos(a), c.y() + rr * std::sin(a));
        }
        star << star.first();
        path.addPolygon(star);
        break;
    }
    }
    return path;
}

} // namespace

LegendEntry& legendEntryNamed(QVector<LegendEntry>& entries, const QString& text)
{
    for (LegendEntry& e : entries) {
        if (e.text == text)
            return e;
    }
    entries.push_back({});
    entries.back().text = text;
    return entries.back();
}

FigureLegend::FigureLegend(QChart* chart, const ChartTheme& theme, QVector<LegendEntry> entries)
    : QGraphicsObject(chart), m_chart(chart), m_theme(theme), m_entries(std::move(entries)),
      m_faded(m_entries.size(), false)
{
    setZValue(10);
    setAcceptedMouseButtons(Qt::LeftButton);
    connect(chart, &QChart::geometryChanged, this, &FigureLegend::relayout);
    relayout();
}

QRectF FigureLegend::boundingRect() const
{
    return m_bounds;
}

FigureLegend::Layout FigureLegend::layoutFor(const QFont& font, double avail, bool wrap) const
{
    // Row by row, as matplotlib's ncol. Unwrapped: the most columns whose widest entries fit
    // side by side. Wrapped: the column count that gives the lowest legend.
    const QFontMetricsF fm(font);
    const double line = fm.height();
    Layout best;
    best.height = 1e18;
    const int n = int(m_entries.size());
    for (int c = 1; c <= (wrap ? std::min(n, 4) : n); ++c) {
        Layout l;
        l.font = font;
        l.columns = c;
        l.sampleW = std::round(line * 2.4);
        l.gap = std::round(line * 0.4);
        l.colGap = std::round(line * 1.1);
        l.rowGap = std::round(line * 0.25);
        l.colWidth = QVector<double>(c, 0.0);
        const double equal = (avail - (c - 1) * l.colGap) / c;
        if (equal < l.sampleW + l.gap + line * 3)
            break;
        bool fits = true;
        for (int i = 0; i < n; ++i) {
            const double natural = l.sampleW + l.gap + std::ceil(fm.horizontalAdvance(m_entries[i].text)) + 1;
            l.colWidth[i % c] = std::max(l.colWidth[i % c], wrap ? std::min(natural, equal) : natural);
            fits = fits && (wrap || natural <= equal || c == 1);
        }
        double total = (c - 1) * l.colGap;
        for (double w : l.colWidth)
            total += w;
        if (!wrap && total > avail && c > 1)
            continue;
        if (c == 1)
            l.colWidth[0] = std::min(l.colWidth[0], avail);
        const int rows = (n + c - 1) / c;
        l.rowHeight = QVector<double>(rows, line);
        l.textWidth = QVector<double>(n);
        for (int i = 0; i < n; ++i) {
            l.textWidth[i] = std::max(10.0, l.colWidth[i % c] - l.sampleW - l.gap);
            l.rowHeight[i / c] = std::max(l.rowHeight[i / c], wrappedTextSize(font, m_entries[i].text, l.textWidth[i]).height());
        }
        l.width = total;
        l.height = (rows - 1) * l.rowGap;
        for (double h : l.rowHeight)
            l.height += h;
        // Unwrapped, more columns is better as long as they fit; wrapped, the lowest wins.
        if (!wrap ? true : l.height < best.height)
            best = l;
    }
    return best;
}

void FigureLegend::relayout()
{
    prepareGeometryChange();
    m_rects.clear();
    m_textRects.clear();
    const QMargins base(6, 4, 10, 4);
    const double width = m_chart->size().width();
    const double height = m_chart->size().height();
    if (m_entries.isEmpty() || width <= 0) {
        m_bounds = {};
        m_chart->setMargins(base);
        return;
    }
    const double avail = std::max(40.0, width - base.left() - base.right() - 4);
    // The legend may take a third of the figure; beyond that it wraps into more columns, then
    // uses smaller type (down to 60%), so the plot keeps room for its axes.
    const double budget = height / 3;
    QFont font = m_theme.legendFont();
    m_layout = layoutFor(font, avail, false);
    for (double scale : {1.0, 0.9, 0.8, 0.7, 0.6}) {
        if (m_layout.height <= budget)
            break;
        font.setPixelSize(std::max(6, int(std::lround(m_theme.legendFont().pixelSize() * scale))));
        const Layout plain = layoutFor(font, avail, false);
        const Layout wrapped = layoutFor(font, avail, true);
        m_layout = plain.height <= wrapped.height ? plain : wrapped;
    }
    const Layout& l = m_layout;
    m_fits = l.height <= budget;
    const int n = int(m_entries.size());
    const double x0 = std::max<double>(base.left(), std::round((width - l.width) / 2));
    // Never above the top: a legend taller than the figure starts there and takes it all.
    const double y0 = std::max<double>(base.top(), height - base.bottom() - l.height);
    double y = y0;
    for (int r = 0; r < l.rowHeight.size(); ++r) {
        double x = x0;
        for (int c = 0; c < l.columns; ++c) {
            const int i = r * l.columns + c;
            if (i >= n)
                break;
            m_rects.push_back(QRectF(x, y, l.sampleW + l.gap + l.textWidth[i], l.rowHeight[r]));
            m_textRects.push_back(QRectF(x + l.sampleW + l.gap, y, l.textWidth[i], l.rowHeight[r]));
            x += l.colWidth[c] + l.colGap;
        }
        y += l.rowHeight[r] + l.rowGap;
    }
    m_bounds = QRectF(x0 - 2, y0 - 2, l.width + 4, l.height + 4);
    const double line = QFontMetricsF(l.font).height();
    m_chart->setMargins(QMargins(base.left(), base.top(), base.right(), int(std::ceil(l.height + base.bottom() + line * 0.5))));
    update();
}

void FigureLegend::paintSample(QPainter* painter, const LegendEntry& e, const QRectF& sample) const
{
    const QPointF mid(sample.center().x(), sample.center().y());
    if (e.fill.style() != Qt::NoBrush) {
        const double h = std::min(sample.height(), QFontMetricsF(m_layout.font).height() * 0.8);
        const QRectF box(sample.left() + sample.width() * 0.2, mid.y() - h / 2, sample.width() * 0.6, h);
        painter->setPen(QPen(e.border.isValid() ? e.border : m_theme.spine, 1));
        // Patterns are drawn in the brush colour over the figure's background, as the bars are.
        painter->fillRect(box, m_theme.plotBackground);
        painter->setBrush(e.fill);
        painter->drawRect(box);
    }
    if (e.pen.style() != Qt::NoPen) {
        QPen pen = e.pen;
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        painter->drawLine(QPointF(sample.left() + 1, mid.y()), QPointF(sample.right() - 1, mid.y()));
    }
    if (e.marker >= 0) {
        const double r = std::max(2.5, QFontMetricsF(m_layout.font).height() * 0.27);
        painter->setPen(QPen(m_theme.background, 1));
        painter->setBrush(e.markerColor.isValid() ? e.markerColor : e.pen.color());
        painter->drawPath(markerPath(e.marker, mid, r));
    }
}

void FigureLegend::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(m_layout.font);
    const double line = QFontMetricsF(m_layout.font).height();
    for (int i = 0; i < m_rects.size(); ++i) {
        painter->setOpacity(m_faded[i] ? 0.35 : 1.0);
        const QRectF& r = m_rects[i];
        const double h = std::min(r.height(), line);
        paintSample(painter, m_entries[i], QRectF(r.left(), r.top() + (r.height() - h) / 2, m_layout.sampleW, h));
        painter->setPen(m_theme.text);
        painter->drawText(m_textRects[i], m_entries[i].text, wrapOption());
    }
    painter->restore();
}

QRectF FigureLegend::drawnRect(int index) const
{
    if (index < 0 || index >= m_rects.size())
        return {};
    const QRectF& box = m_textRects[index];
    const QSizeF text = wrappedTextSize(m_layout.font, m_entries[index].text, box.width());
    const QRectF drawn(box.left(), box.center().y() - text.height() / 2, text.width(), text.height());
    return QRectF(m_rects[index].topLeft(), QSizeF(1, m_rects[index].height())).united(drawn);
}

void FigureLegend::setFaded(int index, bool faded)
{
    if (index < 0 || index >= m_faded.size())
        return;
    m_faded[index] = faded;
    update();
}

bool FigureLegend::isFaded(int index) const
{
    return index >= 0 && index < m_faded.size() && m_faded[index];
}

void FigureLegend::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    for (int i = 0; i < m_rects.size(); ++i) {
        if (m_rects[i].contains(event->pos())) {
            Q_EMIT entryClicked(i);
            event->accept();
            return;
        }
    }
    event->ignore();
}

} // namespace qks::gui
