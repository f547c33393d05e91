#include "charts/ChartTheme.h"

#include "store/RunStyle.h"

#include <cmath>

namespace qks::gui {

namespace {

QFont pixelFont(int pixels, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

} // namespace

QColor ChartTheme::runColor(const QString& tag) const
{
    if (!markers)
        return conditionColor(tag);
    // Print versions of the study's palette: darker, so thin lines hold up on white paper.
    if (tag == QLatin1String("QK"))
        return QColor(0xd9, 0x5f, 0x02);
    if (tag == QLatin1String("QK_frozen"))
        return QColor(0x6d, 0x28, 0xd9);
    if (tag == QLatin1String("NoQK"))
        return QColor(0x08, 0x91, 0xb2);
    return conditionColor(tag).darker(130);
}

int ChartTheme::markerShape(const QString& tag) const
{
    if (tag == QLatin1String("QK"))
        return 0;
    if (tag == QLatin1String("QK_frozen"))
        return 1;
    if (tag == QLatin1String("NoQK"))
        return 2;
    return 3;
}

QFont ChartTheme::titleFont() const { return pixelFont(int(std::lround(14 * fontScale))); }
QFont ChartTheme::labelFont() const { return pixelFont(int(std::lround(12 * fontScale))); }
QFont ChartTheme::tickFont() const { return pixelFont(int(std::lround(11 * fontScale))); }
QFont ChartTheme::legendFont() const { return pixelFont(int(std::lround(11 * fontScale))); }

ChartTheme ChartTheme::dark()
{
    ChartTheme t;
    t.name = QStringLiteral("dark");
    t.background = QColor(0x0d, 0x11, 0x17);
    t.plotBackground = QColor(0x16, 0x1b, 0x22);
    t.text = QColor(0xc9, 0xd1, 0xd9);
    t.title = QColor(0xe6, 0xed, 0xf3);
    t.spine = QColor(0x30, 0x36, 0x3d);
    t.grid = QColor(0x21, 0x26, 0x2d);
    t.legendBackground = QColor(0x16, 0x1b, 0x22, 230);
    t.annotationBackground = QColor(0x21, 0x26, 0x2d, 220);
    t.markers = false;
    return t;
}

ChartTheme ChartTheme::paper()
{
    ChartTheme t;
    t.name = QStringLiteral("paper");
    t.background = Qt::white;
    t.plotBackground = Qt::white;
    t.text = QColor(0x22, 0x22, 0x22);
    t.title = Qt::black;
    t.spine = QColor(0x44, 0x44, 0x44);
    t.grid = QColor(0xe3, 0xe3, 0xe3);
    t.legendBackground = QColor(255, 255, 255, 235);
    t.annotationBackground = QColor(0xf4, 0xf4, 0xf4, 235);
    t.markers = true;
    return t;
}

std::optional<ChartTheme> ChartTheme::byName(const QString& name)
{
    if (name == QLatin1String("dark"))
        return dark();
    if (name == QLatin1String("paper"))
        return paper();
    return std::nullopt;
}

} // namespace qks::gui
