#include "store/RunStyle.h"

#include <QCoreApplication>

#include <array>

namespace qks::gui {

QColor conditionColor(const QString& tag)
{
    if (tag == QLatin1String("QK"))
        return QColor(0xf9, 0x73, 0x16);
    if (tag == QLatin1String("QK_frozen"))
        return QColor(0xa8, 0x55, 0xf7);
    if (tag == QLatin1String("NoQK"))
        return QColor(0x22, 0xd3, 0xee);
    // Further conditions (seeds, ablations) get stable colours from their tag.
    static const std::array<QColor, 6> others = {QColor(0x4a, 0xde, 0x80), QColor(0xf4, 0x72, 0xb6),
                                                 QColor(0xfa, 0xcc, 0x15), QColor(0x60, 0xa5, 0xfa),
                                                 QColor(0xf8, 0x71, 0x71), QColor(0x94, 0xa3, 0xb8)};
    return others[qHash(tag) % others.size()];
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
