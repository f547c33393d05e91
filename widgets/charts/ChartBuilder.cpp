#include "charts/ChartBuilder.h"

#include "charts/BarFigures.h"
#include "charts/ChartAnnotation.h"
#include "charts/ChartStyle.h"
#include "charts/LineFigures.h"
#include "charts/SweepFigure.h"
#include "charts/VisibleRuns.h"
#include "store/RunStyle.h"

#include <QChart>
#include <QCoreApplication>

#include <cmath>

namespace qks::gui {

QPointF toPlotted(const BuiltFigure& fig, QPointF raw)
{
    return QPointF(fig.logX ? std::log10(raw.x()) : raw.x(), fig.logY ? std::log10(raw.y()) : raw.y());
}

QVector<QPointF> toPlotted(const BuiltFigure& fig, const QVector<QPointF>& raw)
{
    if (!fig.logX && !fig.logY)
        return raw;
    QVector<QPointF> out;
    out.reserve(raw.size());
    for (const QPointF& p : raw)
        out.push_back(toPlotted(fig, p));
    return out;
}

double rawX(const BuiltFigure& fig, double plottedX)
{
    return fig.logX ? std::pow(10.0, plottedX) : plottedX;
}

QString xAxisTitle(XAxisKind kind)
{
    switch (kind) {
    case XAxisKind::Tokens: return QCoreApplication::translate("qks::gui::ChartBuilder", "Tokens (M)");
    case XAxisKind::Steps: return QCoreApplication::translate("qks::gui::ChartBuilder", "Optimizer steps");
    case XAxisKind::WallTime: return QCoreApplication::translate("qks::gui::ChartBuilder", "Wall time (min)");
    case XAxisKind::FractionOfRun: return QCoreApplication::translate("qks::gui::ChartBuilder", "Fraction of run");
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
    case FigureKind::Sweep:
        buildSweepFigure(fig, studies, options, theme);
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
    if (!fig.legend.isEmpty())
        fig.legendItem = new FigureLegend(fig.chart, theme, fig.legend);
    QChart* chart = fig.chart;
    chart->setProperty("qksTitle", chart->title());
    const QFont titleFont = theme.titleFont();
    QObject::connect(chart, &QChart::geometryChanged, chart, [chart, titleFont] {
        wrapTitleToWidth(chart, chart->property("qksTitle").toString(), titleFont);
    });
    return fig;
}

void setFigureTitle(BuiltFigure& fig, const QString& title, const ChartTheme& theme)
{
    fig.title = title;
    fig.chart->setProperty("qksTitle", title);
    wrapTitleToWidth(fig.chart, title, theme.titleFont());
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
