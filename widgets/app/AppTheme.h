#pragma once

#include "charts/ChartTheme.h"

namespace qks::gui {

// The application's widget palette to match the chart theme: a dark Fusion palette for
// "dark", the light Fusion palette for "paper".
void applyAppPalette(const ChartTheme& theme);

} // namespace qks::gui
