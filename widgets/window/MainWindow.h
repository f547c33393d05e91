#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"

#include "config/StudyConfig.h"
#include "data/Prepare.h"
#include "run/LiveTypes.h"
#include "study/FolderInUse.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QDockWidget;
class QSlider;
class QTabWidget;

namespace qks::gui {

class FigurePanel;
class LiveBinding;
class StallMeter;
class StudyController;
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
    // File → Close All: asks first (unless scripted); the folders stay on disk.
    void closeAllStudies();

    // Queues a study through the controller (the dialog and `--run` both come here) and shows it.
    // Where the study's folder holds runs already, `ask` decides how it starts (continue, a new
    // folder, overwrite; study/FolderInUse.h); without one the window asks with a message box.
    // False with `error` set when it cannot start, with `error` empty when the user cancelled.
    bool startStudy(const StudyConfig& config, const std::optional<PrepareOptions>& prepare, QString* error,
                    const std::function<FolderChoice(const FolderInUse&)>& ask = {});
    // Scripted mode: failures go to the log and the caller, not to message boxes.
    void setScripted(bool scripted) { m_scripted = scripted; }

    StudyStore* store() const { return m_store; }
    StudyController* controller() const { return m_controller; }
    StallMeter* stallMeter() const { return m_stall; }
    QPlainTextEdit* logView() const { return m_log; }
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
    void setLogX(bool on);
    void showFigure(FigureKind kind);
    void showSideBySide();
    // Redraws every panel now (not just the visible one); for exports, tests and benchmarks.
    void refreshAll();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    // MainWindowRuns.cpp: which run actions apply now.
    void updateRunActions();
    // MainWindow.cpp: the figure tabs, the docks, redraws.
    void buildFigureTabs();
    void buildDocks();
    void connectUpdates();
    void chooseTheme(const QString& name); // setThemeName + remember it
    void scheduleRedraw();
    void redrawCurrent();
    void refreshPanel(QWidget* page);
    // MainWindowMenus.cpp: the menus, the toolbar and the dialogs they open.
    void buildActions();
    void buildToolBar();
    void preferences();
    void about();
    // MainWindowFiles.cpp: opening folders (dialog, recent list, drops), exporting.
    void updateRecentMenu();
    void updateSeedsMenu();
    void rememberRecent(const QString& path);
    void forgetRecent(const QString& path);
    void openFolderDialog();
    void exportDialog();
    void exportCsv();
    // MainWindowRuns.cpp: starting, stopping and resuming runs.
    void newStudyDialog();
    void stopSelected();
    void resumeRun(const QString& studyPath, const QString& tag);
    void resumeSelected();
    void openOutputFolder();
    void showRunFailure(const JobOutcome& outcome);
    // MainWindowStatus.cpp: the status bar's counts and training progress.
    void updateStatus();
    QString liveStatusText() const;

    StudyStore* m_store;
    RunsPanel* m_runs;
    QTabWidget* m_tabs;
    QVector<FigurePanel*> m_panels;
    SplitView* m_split;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_seedsMenu = nullptr; // View → Seeds: how multi-seed studies are drawn
    QSlider* m_smoothing = nullptr;
    // Run actions, enabled only when they would do something (updateRunActions).
    QAction* m_stopRun = nullptr;       // the selected run, or the running ones
    QAction* m_stopAll = nullptr;       // running and queued
    QAction* m_cancelQueued = nullptr;
    QAction* m_resumeRun = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logY = nullptr;
    QCheckBox* m_logX = nullptr;
    QComboBox* m_themeBox = nullptr;
    QLabel* m_statusRuns = nullptr;
    ChartTheme m_theme = ChartTheme::dark();
    QTimer m_redrawTimer;
    QTimer m_liveTimer;       // progress between probes: redraw at most 4 times a second
    StudyController* m_controller;
    LiveBinding* m_live;
    QPlainTextEdit* m_log;
    QDockWidget* m_logDock;
    StallMeter* m_stall;
    bool m_scripted = false;
    QSet<QWidget*> m_stale;   // tabs to redraw when they are next shown
};

} // namespace qks::gui
