#pragma once

#include "charts/ChartTheme.h"

#include <QColor>

namespace qks::gui {

// Status colours of the widgets (not of the figures), readable on the dark and the light
// palette alike: what failed or is broken (a failed run, a rule the New Study form breaks),
// and a run that is training.
inline constexpr QColor kErrorColor(0xf8, 0x51, 0x49);
inline constexpr QColor kActiveColor(0x3f, 0xb9, 0x50);

// The application's widget palette to match the chart theme: a dark Fusion palette for
// "dark", the light Fusion palette for "paper".
void applyAppPalette(const ChartTheme& theme);

} // namespace qks::gui
