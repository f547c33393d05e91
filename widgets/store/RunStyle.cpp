#include "store/RunStyle.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace qks::gui {

namespace {

// The study's palette: QK, QK_frozen and NoQK first, then hues for anything else.
constexpr std::array<QColor, 9> kPalette = {QColor(0xf9, 0x73, 0x16), QColor(0xa8, 0x55, 0xf7),
                                            QColor(0x22, 0xd3, 0xee), QColor(0x4a, 0xde, 0x80),
                                            QColor(0xf4, 0x72, 0xb6), QColor(0xfa, 0xcc, 0x15),
                                            QColor(0x60, 0xa5, 0xfa), QColor(0xf8, 0x71, 0x71),
                                            QColor(0x94, 0xa3, 0xb8)};
constexpr size_t kConditions = 3;

} // namespace

QColor conditionColor(const QString& tag)
{
    if (tag == QLatin1String("QK"))
        return kPalette[0];
    if (tag == QLatin1String("QK_frozen"))
        return kPalette[1];
    if (tag == QLatin1String("NoQK"))
        return kPalette[2];
    // Further conditions (seeds, ablations) get stable colours from their tag.
    return kPalette[kConditions + qHash(tag) % (kPalette.size() - kConditions)];
}

QColor layerColor(int layer, int layers)
{
    // Viridis between 0.2 and 0.8: no hue the conditions use, dark enough for paper and light
    // enough for the dark theme, and ordered, so depth reads as "darker = shallower".
    static const std::array<QColor, 7> viridis = {QColor(0x41, 0x44, 0x87), QColor(0x35, 0x5f, 0x8d),
                                                  QColor(0x2a, 0x78, 0x8e), QColor(0x21, 0x91, 0x8c),
                                                  QColor(0x22, 0xa8, 0x84), QColor(0x44, 0xbf, 0x70),
                                                  QColor(0x7a, 0xd1, 0x51)};
    const double t = layers > 1 ? std::clamp(double(layer) / (layers - 1), 0.0, 1.0) : 0.0;
    const double at = t * double(viridis.size() - 1);
    const size_t i = std::min(size_t(at), viridis.size() - 2);
    const double f = at - double(i);
    const QColor& a = viridis[i];
    const QColor& b = viridis[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f), float(a.greenF() + (b.greenF() - a.greenF()) * f),
                            float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

QString conditionLabel(const QString& tag)
{
    if (tag == QLatin1String("QK"))
        return QCoreApplication::translate("qks::gui::RunStyle", "Learned γ");
    if (tag == QLatin1String("QK_frozen"))
        return QCoreApplication::translate("qks::gui::RunStyle", "Frozen γ=1");
    if (tag == QLatin1String("NoQK"))
        return QCoreApplication::translate("qks::gui::RunStyle", "No QK-Norm");
    return tag;
}

Qt::PenStyle studyPenStyle(int studyIndex)
{
    static const std::array<Qt::PenStyle, 4> styles = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
    return styles[size_t(std::max(0, studyIndex)) % styles.size()];
}

int studyMarkerShape(int studyIndex)
{
    // Studies 4–7 add a circle to the four dashes, 8–11 a square, and so on: twenty studies
    // before a look repeats.
    return studyIndex < 4 ? -1 : (studyIndex / 4 - 1) % 4;
}

} // namespace qks::gui
