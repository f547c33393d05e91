#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "store/StudyStore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QStackedLayout;

namespace qks::gui {

// "0, 8, 15" → {0, 8, 15}; entries that are not a layer number (negative, fractional, words)
// go to `invalid` as typed.
QVector<int> parseLayerList(const QString& text, QStringList* invalid);

class HeatmapView;
class InteractiveChartView;

// One figure of the study in the window: the chart (or heatmap) and the controls that belong
// to this figure alone: the checkpoint slider of the per-layer figures, the layer list of the
// γ-CV figure, the run chooser of the heatmaps. Global choices (smoothing, x axis, log y,
// theme) come in through refresh().
class FigurePanel final : public QWidget {
    Q_OBJECT
public:
    FigurePanel(FigureKind kind, QWidget* parent = nullptr);

    FigureKind kind() const { return m_kind; }
    // Rebuilds from the studies with the global options; keeps this panel's own choices and,
    // when the axes stay the same, the zoom.
    void refresh(const QVector<OpenStudy>& studies, const FigureOptions& global, const ChartTheme& theme);
    // The global options plus this panel's choices: what an export of this figure should use.
    FigureOptions options() const;

    InteractiveChartView* chartView() const { return m_chartView; }
    HeatmapView* heatmapView() const { return m_heatmapView; }
    void resetZoom();

Q_SIGNALS:
    void optionsChanged();

private:
    void buildControls();
    void updateCheckpointChoices(const QVector<OpenStudy>& studies);
    void updateRunChoices(const QVector<OpenStudy>& studies);
    void updateSweepKeys(const QVector<OpenStudy>& studies);

    FigureKind m_kind;
    FigureOptions m_global;
    QVector<int64_t> m_checkpoints;       // token counts the slider runs over
    InteractiveChartView* m_chartView = nullptr;
    HeatmapView* m_heatmapView = nullptr;
    QSlider* m_checkpoint = nullptr;
    QLabel* m_checkpointLabel = nullptr;
    QLineEdit* m_layers = nullptr;
    QLabel* m_layersNote = nullptr;
    QComboBox* m_run = nullptr;
    QComboBox* m_gammaMode = nullptr;
    QComboBox* m_sweepMetric = nullptr; // the sweep figure's metric and x key
    QComboBox* m_sweepKey = nullptr;
};

} // namespace qks::gui
