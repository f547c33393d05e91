#include "window/MainWindow.h"

#include "run/StudyController.h"
#include "store/StudyStore.h"
#include "window/FigurePanel.h"
#include "window/PreferencesDialog.h"
#include "window/SplitView.h"

#include <QAction>
#include <QLocale>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSlider>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

namespace qks::gui {

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Results Folder…"),
                                    this, &MainWindow::openFolderDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recent-menu"));
    // Checked when opened: a folder deleted since the list was made is not offered.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export Figures…"), this, &MainWindow::exportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export Plotted Data as &CSV…"), this, &MainWindow::exportCsv);
    file->addSeparator();
    file->addAction(tr("&Reload"), QKeySequence::Refresh, m_store, &StudyStore::rescan);
    file->addAction(tr("&Close All"), this, &MainWindow::closeAllStudies);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* study = menuBar()->addMenu(tr("&Study"));
    QAction* newStudy = study->addAction(tr("&New Study…"), this, &MainWindow::newStudyDialog);
    newStudy->setShortcut(QKeySequence::New);
    study->addSeparator();
    m_stopRun = study->addAction(tr("&Stop Run"), this, &MainWindow::stopSelected);
    m_stopRun->setToolTip(tr("Stop the selected run (or, with none selected, the runs training now) at the end of "
                             "its optimizer step, saving a checkpoint; queued runs stay queued"));
    m_stopAll = study->addAction(tr("Stop &All"), m_controller, &StudyController::stopAll);
    m_stopAll->setToolTip(tr("Stop every run training now, saving checkpoints, and cancel the queued runs"));
    m_cancelQueued = study->addAction(tr("&Cancel Queued Runs"), m_controller, &StudyController::cancelQueued);
    m_cancelQueued->setToolTip(tr("Remove the runs waiting to start; running runs go on"));
    m_resumeRun = study->addAction(tr("&Resume Selected Run"), this, &MainWindow::resumeSelected);
    m_resumeRun->setToolTip(tr("Continue the selected run from its newest checkpoint"));
    for (QAction* a : {m_stopRun, m_stopAll, m_cancelQueued, m_resumeRun})
        a->setStatusTip(a->toolTip());
    updateRunActions();
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
    m_seedsMenu = view->addMenu(tr("S&eeds"));
    m_seedsMenu->setObjectName(QStringLiteral("seedsMenu"));
    connect(m_seedsMenu, &QMenu::aboutToShow, this, &MainWindow::updateSeedsMenu);
    updateSeedsMenu();
    view->addSeparator();
    view->addAction(tr("&Dark Theme"), this, [this] { chooseTheme(QStringLiteral("dark")); });
    view->addAction(tr("&Paper Theme"), this, [this] { chooseTheme(QStringLiteral("paper")); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About QK Studio"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// Every open multi-seed study is drawn the same way: each condition's mean with its 95% band,
// every seed as a thin line, or the runs of one seed.
void MainWindow::updateSeedsMenu()
{
    m_seedsMenu->clear();
    QVector<int> multi;
    QVector<qint64> seeds;
    for (int i = 0; i < m_store->studies().size(); ++i) {
        const OpenStudy& s = m_store->studies()[i];
        if (!s.multiSeed())
            continue;
        multi << i;
        for (const qint64 seed : s.seeds)
            if (!seeds.contains(seed))
                seeds << seed;
    }
    std::sort(seeds.begin(), seeds.end());
    if (multi.isEmpty()) {
        m_seedsMenu->addAction(tr("No study of several seeds is open"))->setEnabled(false);
        return;
    }
    const OpenStudy& first = m_store->studies()[multi.front()];
    auto* group = new QActionGroup(m_seedsMenu);
    const auto choice = [&](const QString& text, SeedView view, qint64 seed) {
        QAction* a = m_seedsMenu->addAction(text, this, [this, multi, view, seed] {
            for (const int i : multi)
                m_store->setSeedView(i, view, seed);
        });
        a->setCheckable(true);
        a->setChecked(first.seedView == view && (view != SeedView::OneSeed || first.shownSeed == seed));
        group->addAction(a);
    };
    choice(tr("&Mean with 95% Band"), SeedView::Mean, 0);
    choice(tr("&Every Seed"), SeedView::AllSeeds, 0);
    m_seedsMenu->addSeparator();
    for (const qint64 seed : seeds)
        choice(tr("Seed %1").arg(seed), SeedView::OneSeed, seed);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Figures"));
    bar->setObjectName(QStringLiteral("figuresToolBar"));
    bar->setMovable(false);
    bar->addAction(tr("New Study…"), this, &MainWindow::newStudyDialog);
    bar->addAction(tr("Open…"), this, &MainWindow::openFolderDialog);
    bar->addAction(m_stopRun);
    bar->addAction(m_stopAll);
    bar->addAction(tr("Export…"), this, &MainWindow::exportDialog);
    bar->addSeparator();

    bar->addWidget(new QLabel(tr(" Smoothing "), this));
    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setRange(0, 99);
    m_smoothing->setFixedWidth(140);
    m_smoothing->setToolTip(tr("Debiased exponential moving average, as in TensorBoard (0 = raw)."));
    bar->addWidget(m_smoothing);
    m_smoothingValue = new QLabel(QLocale().toString(0.0, 'f', 2), this);
    m_smoothingValue->setMinimumWidth(36);
    bar->addWidget(m_smoothingValue);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) {
        m_smoothingValue->setText(QLocale().toString(v / 100.0, 'f', 2));
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
    m_xAxis->addItem(tr("Fraction of run"), int(XAxisKind::FractionOfRun));
    m_xAxis->setToolTip(tr("Steps and wall time are recorded by QK Studio runs; the published files have tokens only. "
                           "Fraction of run puts studies of different lengths on one axis."));
    bar->addWidget(m_xAxis);
    connect(m_xAxis, &QComboBox::activated, this, &MainWindow::scheduleRedraw);

    m_logX = new QCheckBox(tr("Log x"), this);
    m_logX->setToolTip(tr("Logarithmic x axis: a short run next to a long one stays readable. The probe at 0 "
                          "tokens has no place on it."));
    bar->addWidget(m_logX);
    connect(m_logX, &QCheckBox::toggled, this, &MainWindow::scheduleRedraw);
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

} // namespace qks::gui
