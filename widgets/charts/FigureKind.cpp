#include "charts/FigureKind.h"

#include <QCoreApplication>

namespace qks::gui {

const QVector<FigureKind>& allFigureKinds()
{
    static const QVector<FigureKind> kinds = {FigureKind::Loss,         FigureKind::KeyPr,
                                              FigureKind::PerLayerPr,   FigureKind::CausalDecomposition,
                                              FigureKind::GammaCv,      FigureKind::PrHeatmap,
                                              FigureKind::GammaHeatmap, FigureKind::Sweep};
    return kinds;
}

QString figureFileStem(FigureKind kind)
{
    switch (kind) {
    case FigureKind::Loss: return QStringLiteral("1_loss");
    case FigureKind::KeyPr: return QStringLiteral("2_key_pr_causal");
    case FigureKind::PerLayerPr: return QStringLiteral("3_per_layer");
    case FigureKind::CausalDecomposition: return QStringLiteral("4_causal_decomposition");
    case FigureKind::GammaCv: return QStringLiteral("5_gamma_cv");
    case FigureKind::PrHeatmap: return QStringLiteral("6_pr_heatmap");
    case FigureKind::GammaHeatmap: return QStringLiteral("7_gamma_heatmap");
    case FigureKind::Sweep: return QStringLiteral("8_sweep");
    }
    return {};
}

QString figureDisplayName(FigureKind kind)
{
    switch (kind) {
    case FigureKind::Loss: return QCoreApplication::translate("qks::gui::FigureKind", "Loss");
    case FigureKind::KeyPr: return QCoreApplication::translate("qks::gui::FigureKind", "Key PR");
    case FigureKind::PerLayerPr: return QCoreApplication::translate("qks::gui::FigureKind", "Per-layer PR");
    case FigureKind::CausalDecomposition: return QCoreApplication::translate("qks::gui::FigureKind", "Causal decomposition");
    case FigureKind::GammaCv: return QCoreApplication::translate("qks::gui::FigureKind", "γ-CV");
    case FigureKind::PrHeatmap: return QCoreApplication::translate("qks::gui::FigureKind", "PR heatmap");
    case FigureKind::GammaHeatmap: return QCoreApplication::translate("qks::gui::FigureKind", "γ heatmap");
    case FigureKind::Sweep: return QCoreApplication::translate("qks::gui::FigureKind", "Sweep");
    }
    return {};
}

bool isHeatmap(FigureKind kind)
{
    return kind == FigureKind::PrHeatmap || kind == FigureKind::GammaHeatmap;
}

} // namespace qks::gui
