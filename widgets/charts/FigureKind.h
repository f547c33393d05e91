#pragma once

#include <QString>
#include <QVector>

namespace qks::gui {

// The study's figures (docs/design.md §1.12), in the published numbering, plus the heatmaps.
enum class FigureKind {
    Loss,                 // 1 train (solid) and validation (dashed) loss
    KeyPr,                // 2 mean key PR vs tokens: the main figure
    PerLayerPr,           // 3 per-layer PR bars at a checkpoint
    CausalDecomposition,  // 4 Δ(A−B) γ effect and Δ(B−C) norm effect per layer
    GammaCv,              // 5 γ coefficient of variation over tokens for chosen layers
    PrHeatmap,            // layer × checkpoint key PR
    GammaHeatmap,         // layer × dimension final γ, or layer × checkpoint mean γ
    Sweep,                // a summary metric against a swept setting, per condition (study.sweep)
};

const QVector<FigureKind>& allFigureKinds();

// File stem as the published figures are named ("1_loss", "2_key_pr_causal", ...).
QString figureFileStem(FigureKind kind);
// Translated tab and export-dialog name.
QString figureDisplayName(FigureKind kind);
bool isHeatmap(FigureKind kind);

} // namespace qks::gui
