#include "window/MainWindow.h"

#include "app/AppTheme.h"
#include "app/StallMeter.h"
#include "run/LiveBinding.h"
#include "run/StudyController.h"
#include "store/StudyStore.h"
#include "window/FigurePanel.h"
#include "window/RunsPanel.h"
#include "window/SplitView.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

namespace qks::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_store(new StudyStore(this))
    , m_runs(new RunsPanel(m_store, this))
    , m_tabs(new QTabWidget(this))
    , m_split(new SplitView(this))
    , m_controller(new StudyController(this))
    , m_log(new QPlainTextEdit(this))
    , m_logDock(new QDockWidget(tr("Log"), this))
    , m_stall(new StallMeter(this))
{
    m_live = new LiveBinding(m_controller, m_store, m_log, this);
    setWindowTitle(tr("QK Studio"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("qkstudio"), QIcon(QStringLiteral(":/icons/qkstudio.svg"))));
    setAcceptDrops(true);

    buildFigureTabs();
    buildDocks();
    connectUpdates();
    buildActions();
    buildToolBar();
    m_statusRuns = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusRuns);
    statusBar()->showMessage(tr("Open a results folder (Ctrl+O) or drop one here."));

    const QSettings settings;
    setThemeName(settings.value(QStringLiteral("theme"), QStringLiteral("dark")).toString());
    setSmoothing(settings.value(QStringLiteral("smoothing"), 0.0).toDouble());
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    resize(size().expandedTo(QSize(1280, 800)));
    refreshAll();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildFigureTabs()
{
    for (FigureKind kind : allFigureKinds()) {
        auto* panel = new FigurePanel(kind, m_tabs);
        m_panels.push_back(panel);
        m_tabs->addTab(panel, figureDisplayName(kind));
        connect(panel, &FigurePanel::optionsChanged, this, [this, panel] { refreshPanel(panel); });
    }
    m_tabs->addTab(m_split, tr("Side by side"));
    m_tabs->setCurrentWidget(figurePanel(FigureKind::KeyPr));
    m_tabs->setDocumentMode(true);
    connect(m_split, &SplitView::choicesChanged, this, [this] { refreshPanel(m_split); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_stale.contains(m_tabs->currentWidget()))
            refreshPanel(m_tabs->currentWidget());
    });
    setCentralWidget(m_tabs);
}

void MainWindow::buildDocks()
{
    auto* dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName(QStringLiteral("runsDock"));
    dock->setWidget(m_runs);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_runs->setMinimumWidth(420);

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();
}

// The store, the live timer and the controller drive the runs panel, the redraws and the
// status bar.
void MainWindow::connectUpdates()
{
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(250);
    connect(&m_liveTimer, &QTimer::timeout, this, [this] {
        m_runs->refresh();
        scheduleRedraw();
    });
    connect(m_store, &StudyStore::liveChanged, this, [this] {
        if (!m_liveTimer.isActive())
            m_liveTimer.start();
    });
    connect(m_live, &LiveBinding::runFailed, this, &MainWindow::showRunFailure);
    connect(m_controller, &StudyController::idle, this, [this] {
        m_stall->stop();
        m_runs->refresh();
        updateStatus();
    });
    // Queued: the controller updates its job list after it signals.
    for (auto signal : {&StudyController::jobQueued, &StudyController::jobStarted})
        connect(m_controller, signal, this, &MainWindow::updateRunActions, Qt::QueuedConnection);
    connect(m_controller, &StudyController::jobFinished, this, &MainWindow::updateRunActions, Qt::QueuedConnection);
    connect(m_controller, &StudyController::idle, this, &MainWindow::updateRunActions, Qt::QueuedConnection);
    connect(m_runs->tree(), &QTreeWidget::itemSelectionChanged, this, &MainWindow::updateRunActions);
    connect(m_runs, &RunsPanel::stopRequested, m_controller, &StudyController::stopRun);
    connect(m_runs, &RunsPanel::resumeRequested, this, &MainWindow::resumeRun);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(40);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MainWindow::redrawCurrent);
    connect(m_store, &StudyStore::studiesChanged, this, &MainWindow::scheduleRedraw);
    connect(m_store, &StudyStore::dataChanged, this, &MainWindow::scheduleRedraw);
    connect(m_store, &StudyStore::visibilityChanged, this, &MainWindow::scheduleRedraw);
}

FigurePanel* MainWindow::figurePanel(FigureKind kind) const
{
    for (FigurePanel* p : m_panels) {
        if (p->kind() == kind)
            return p;
    }
    return nullptr;
}

FigureOptions MainWindow::globalOptions() const
{
    FigureOptions o;
    o.smoothing = m_smoothing->value() / 100.0;
    o.xAxis = XAxisKind(m_xAxis->currentData().toInt());
    o.logY = m_logY->isChecked();
    o.logX = m_logX->isChecked();
    return o;
}

void MainWindow::setThemeName(const QString& name)
{
    m_theme = ChartTheme::byName(name).value_or(ChartTheme::dark());
    m_themeBox->setCurrentIndex(m_themeBox->findData(m_theme.name));
    applyAppPalette(m_theme);
    scheduleRedraw();
}

void MainWindow::chooseTheme(const QString& name)
{
    setThemeName(name);
    QSettings().setValue(QStringLiteral("theme"), m_theme.name);
}

void MainWindow::setSmoothing(double weight)
{
    m_smoothing->setValue(int(std::lround(std::clamp(weight, 0.0, 0.99) * 100)));
}

void MainWindow::setXAxis(XAxisKind kind)
{
    m_xAxis->setCurrentIndex(m_xAxis->findData(int(kind)));
    scheduleRedraw();
}

void MainWindow::setLogY(bool on)
{
    m_logY->setChecked(on);
}

void MainWindow::setLogX(bool on)
{
    m_logX->setChecked(on);
}

void MainWindow::showFigure(FigureKind kind)
{
    m_tabs->setCurrentWidget(figurePanel(kind));
}

void MainWindow::showSideBySide()
{
    m_tabs->setCurrentWidget(m_split);
}

void MainWindow::scheduleRedraw()
{
    for (FigurePanel* p : m_panels)
        m_stale.insert(p);
    m_stale.insert(m_split);
    m_redrawTimer.start();
}

void MainWindow::redrawCurrent()
{
    refreshPanel(m_tabs->currentWidget());
    updateStatus();
}

void MainWindow::refreshPanel(QWidget* page)
{
    m_stale.remove(page);
    if (auto* panel = qobject_cast<FigurePanel*>(page))
        panel->refresh(m_store->studies(), globalOptions(), m_theme);
    else if (page == m_split)
        m_split->refresh(m_store->studies(), globalOptions(), m_theme);
}

void MainWindow::refreshAll()
{
    m_redrawTimer.stop();
    for (FigurePanel* p : m_panels)
        refreshPanel(p);
    refreshPanel(m_split);
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_controller->isBusy() && !m_scripted) {
        // Quitting while a run trains would leave it finishing its step unseen (minutes on a
        // large model): ask, then show the stop through to the saved checkpoint.
        QMessageBox ask(QMessageBox::Question, tr("Training is running"),
                        tr("A run is training in this window. Stop it and save a checkpoint before quitting? "
                           "It can be resumed later from that checkpoint (Study → Resume Selected Run)."),
                        QMessageBox::NoButton, this);
        QPushButton* stop = ask.addButton(tr("Stop, Save and Quit"), QMessageBox::AcceptRole);
        QPushButton* keep = ask.addButton(tr("Keep Training"), QMessageBox::RejectRole);
        ask.setDefaultButton(keep);
        ask.setObjectName(QStringLiteral("close-while-training"));
        ask.exec();
        if (ask.clickedButton() != stop) {
            event->ignore();
            return;
        }
        if (m_controller->isBusy()) {
            QProgressDialog saving(tr("Saving checkpoint… the run stops at the end of its current step."), QString(), 0, 0,
                                   this);
            saving.setObjectName(QStringLiteral("saving-checkpoint"));
            saving.setWindowTitle(tr("Stopping"));
            saving.setMinimumDuration(0);
            saving.setWindowModality(Qt::WindowModal);
            connect(m_controller, &StudyController::idle, &saving, &QProgressDialog::accept);
            m_controller->stopAll();
            if (m_controller->isBusy())
                saving.exec();
        }
    }
    QSettings().setValue(QStringLiteral("geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace qks::gui
