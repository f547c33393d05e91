#pragma once

#include <QColor>
#include <QString>
#include <Qt>

namespace qks::gui {

// How a run is drawn: colour by condition (the study's palette), line style by study, so two
// studies of the same condition read as "same colour, other dash".
QColor conditionColor(const QString& tag);
// The n-th chosen layer's colour (γ CV figure): the conditions' three, then three more hues.
QColor layerColor(int index);

// The legend label of a condition ("Learned γ"), translated; unknown tags are shown as they are.
QString conditionLabel(const QString& tag);

// Pen styles for the n-th open study: the main line and, for the loss figure, the validation line.
Qt::PenStyle studyPenStyle(int studyIndex);
Qt::PenStyle studyValidationPenStyle(int studyIndex);

} // namespace qks::gui
