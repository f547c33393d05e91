#pragma once

#include "charts/ChartBuilder.h"

#include <QChartView>
#include <QPoint>
#include <QSet>
#include <QTimer>

namespace qks::gui {

// A chart view with the habits of TensorBoard and W&B: rubber-band zoom (drag), pan
// (middle button or Shift+drag, arrow keys), wheel zoom, reset (double click, Home),
// a tooltip with the exact data value under the mouse, and a legend click that hides a
// curve together with its raw and marker companions. Long series are reduced to
// min/max per pixel column and reduced again whenever the visible x range changes.
class InteractiveChartView final : public QChartView {
    Q_OBJECT
public:
    explicit InteractiveChartView(QWidget* parent = nullptr);
    ~InteractiveChartView() override;

    // Shows a built figure; takes ownership of its chart and drops the previous one. Keeps the
    // current zoom when `keepZoom` and the new figure has the same axes.
    void setFigure(BuiltFigure figure, bool keepZoom = false);
    const BuiltFigure& figure() const { return m_figure; }

    void resetZoom();
    QRectF visibleRange() const;
    // Sets the x range without emitting xRangeChanged (linked views).
    void setXRange(double lo, double hi);
    void setYRange(double lo, double hi);
    bool isZoomed() const;

    // Points currently handed to the chart for a series (after reduction); for tests.
    int shownPointCount(int seriesIndex) const;
    // What a legend click does: hides (or shows again) every curve or bar set the entry names.
    void toggleLegendEntry(int index);
    // The tooltip for the mouse at `viewPos` (the nearest point's run, study, x and y), empty
    // when nothing is near; and the one shown last.
    QString hoverTextAt(QPointF viewPos) const;
    const QString& hoverText() const { return m_hoverText; }

Q_SIGNALS:
    void rangeChanged(QRectF range);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void scheduleReduce();
    void reduce();
    void axisRangeChanged();

    BuiltFigure m_figure;
    QString m_hoverText;
    QTimer m_reduceTimer;
    bool m_panning = false;
    bool m_settingRange = false;
    bool m_relabelling = false;
    QPoint m_lastPan;
};

} // namespace qks::gui
