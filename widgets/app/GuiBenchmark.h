#pragma once

#include <QStringList>
#include <QTextStream>

namespace qks::gui {

// `qkstudio --benchmark DIR...`: opens the folders and draws every figure (runs panel,
// all chart tabs and heatmaps, painted into an image) `repeats` times in fresh windows,
// and prints the median and the minimum. Then compares drawing one 100,000-point curve
// with and without the min/max-per-pixel reduction. Returns the exit code.
int runGuiBenchmark(const QStringList& folders, int repeats, QTextStream& out, QTextStream& err);

} // namespace qks::gui
