#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"

#include <QMainWindow>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QSlider;
class QTabWidget;

namespace qks::gui {

class FigurePanel;
class RunsPanel;
class SplitView;
class StudyStore;

// The analysis window: runs panel on the left, one tab per figure of the study plus a
// side-by-side tab, and a toolbar with the choices every line figure shares (smoothing,
// x axis, log y, theme). Redraws are coalesced on a 40 ms timer, so a study that writes
// often or a burst of checkbox clicks costs one redraw.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a study or condition folder (or a results.json); shows a message box on failure
    // unless `quiet`, and returns whether it opened.
    bool openFolder(const QString& path, bool quiet = false);

    StudyStore* store() const { return m_store; }
    RunsPanel* runsPanel() const { return m_runs; }
    FigurePanel* figurePanel(FigureKind kind) const;
    SplitView* splitView() const { return m_split; }
    QTabWidget* tabs() const { return m_tabs; }

    FigureOptions globalOptions() const;
    const ChartTheme& theme() const { return m_theme; }
    void setThemeName(const QString& name);
    void setSmoothing(double weight);
    void setXAxis(XAxisKind kind);
    void setLogY(bool on);
    void showFigure(FigureKind kind);
    void showSideBySide();
    // Redraws every panel now (not just the visible one); for exports, tests and benchmarks.
    void refreshAll();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void chooseTheme(const QString& name); // setThemeName + remember it
    void buildActions();
    void buildToolBar();
    void scheduleRedraw();
    void redrawCurrent();
    void refreshPanel(QWidget* page);
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void openFolderDialog();
    void exportDialog();
    void exportCsv();
    void preferences();
    void about();
    void updateStatus();

    StudyStore* m_store;
    RunsPanel* m_runs;
    QTabWidget* m_tabs;
    QVector<FigurePanel*> m_panels;
    SplitView* m_split;
    QMenu* m_recentMenu = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logY = nullptr;
    QComboBox* m_themeBox = nullptr;
    QLabel* m_statusRuns = nullptr;
    ChartTheme m_theme = ChartTheme::dark();
    QTimer m_redrawTimer;
    QSet<QWidget*> m_stale;   // tabs to redraw when they are next shown
};

} // namespace qks::gui
