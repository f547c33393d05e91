#pragma once

#include "charts/ChartBuilder.h"
#include "charts/ChartTheme.h"
#include "charts/FigureOptions.h"

#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QLineSeries;
class QPen;
QT_END_NAMESPACE

namespace qks::gui {

// Builds line figures: each added curve becomes raw (faint, when smoothing) + shown curve,
// with the paper theme's marker shapes. Series that belong together share a "qksGroup" so a
// legend click hides all of them.
class LineFigureBuilder {
public:
    LineFigureBuilder(BuiltFigure& fig, const ChartTheme& theme, const FigureOptions& options, int plotWidth);

    void add(const QString& name, const QString& tag, QVector<QPointF> points, QColor color, Qt::PenStyle style,
             qreal width = 2.2, bool markMinimum = false);

    // Attaches axes, sets the home range and hides legend entries of helper series.
    void finish(const QString& xTitle, const QString& yTitle);

private:
    QLineSeries* addSeries(const QString& name, const QVector<QPointF>& points, const QPen& pen, const QString& group,
                           bool background);

    BuiltFigure& m_fig;
    const ChartTheme& m_theme;
    const FigureOptions& m_options;
    int m_plotWidth;
    int m_groups = 0;
    QVector<QAbstractSeries*> m_hideFromLegend;
};

} // namespace qks::gui
