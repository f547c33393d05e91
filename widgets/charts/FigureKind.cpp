#include "charts/FigureKind.h"

#include <QCoreApplication>

namespace qks::gui {

const QVector<FigureKind>& allFigureKinds()
{
    static const QVector<FigureKind> kinds = {FigureKind::Loss,         FigureKind::KeyPr,
                                              FigureKind::PerLayerPr,   FigureKind::CausalDecomposition,
                                              FigureKind::GammaCv,      FigureKind::PrHeatmap,
                                              FigureKind::GammaHeatmap};
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
    }
    return {};
}

QString figureDisplayName(FigureKind kind)
{
    const auto tr = [](const char* s) { return QCoreApplication::translate("qks::gui::FigureKind", s); };
    switch (kind) {
    case FigureKind::Loss: return tr("Loss");
    case FigureKind::KeyPr: return tr("Key PR");
    case FigureKind::PerLayerPr: return tr("Per-layer PR");
    case FigureKind::CausalDecomposition: return tr("Causal decomposition");
    case FigureKind::GammaCv: return tr("γ-CV");
    case FigureKind::PrHeatmap: return tr("PR heatmap");
    case FigureKind::GammaHeatmap: return tr("γ heatmap");
    }
    return {};
}

bool isHeatmap(FigureKind kind)
{
    return kind == FigureKind::PrHeatmap || kind == FigureKind::GammaHeatmap;
}

} // namespace qks::gui
