#include "charts/WrappedText.h"

#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

template <typename Visit>
void layOut(const QFont& font, const QString& text, double width, Visit visit)
{
    QTextLayout layout(text, font);
    layout.setTextOption(wrapOption());
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(1.0, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
        visit(line);
    }
    layout.endLayout();
}

} // namespace

QTextOption wrapOption(Qt::Alignment alignment)
{
    QTextOption o(alignment);
    o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return o;
}

QSizeF wrappedTextSize(const QFont& font, const QString& text, double width)
{
    double height = 0, widest = 0;
    layOut(font, text, width, [&](const QTextLine& line) {
        height += line.height();
        widest = std::max(widest, line.naturalTextWidth());
    });
    return QSizeF(std::ceil(widest), std::ceil(height));
}

QStringList wrappedLines(const QFont& font, const QString& text, double width)
{
    QStringList lines;
    layOut(font, text, width, [&](const QTextLine& line) {
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    });
    return lines;
}

} // namespace qks::gui
