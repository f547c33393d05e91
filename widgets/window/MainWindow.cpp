#include "window/MainWindow.h"

#include "app/AppTheme.h"
#include "charts/InteractiveChartView.h"
#include "data/StudyStore.h"
#include "export/ExportDialog.h"
#include "export/FigureExporter.h"
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
#include <QDockWidget>
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
{
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
    bar->addAction(tr("Open…"), this, &MainWindow::openFolderDialog);
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
    m_statusRuns->setText(text);
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
