#pragma once

#include "charts/ChartBuilder.h"
#include "charts/ChartTheme.h"
#include "charts/FigureOptions.h"

#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>

#include <utility>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QLineSeries;
class QPen;
QT_END_NAMESPACE

namespace qks::gui {

// What one curve stands for, which decides how it is drawn and what the legend says: colour
// for the condition (or γ-CV layer), dash for the study, weight for train/val.
struct CurveLook {
    QString colorKey;      // a condition tag, or "layer N"
    QString colorLabel;    // its legend text ("Learned γ", "Layer 3")
    QColor color;
    int marker = -1;       // the paper theme's per-condition marker shape; -1 none
    int study = 0;         // OpenStudy::styleIndex
    QString studyName;
    QString variant;       // legend text of a line kind ("train", "val"); empty when there is one kind
    qreal width = 2.2;
    int dash = -1;         // a Qt::PenStyle to use instead of the study's
};

// Builds line figures: each added curve becomes raw (faint, when smoothing) + shown curve,
// with the paper theme's marker shapes. Series that belong together share a "qksGroup" so a
// legend click hides all of them.
class LineFigureBuilder {
public:
    LineFigureBuilder(BuiltFigure& fig, const ChartTheme& theme, const FigureOptions& options, int plotWidth);

    // `name` names the curve in tooltips and CSV ("Learned γ — tiny-cpu (val)"). `band`: the
    // curve's 95% interval over seeds (lower, upper), drawn behind it in its colour.
    void add(const QString& name, const CurveLook& look, QVector<QPointF> points, bool markMinimum = false,
             const std::pair<QVector<QPointF>, QVector<QPointF>>& band = {});

    // Attaches axes, sets the home range and builds the legend.
    void finish(const QString& xTitle, const QString& yTitle);

private:
    QLineSeries* addSeries(const QString& name, const QString& study, const QVector<QPointF>& points, const QPen& pen,
                           const QString& group, bool background);
    void buildLegend();
    void addBand(const QString& name, const QColor& color, QVector<QPointF> lower, QVector<QPointF> upper,
                 const QString& group);

    BuiltFigure& m_fig;
    const ChartTheme& m_theme;
    const FigureOptions& m_options;
    int m_plotWidth;
    int m_groups = 0;
    struct Drawn {
        CurveLook look;
        QPen pen;
        int marker;
        QString group;
    };
    QVector<Drawn> m_drawn;
};

} // namespace qks::gui
