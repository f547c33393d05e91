#include "window/MainWindow.h"

#include "app/AppTheme.h"
#include "app/StallMeter.h"
#include "charts/InteractiveChartView.h"
#include "config/ConfigJson.h"
#include "export/ExportDialog.h"
#include "export/FigureExporter.h"
#include "run/LiveBinding.h"
#include "run/StudyController.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"
#include "study/ConfigDialog.h"
#include "window/FigurePanel.h"
#include "window/PreferencesDialog.h"
#include "window/RunsPanel.h"
#include "window/SplitView.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDesktopServices>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QUrl>
#include <QTreeWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>

namespace qks::gui {

namespace {

const QString kRecentKey = QStringLiteral("recentFolders");
constexpr int kMaxRecent = 10;

} // namespace

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
    connect(m_runs, &RunsPanel::stopRequested, m_controller, &StudyController::stopRun);
    connect(m_runs, &RunsPanel::resumeRequested, this, &MainWindow::resumeRun);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(40);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MainWindow::redrawCurrent);
    connect(m_store, &StudyStore::studiesChanged, this, &MainWindow::scheduleRedraw);
    connect(m_store, &StudyStore::dataChanged, this, &MainWindow::scheduleRedraw);
    connect(m_store, &StudyStore::visibilityChanged, this, &MainWindow::scheduleRedraw);

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

FigurePanel* MainWindow::figurePanel(FigureKind kind) const
{
    for (FigurePanel* p : m_panels) {
        if (p->kind() == kind)
            return p;
    }
    return nullptr;
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Results Folder…"),
                                    this, &MainWindow::openFolderDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export Figures…"), this, &MainWindow::exportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export Plotted Data as &CSV…"), this, &MainWindow::exportCsv);
    file->addSeparator();
    file->addAction(tr("&Reload"), QKeySequence::Refresh, m_store, &StudyStore::rescan);
    file->addAction(tr("&Close All"), m_store, &StudyStore::closeAll);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* study = menuBar()->addMenu(tr("&Study"));
    QAction* newStudy = study->addAction(tr("&New Study…"), this, &MainWindow::newStudyDialog);
    newStudy->setShortcut(QKeySequence::New);
    study->addSeparator();
    study->addAction(tr("&Stop Selected Run"), this, &MainWindow::stopSelected);
    study->addAction(tr("Stop &All"), m_controller, &StudyController::stopAll);
    study->addAction(tr("&Cancel Queued Runs"), m_controller, &StudyController::cancelQueued);
    study->addAction(tr("&Resume Selected Run"), this, &MainWindow::resumeSelected);
    study->addSeparator();
    study->addAction(tr("&Open Output Folder"), this, &MainWindow::openOutputFolder);
    study->addAction(m_logDock->toggleViewAction());

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::preferences);
    prefs->setShortcut(QKeySequence::Preferences);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reset = view->addAction(tr("&Reset Zoom"), this, [this] {
        if (auto* panel = qobject_cast<FigurePanel*>(m_tabs->currentWidget()))
            panel->resetZoom();
        else
            m_split->resetZoom();
    });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(tr("&Side by Side"), this, &MainWindow::showSideBySide);
    view->addSeparator();
    view->addAction(tr("&Dark Theme"), this, [this] { chooseTheme(QStringLiteral("dark")); });
    view->addAction(tr("&Paper Theme"), this, [this] { chooseTheme(QStringLiteral("paper")); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About QK Studio"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Figures"));
    bar->setObjectName(QStringLiteral("figuresToolBar"));
    bar->setMovable(false);
    bar->addAction(tr("New Study…"), this, &MainWindow::newStudyDialog);
    bar->addAction(tr("Open…"), this, &MainWindow::openFolderDialog);
    bar->addAction(tr("Stop"), this, &MainWindow::stopSelected);
    bar->addAction(tr("Export…"), this, &MainWindow::exportDialog);
    bar->addSeparator();

    bar->addWidget(new QLabel(tr(" Smoothing "), this));
    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setRange(0, 99);
    m_smoothing->setFixedWidth(140);
    m_smoothing->setToolTip(tr("Debiased exponential moving average, as in TensorBoard (0 = raw)."));
    bar->addWidget(m_smoothing);
    m_smoothingValue = new QLabel(QStringLiteral("0.00"), this);
    m_smoothingValue->setMinimumWidth(36);
    bar->addWidget(m_smoothingValue);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) {
        m_smoothingValue->setText(QString::number(v / 100.0, 'f', 2));
        scheduleRedraw();
    });
    // Remembered only when the user moves the slider, not when a script sets it.
    connect(m_smoothing, &QSlider::sliderReleased, this,
            [this] { QSettings().setValue(QStringLiteral("smoothing"), m_smoothing->value() / 100.0); });
    bar->addSeparator();

    bar->addWidget(new QLabel(tr(" X axis "), this));
    m_xAxis = new QComboBox(this);
    m_xAxis->addItem(tr("Tokens (M)"), int(XAxisKind::Tokens));
    m_xAxis->addItem(tr("Optimizer steps"), int(XAxisKind::Steps));
    m_xAxis->addItem(tr("Wall time"), int(XAxisKind::WallTime));
    m_xAxis->setToolTip(tr("Steps and wall time are recorded by QK Studio runs; the published files have tokens only."));
    bar->addWidget(m_xAxis);
    connect(m_xAxis, &QComboBox::activated, this, &MainWindow::scheduleRedraw);

    m_logY = new QCheckBox(tr("Log y"), this);
    bar->addWidget(m_logY);
    connect(m_logY, &QCheckBox::toggled, this, &MainWindow::scheduleRedraw);
    bar->addSeparator();

    bar->addWidget(new QLabel(tr(" Theme "), this));
    m_themeBox = new QComboBox(this);
    m_themeBox->addItem(tr("Dark"), QStringLiteral("dark"));
    m_themeBox->addItem(tr("Paper"), QStringLiteral("paper"));
    bar->addWidget(m_themeBox);
    connect(m_themeBox, &QComboBox::activated, this, [this] { chooseTheme(m_themeBox->currentData().toString()); });
}

FigureOptions MainWindow::globalOptions() const
{
    FigureOptions o;
    o.smoothing = m_smoothing->value() / 100.0;
    o.xAxis = XAxisKind(m_xAxis->currentData().toInt());
    o.logY = m_logY->isChecked();
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

void MainWindow::showFigure(FigureKind kind)
{
    m_tabs->setCurrentWidget(figurePanel(kind));
}

void MainWindow::showSideBySide()
{
    m_tabs->setCurrentWidget(m_split);
}

bool MainWindow::openFolder(const QString& path, bool quiet)
{
    QString error;
    const int index = m_store->open(path, &error);
    if (index < 0) {
        statusBar()->showMessage(error, 10000);
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open results"), error);
        return false;
    }
    rememberRecent(m_store->studies()[index].path);
    updateStatus();
    return true;
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

void MainWindow::updateStatus()
{
    int runs = 0, errors = 0, noSteps = 0;
    const XAxisKind x = XAxisKind(m_xAxis->currentData().toInt());
    for (const OpenStudy& s : m_store->studies()) {
        for (const RunEntry& r : s.runs) {
            ++runs;
            errors += r.error.isEmpty() ? 0 : 1;
            if (r.ok() && r.visible && !probeXValues(*r.results, x))
                ++noSteps;
        }
    }
    QString text = tr("%n study(ies)", nullptr, int(m_store->studies().size())) + QStringLiteral(" · ") +
                   tr("%n run(s)", nullptr, runs);
    if (errors > 0)
        text += QStringLiteral(" · ") + tr("%n with errors", nullptr, errors);
    if (noSteps > 0)
        text += QStringLiteral(" · ") + tr("%n run(s) do not record this x axis", nullptr, noSteps);
    const QString live = liveStatusText();
    if (!live.isEmpty())
        text = live + QStringLiteral(" · ") + text;
    m_statusRuns->setText(text);
}

QString MainWindow::liveStatusText() const
{
    int queued = 0;
    QString running;
    for (const OpenStudy& s : m_store->studies()) {
        for (const RunEntry& r : s.runs) {
            if (!r.live)
                continue;
            if (r.live->state == JobState::Queued)
                ++queued;
            if (r.live->state == JobState::Running && r.live->totalTokens > 0) {
                const double done = double(r.live->tokens) / double(r.live->totalTokens);
                running = tr("Training %1 (%2): %3% · %4 tokens/s · ETA %5")
                              .arg(conditionLabel(r.tag), s.name)
                              .arg(int(done * 100))
                              .arg(QLocale().toString(qlonglong(std::lround(r.live->tokensPerSecond))))
                              .arg(r.live->etaSeconds >= 0 ? QTime(0, 0).addSecs(int(r.live->etaSeconds)).toString(QStringLiteral("H:mm:ss"))
                                                            : QStringLiteral("–"));
            }
        }
    }
    if (queued > 0)
        running += (running.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("%n queued", nullptr, queued);
    return running;
}

bool MainWindow::startStudy(const StudyConfig& config, const std::optional<PrepareOptions>& prepare, QString* error)
{
    const bool wasBusy = m_controller->isBusy();
    if (!m_controller->startStudy(config, prepare, false, error))
        return false;
    m_logDock->show();
    if (!wasBusy)
        m_stall->start(); // measured from the first start until the queue is empty
    const int study = m_store->indexOf(QString::fromStdString(config.study.out));
    if (study >= 0)
        rememberRecent(m_store->studies()[study].path);
    statusBar()->showMessage(tr("Study started: %1").arg(QDir::toNativeSeparators(QString::fromStdString(config.study.out))), 5000);
    updateStatus();
    return true;
}

void MainWindow::newStudyDialog()
{
    ConfigDialog dialog(this);
    dialog.setDeviceUse([this](const QString& device) {
        const std::optional<JobInfo> job = m_controller->runningOn(device);
        return job ? tr("%1 of %2").arg(job->tag, QDir::toNativeSeparators(job->studyDir)) : QString();
    });
    connect(m_controller, &StudyController::jobStarted, &dialog, &ConfigDialog::refreshDeviceUse);
    connect(m_controller, &StudyController::jobFinished, &dialog, &ConfigDialog::refreshDeviceUse);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!startStudy(dialog.config(), dialog.prepareOptions(), &error))
        QMessageBox::warning(this, tr("Cannot start the study"), error);
}

void MainWindow::stopSelected()
{
    const auto [studyPath, tag] = m_runs->selectedRun();
    if (studyPath.isEmpty()) {
        m_controller->stopAll();
        return;
    }
    if (tag.isEmpty()) {
        for (const JobInfo& job : m_controller->jobs()) {
            if (job.studyDir == studyPath)
                m_controller->stopRun(job.studyDir, job.tag);
        }
        return;
    }
    m_controller->stopRun(studyPath, tag);
}

void MainWindow::resumeRun(const QString& studyPath, const QString& tag)
{
    std::optional<StudyConfig> config = m_controller->studyConfig(studyPath);
    if (!config) {
        try {
            config = loadConfigFile((studyPath + QStringLiteral("/config.json")).toStdString(), StudyConfig{});
            config->study.out = studyPath.toStdString();
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Cannot resume"), QString::fromUtf8(e.what()));
            return;
        }
    }
    QString error;
    if (!m_controller->resumeRun(*config, tag, &error)) {
        QMessageBox::warning(this, tr("Cannot resume"), error);
        return;
    }
    m_logDock->show();
    m_stall->start();
}


void MainWindow::resumeSelected()
{
    const auto [studyPath, tag] = m_runs->selectedRun();
    if (studyPath.isEmpty() || tag.isEmpty()) {
        statusBar()->showMessage(tr("Select a run in the runs panel to resume it."), 5000);
        return;
    }
    resumeRun(studyPath, tag);
}

void MainWindow::openOutputFolder()
{
    const auto [studyPath, tag] = m_runs->selectedRun();
    QString folder = studyPath;
    if (folder.isEmpty() && !m_store->studies().isEmpty())
        folder = m_store->studies().back().path;
    if (!folder.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

void MainWindow::showRunFailure(const JobOutcome& outcome)
{
    const QString text = tr("%1 (%2) in %3 failed: %4").arg(conditionLabel(outcome.tag), outcome.tag,
                                                            QDir::toNativeSeparators(outcome.studyDir), outcome.error);
    statusBar()->showMessage(text, 15000);
    if (m_scripted)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Run failed"),
                                text + QStringLiteral("\n\n") +
                                    tr("Results up to the last probe are kept on disk and stay on screen."),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openFolder(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            updateRecentMenu();
        });
    }
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::openFolderDialog()
{
    const QString start = QSettings().value(kRecentKey).toStringList().value(0, QDir::homePath());
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Results Folder"), start);
    if (!dir.isEmpty())
        openFolder(dir);
}

void MainWindow::exportDialog()
{
    FigureKind current = FigureKind::KeyPr;
    FigureOptions options = globalOptions();
    if (auto* panel = qobject_cast<FigurePanel*>(m_tabs->currentWidget())) {
        current = panel->kind();
        options = panel->options();
    }
    ExportDialog dialog(current, options, m_store->studies(), this);
    dialog.exec();
}

void MainWindow::exportCsv()
{
    auto* panel = qobject_cast<FigurePanel*>(m_tabs->currentWidget());
    if (!panel) {
        statusBar()->showMessage(tr("Choose a figure tab to export its data."), 5000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Plotted Data"),
                                                      figureFileStem(panel->kind()) + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray csv = figureCsv(panel->kind(), m_store->studies(), panel->options());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::preferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        chooseTheme(dialog.themeName());
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About QK Studio"),
                       tr("<h3>QK Studio %1</h3>"
                          "<p>Attention-key rank collapse under QK-Norm, studied while an LLM pretrains.</p>"
                          "<p>Opens the study's results.json folders, draws every figure of the study, compares "
                          "studies side by side and exports paper figures.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openFolder(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace qks::gui
