#pragma once

namespace qks::gui {

// Everything `qkstudio` does, so main() stays one line:
//   qkstudio [DIR...]                         the window, with these folders open
//   qkstudio --export-figures DIR... --out OUTDIR [--format png,svg,pdf,csv] [--theme paper|dark]
//            [--size one-column|two-column|wide] [--dpi N] [--smoothing W]
//   qkstudio --benchmark DIR...               times opening and drawing every figure
//   qkstudio --screenshot FILE DIR...          saves the window as PNG (docs, tests)
//   qkstudio --run CONFIG.json [--screenshot FILE] [--quit-when-done]
//                                             trains a study in the window, as the dialog would
// Export, benchmark and screenshot need no display (they use the offscreen platform).
// Exit codes: 0 done, 2 usage error, 3 unreadable or missing results, 1 write failure.
int runApplication(int argc, char** argv);

} // namespace qks::gui
