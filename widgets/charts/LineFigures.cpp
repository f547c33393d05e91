#include "charts/LineFigures.h"

#include "charts/ChartAnnotation.h"
#include "charts/LineFigureBuilder.h"
#include "store/FigureData.h"
#include "store/RunStyle.h"

#include <QChart>
#include <QCoreApplication>

#include <algorithm>

namespace qks::gui {

namespace {

// A multi-seed mean says how many seeds it averages; one seed of several is drawn thin.
CurveLook conditionLook(const VisibleRun& v, const ChartTheme& theme)
{
    CurveLook look;
    look.colorKey = v.run->tag;
    look.colorLabel = conditionLabel(v.run->tag);
    if (v.run->aggregate)
        look.colorLabel += QCoreApplication::translate("qks::gui::ChartBuilder", " (n = %1)").arg(v.run->seedCount());
    look.color = theme.runColor(v.run->tag);
    look.marker = theme.markers ? theme.markerShape(v.run->tag) : -1;
    look.study = v.style;
    look.studyName = v.studyName;
    return look;
}

// A curve of one seed among several: thin, no markers, so the bundle of seeds reads as spread.
void thinForSeed(const VisibleRun& v, CurveLook& look)
{
    if (!v.run->seed || v.run->aggregate)
        return;
    look.width = std::min<qreal>(look.width, 1.2);
    look.marker = -1;
}

std::pair<QVector<QPointF>, QVector<QPointF>> bandOf(const VisibleRun& v, const ProbeEstimates SeedAggregate::*series,
                                                     const QVector<double>& x)
{
    if (!v.run->aggregate)
        return {};
    return bandPoints((*v.run->aggregate).*series, x);
}

} // namespace

void buildLossFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                     const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    const QString train = QCoreApplication::translate("qks::gui::ChartBuilder", "train");
    const QString val = QCoreApplication::translate("qks::gui::ChartBuilder", "validation");
    for (const VisibleRun& v : runs) {
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        // Train thick, validation thin and a shade darker: the dash tells the studies apart.
        // One study alone keeps the published look, validation dashed.
        CurveLook look = conditionLook(v, theme);
        look.variant = train;
        thinForSeed(v, look);
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (train)")), look,
              lossPoints(v.results(), *x, false), false, bandOf(v, &SeedAggregate::loss, *x));
        look.variant = val;
        look.color = look.color.darker(125);
        look.width = studiesShown == 1 && v.style == 0 ? 1.6 : 1.1;
        look.dash = studiesShown == 1 && v.style == 0 ? int(Qt::DashLine) : -1;
        look.marker = -1;
        thinForSeed(v, look);
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (val)")), look,
              lossPoints(v.results(), *x, true), false, bandOf(v, &SeedAggregate::valLoss, *x));
    }
    // Runs training in this window: every micro-step's loss since the start, thin, until the
    // run ends (then the figure is what the file holds).
    if (o.xAxis == XAxisKind::Tokens) {
        for (const VisibleRun& v : runs) {
            if (v.run->live && v.run->live->active() && !v.run->live->stepLoss.isEmpty()) {
                CurveLook look = conditionLook(v, theme);
                look.color.setAlphaF(0.55);
                look.width = 1.0;
                look.marker = -1;
                look.variant = QCoreApplication::translate("qks::gui::ChartBuilder", "every step");
                b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (every step)")),
                      look, v.run->live->stepLoss);
            }
        }
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "Loss"));
}

void buildKeyPrFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                      const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    for (const VisibleRun& v : runs) {
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        CurveLook look = conditionLook(v, theme);
        look.width = 2.6;
        thinForSeed(v, look);
        b.add(runName(v, studiesShown), look, meanPrPoints(v.results(), *x), !v.run->seed || v.run->aggregate,
              bandOf(v, &SeedAggregate::meanPr, *x));
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "Mean Key PR"));
    addCausalAnnotation(fig.chart, theme,
                        QCoreApplication::translate("qks::gui::ChartBuilder", "A = %1, B = %2, C = %3\nA≠B≈C → γ drives it\nA≈B≠C → normalization\nAll differ → both")
                            .arg(conditionLabel(QStringLiteral("QK")), conditionLabel(QStringLiteral("QK_frozen")),
                                 conditionLabel(QStringLiteral("NoQK"))));
}

void buildGammaCvFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                        const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    // One colour scale for every study: layer 3 is the same colour wherever it is drawn.
    int deepest = 0;
    for (const VisibleRun& v : runs)
        deepest = std::max(deepest, int(v.results().layerCount()));
    for (const VisibleRun& v : runs) {
        // γ only varies when it is learned; the frozen condition's CV is 0 by construction.
        if (v.run->tag != QLatin1String("QK") || v.results().gamma_cv.empty())
            continue;
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        const int layers = int(v.results().layerCount());
        const QVector<int> chosen = o.gammaCvLayers.isEmpty() ? defaultGammaCvLayers(layers) : o.gammaCvLayers;
        for (int i = 0; i < chosen.size(); ++i) {
            if (chosen[i] < 0 || chosen[i] >= layers)
                continue;
            CurveLook look;
            look.colorLabel = QCoreApplication::translate("qks::gui::ChartBuilder", "Layer %1").arg(chosen[i]);
            look.colorKey = look.colorLabel;
            look.color = layerColor(chosen[i], deepest);
            look.study = v.style;
            look.studyName = v.studyName;
            QString name = look.colorLabel;
            if (v.run->seed && !v.run->aggregate)
                name += QCoreApplication::translate("qks::gui::ChartBuilder", " (seed %1)").arg(*v.run->seed);
            if (studiesShown > 1)
                name += QStringLiteral(" — ") + v.studyName;
            thinForSeed(v, look);
            std::pair<QVector<QPointF>, QVector<QPointF>> band;
            if (v.run->aggregate && size_t(chosen[i]) < v.run->aggregate->gammaCv.size())
                band = bandPoints(v.run->aggregate->gammaCv[size_t(chosen[i])], *x);
            b.add(name, look, gammaCvPoints(v.results(), chosen[i], *x), false, band);
        }
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "γ CV"));
}

} // namespace qks::gui
