#include "store/RunStyle.h"

#include <QCoreApplication>

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

QColor layerColor(int index)
{
    return kPalette[size_t(index) % 6];
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
    static const std::array<Qt::PenStyle, 4> styles = {Qt::SolidLine, Qt::DotLine, Qt::DashDotLine,
                                                       Qt::DashDotDotLine};
    return styles[size_t(studyIndex) % styles.size()];
}

Qt::PenStyle studyValidationPenStyle(int studyIndex)
{
    static const std::array<Qt::PenStyle, 2> styles = {Qt::DashLine, Qt::DashDotDotLine};
    return styles[size_t(studyIndex) % styles.size()];
}

} // namespace qks::gui
