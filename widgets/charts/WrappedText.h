#pragma once

#include <QFont>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTextOption>

namespace qks::gui {

// Text in figures is wrapped, never elided: at word boundaries, and inside a word only when the
// word alone is wider than the room (a long folder name).
QTextOption wrapOption(Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter);
// The size `text` takes when wrapped to `width`.
QSizeF wrappedTextSize(const QFont& font, const QString& text, double width);
// Its lines, as wrapped to `width`.
QStringList wrappedLines(const QFont& font, const QString& text, double width);

} // namespace qks::gui
