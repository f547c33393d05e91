#pragma once

#include "store/FigureData.h"

#include <QString>
#include <QVector>

#include <cstdint>
#include <optional>

namespace qks::gui {

// What the user chose for the figures; the same options drive the window and the exports.
struct FigureOptions {
    XAxisKind xAxis = XAxisKind::Tokens;
    double smoothing = 0.0;                   // EMA weight for loss, PR and γ-CV lines, in [0, 0.99]
    bool logY = false;                        // log y on the line figures
    bool logX = false;                        // log x on the line figures (studies of different lengths)
    std::optional<int64_t> checkpointTokens;  // per-layer bars and decomposition; none = final
    QVector<int> gammaCvLayers;               // empty = the study's layers (defaultGammaCvLayers)
    // Heatmaps show one run: the first visible one unless a study/condition is chosen.
    int heatmapStudy = -1;
    QString heatmapTag;
    bool gammaOverTime = false;               // γ heatmap: mean γ per checkpoint instead of final γ
    QString sweepMetric = QStringLiteral("min_pr"); // sweep figure: a sweepMetricNames() entry
    QString sweepKey;                         // sweep figure: the swept key on x; empty = the first
};

} // namespace qks::gui
