#include "charts/ChartBuilder.h"

#include "charts/BarFigures.h"
#include "charts/ChartAnnotation.h"
#include "charts/ChartStyle.h"
#include "charts/LineFigures.h"
#include "charts/VisibleRuns.h"
#include "store/RunStyle.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLegendMarker>

namespace qks::gui {

QString xAxisTitle(XAxisKind kind)
{
    switch (kind) {
    case XAxisKind::Tokens: return QCoreApplication::translate("qks::gui::ChartBuilder", "Tokens (M)");
    case XAxisKind::Steps: return QCoreApplication::translate("qks::gui::ChartBuilder", "Optimizer steps");
    case XAxisKind::WallTime: return QCoreApplication::translate("qks::gui::ChartBuilder", "Wall time (min)");
    }
    return {};
}

BuiltFigure buildChartFigure(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options,
                             const ChartTheme& theme, int plotWidth)
{
    BuiltFigure fig;
    fig.chart = new QChart;
    int studiesShown = 0;
    const QVector<VisibleRun> runs = visibleRuns(studies, &studiesShown);
    switch (kind) {
    case FigureKind::Loss:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Train & Validation Loss");
        buildLossFigure(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::KeyPr:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Key Rank Collapse — Does γ or Normalization Drive It?");
        buildKeyPrFigure(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::GammaCv:
        fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "γ Coefficient of Variation (Learned γ)");
        buildGammaCvFigure(fig, runs, studiesShown, options, theme, plotWidth);
        break;
    case FigureKind::PerLayerPr:
        buildPerLayerFigure(fig, runs, studiesShown, options, theme);
        break;
    case FigureKind::CausalDecomposition:
        buildCausalFigure(fig, studies, options, theme);
        break;
    case FigureKind::PrHeatmap:
    case FigureKind::GammaHeatmap:
        break; // drawn by HeatmapPainter, not Qt Charts
    }
    if (fig.chart->title().isEmpty())
        fig.chart->setTitle(fig.title);
    styleChart(fig.chart, theme, fig.title);
    if (fig.series.isEmpty() && fig.emptyReason.isEmpty()) {
        fig.emptyReason = runs.isEmpty() ? QCoreApplication::translate("qks::gui::ChartBuilder", "No run is visible. Open a results folder (File → Open Results "
                                                 "Folder) or tick a run in the runs panel.")
                                         : QCoreApplication::translate("qks::gui::ChartBuilder", "The visible runs have no data for this figure and x axis.");
    }
    if (!fig.emptyReason.isEmpty())
        addCenteredMessage(fig.chart, theme, fig.emptyReason);
    // Many entries (train and val of each run) do not fit in one row under the plot: list
    // them on the right, where every label is shown whole.
    int entries = 0;
    for (QLegendMarker* m : fig.chart->legend()->markers())
        entries += m->series()->property("qksNoLegend").toBool() ? 0 : 1;
    fig.chart->legend()->setAlignment(entries > 4 ? Qt::AlignRight : Qt::AlignBottom);
    return fig;
}

HeatmapData buildHeatmap(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options)
{
    const auto matrixFor = [&](const RunResults& r) {
        if (kind == FigureKind::PrHeatmap)
            return prHeatmap(r);
        return options.gammaOverTime ? gammaMeanHeatmap(r) : gammaFinalHeatmap(r);
    };
    for (int s = 0; s < studies.size(); ++s) {
        if (options.heatmapStudy >= 0 && s != options.heatmapStudy)
            continue;
        for (const RunEntry& run : studies[s].runs) {
            if (!run.ok() || (options.heatmapTag.isEmpty() ? !run.visible : run.tag != options.heatmapTag))
                continue;
            HeatmapData h = matrixFor(*run.results);
            if (h.isEmpty())
                continue;
            h.title += QStringLiteral(" — ") + conditionLabel(run.tag);
            if (studies.size() > 1)
                h.title += QStringLiteral(" (") + studies[s].name + QLatin1Char(')');
            return h;
        }
    }
    HeatmapData none = kind == FigureKind::PrHeatmap ? prHeatmap(RunResults{}) : matrixFor(RunResults{});
    return none;
}

} // namespace qks::gui
