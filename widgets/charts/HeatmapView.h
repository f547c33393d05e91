#pragma once

#include "charts/ChartTheme.h"
#include "store/FigureData.h"

#include <QWidget>

namespace qks::gui {

// A heatmap figure on screen (Qt Charts has none): paints through HeatmapPainter and shows
// the exact value of the cell under the mouse.
class HeatmapView final : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    void setData(const HeatmapData& data, const ChartTheme& theme);
    const HeatmapData& data() const { return m_data; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    HeatmapData m_data;
    ChartTheme m_theme = ChartTheme::dark();
};

} // namespace qks::gui
