#pragma once

#include "charts/ChartTheme.h"

#include <QBrush>
#include <QFont>
#include <QList>
#include <QGraphicsObject>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
QT_END_NAMESPACE

namespace qks::gui {

// One legend line: a sample drawn as the curves are (pen with its dash, marker shape) or as the
// bars are (fill), and the full text.
struct LegendEntry {
    QString text;
    QPen pen = QPen(Qt::NoPen);      // line sample; NoPen for a bar swatch
    QBrush fill = QBrush(Qt::NoBrush); // bar swatch
    QColor border;                   // swatch outline
    int marker = -1;                 // ChartTheme::markerShape, drawn on the line sample; -1 none
    QColor markerColor;
    QStringList groups;              // the "qksGroup" of every series it names (a click hides them)
    QList<QBarSet*> barSets;         // the bar sets it names
};

// The entry of `entries` with `text`, appended empty when there is none: builders gather the
// series an entry names as they meet them.
LegendEntry& legendEntryNamed(QVector<LegendEntry>& entries, const QString& text);

// The legend of a line or bar figure, drawn under the plot. Qt Charts' own legend elides
// labels and shows only a marker where the entry needs line style and marker together, so a
// figure exported at one-column size lost its words. This one wraps entries into as many
// columns as the width holds, wraps a label that is wider than the figure, never elides, and
// reserves its height through the chart's bottom margin so the plot shrinks instead.
class FigureLegend final : public QGraphicsObject {
    Q_OBJECT
public:
    FigureLegend(QChart* chart, const ChartTheme& theme, QVector<LegendEntry> entries);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QVector<LegendEntry>& entries() const { return m_entries; }
    // Each entry's box (sample and text) in the chart's coordinates, after the last layout.
    const QVector<QRectF>& entryRects() const { return m_rects; }
    // Where entry i's text and sample are actually drawn (the text measured as painted: a
    // word longer than its column would show here, outside the entry's box).
    QRectF drawnRect(int index) const;
    void setFaded(int index, bool faded);
    bool isFaded(int index) const;
    // Lays the entries out for the chart's current width; called on every geometry change.
    void relayout();
    // Whether the entries fit in a third of the figure (at 60% type at the smallest). When not,
    // the legend still shows every word, at the plot's expense; an export refuses the size.
    bool fits() const { return m_fits; }

Q_SIGNALS:
    void entryClicked(int index);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    struct Layout {
        QFont font;
        int columns = 1;
        double sampleW = 0, gap = 0, colGap = 0, rowGap = 0, width = 0, height = 0;
        QVector<double> colWidth, rowHeight, textWidth;
    };
    Layout layoutFor(const QFont& font, double avail, bool wrap) const;
    void paintSample(QPainter* painter, const LegendEntry& e, const QRectF& sample) const;

    QChart* m_chart;
    ChartTheme m_theme;
    QVector<LegendEntry> m_entries;
    QVector<QRectF> m_rects;
    QVector<QRectF> m_textRects;
    QVector<bool> m_faded;
    QRectF m_bounds;
    Layout m_layout;
    bool m_fits = true;
};

} // namespace qks::gui
