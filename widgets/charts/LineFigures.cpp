#include "charts/LineFigures.h"

#include "charts/ChartAnnotation.h"
#include "charts/LineFigureBuilder.h"
#include "store/RunStyle.h"

#include <QChart>
#include <QCoreApplication>

namespace qks::gui {

void buildLossFigure(BuiltFigure& fig, const QVector<VisibleRun>& runs, int studiesShown, const FigureOptions& o,
                     const ChartTheme& theme, int plotWidth)
{
    LineFigureBuilder b(fig, theme, o, plotWidth);
    for (const VisibleRun& v : runs) {
        const auto x = probeXValues(v.results(), o.xAxis);
        if (!x)
            continue;
        const QColor color = theme.runColor(v.run->tag);
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (train)")), v.run->tag, lossPoints(v.results(), *x, false), color,
              studyPenStyle(v.study));
        b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (val)")), QString(), lossPoints(v.results(), *x, true),
              color.darker(115), studyValidationPenStyle(v.study), 1.6);
    }
    // Runs training in this window: every micro-step's loss since the start, thin, until the
    // run ends (then the figure is what the file holds).
    if (o.xAxis == XAxisKind::Tokens) {
        for (const VisibleRun& v : runs) {
            if (v.run->live && v.run->live->active() && !v.run->live->stepLoss.isEmpty()) {
                QColor color = theme.runColor(v.run->tag);
                color.setAlphaF(0.55);
                b.add(runName(v, studiesShown, QCoreApplication::translate("qks::gui::ChartBuilder", " (every step)")),
                      QString(), v.run->live->stepLoss, color, Qt::SolidLine, 1.0);
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
        b.add(runName(v, studiesShown), v.run->tag, meanPrPoints(v.results(), *x), theme.runColor(v.run->tag),
              studyPenStyle(v.study), 2.6, true);
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
            QString name = QCoreApplication::translate("qks::gui::ChartBuilder", "Layer %1").arg(chosen[i]);
            if (studiesShown > 1)
                name += QStringLiteral(" — ") + v.studyName;
            b.add(name, QString(), gammaCvPoints(v.results(), chosen[i], *x), layerColor(i),
                  studyPenStyle(v.study));
        }
    }
    b.finish(xAxisTitle(o.xAxis), QCoreApplication::translate("qks::gui::ChartBuilder", "γ coefficient of variation"));
}

} // namespace qks::gui
