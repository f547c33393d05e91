#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "store/StudyStore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace qks::gui {

class InteractiveChartView;

// Two studies side by side, one figure each, on linked axes: both start from the range that
// holds both studies, and zooming or panning one moves the other. Linking starts off for a
// pair whose x ranges differ by more than 10×.
class SplitView final : public QWidget {
    Q_OBJECT
public:
    explicit SplitView(QWidget* parent = nullptr);

    void refresh(const QVector<OpenStudy>& studies, const FigureOptions& global, const ChartTheme& theme);
    InteractiveChartView* view(int side) const { return side == 0 ? m_left : m_right; }
    // Chooses the studies shown (indices into the store's studies).
    void setStudies(int left, int right);
    void setLinked(bool linked);
    void resetZoom();

Q_SIGNALS:
    void choicesChanged();

private:
    void link(InteractiveChartView* from, InteractiveChartView* to);
    void fillStudyChoices(const QVector<OpenStudy>& studies);

    QComboBox* m_figure;
    QComboBox* m_leftStudy;
    QComboBox* m_rightStudy;
    QCheckBox* m_linked;
    InteractiveChartView* m_left;
    InteractiveChartView* m_right;
    bool m_linking = false;
    QString m_autoLinkChecked; // the pair of studies (and figure, x axis) linking was last decided for
};

} // namespace qks::gui
