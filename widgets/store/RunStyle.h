#pragma once

#include <QColor>
#include <QString>
#include <Qt>

namespace qks::gui {

// How a run is drawn: colour by condition (the study's palette), line style by study, so two
// studies of the same condition read as "same colour, other dash".
QColor conditionColor(const QString& tag);
// A layer's colour in the γ CV figure: a sequential palette over layer / (layers-1), where
// `layers` is the deepest model shown (so a layer has one colour in every study), apart from
// the conditions' hues.
QColor layerColor(int layer, int layers);

// The legend label of a condition ("Learned γ"), translated; unknown tags are shown as they are.
QString conditionLabel(const QString& tag);

// How the n-th study opened in this session is drawn (OpenStudy::styleIndex, kept while other
// studies are hidden or closed): solid, dashed, dotted, dash-dot, and from the fifth study on
// the same dashes with a marker shape, one shape per four studies (0 circle, 1 square,
// 2 triangle, 3 star; -1 none).
Qt::PenStyle studyPenStyle(int studyIndex);
int studyMarkerShape(int studyIndex);

} // namespace qks::gui
