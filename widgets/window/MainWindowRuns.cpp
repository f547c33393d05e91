#include "window/MainWindow.h"

#include "app/StallMeter.h"
#include "config/ConfigJson.h"
#include "results/RunFolder.h"
#include "run/StudyController.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"
#include "study/ConfigDialog.h"
#include "window/RunsPanel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QDockWidget>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace qks::gui {

namespace {

// Whether a job's folder is the study at `studyPath` or one of its seed folders.
bool inStudy(const QString& jobDir, const QString& studyPath)
{
    return jobDir == studyPath ||
           (QFileInfo(jobDir).absolutePath() == studyPath && QFileInfo(jobDir).fileName().startsWith(QLatin1String("seed_")));
}

} // namespace

bool MainWindow::startStudy(const StudyConfig& config, const std::optional<PrepareOptions>& prepare, QString* error,
                            const std::function<FolderChoice(const FolderInUse&)>& ask)
{
    const bool wasBusy = m_controller->isBusy();
    const auto askHere = [this](const FolderInUse& inUse) { return askAboutFolderInUse(this, inUse); };
    const std::optional<SettledStart> start = settleFolderInUse(config, ask ? ask : askHere, error);
    if (!start)
        return false;
    if (!m_controller->startStudy(start->config, prepare, start->resume, error))
        return false;
    m_logDock->show();
    if (!wasBusy)
        m_stall->start(); // measured from the first start until the queue is empty
    const int study = m_store->indexOf(QString::fromStdString(start->config.study.out));
    if (study >= 0)
        rememberRecent(m_store->studies()[study].path);
    statusBar()->showMessage(tr("Study started: %1").arg(QDir::toNativeSeparators(QString::fromStdString(start->config.study.out))), 5000);
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
    if (!startStudy(dialog.config(), dialog.prepareOptions(), &error) && !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot start the study"), error);
}

// Stop and Cancel apply while something trains or waits; Resume to a selected run that does not.
void MainWindow::updateRunActions()
{
    if (!m_stopRun)
        return;
    bool running = false, queued = false;
    const auto [studyPath, tag] = m_runs->selectedRun();
    bool selectedBusy = false;
    for (const JobInfo& job : m_controller->jobs()) {
        running = running || job.state == JobState::Running;
        queued = queued || job.state == JobState::Queued;
        selectedBusy = selectedBusy || (inStudy(job.studyDir, studyPath) && (tag.isEmpty() || job.tag == tag));
    }
    m_stopRun->setEnabled(running);
    m_stopAll->setEnabled(running || queued);
    m_cancelQueued->setEnabled(queued);
    m_resumeRun->setEnabled(!tag.isEmpty() && !selectedBusy);
}

void MainWindow::stopSelected()
{
    const auto [studyPath, tag] = m_runs->selectedRun();
    if (studyPath.isEmpty()) { // the runs training now; the queue stays (Stop All empties it)
        for (const JobInfo& job : m_controller->jobs())
            if (job.state == JobState::Running)
                m_controller->stopRun(job.studyDir, job.tag);
        return;
    }
    // A study, or a multi-seed condition: every job of it, in whichever seed folder.
    for (const JobInfo& job : m_controller->jobs())
        if (inStudy(job.studyDir, studyPath) && (tag.isEmpty() || job.tag == tag))
            m_controller->stopRun(job.studyDir, job.tag);
}

void MainWindow::resumeRun(const QString& studyPath, const QString& tag)
{
    // A multi-seed condition goes on in every seed folder.
    if (const int study = m_store->indexOf(studyPath); study >= 0 && m_store->studies()[study].multiSeed()) {
        const QVector<qint64> seeds = m_store->studies()[study].seeds;
        for (const qint64 seed : seeds)
            resumeRun(studyPath + QStringLiteral("/seed_%1").arg(seed), tag);
        return;
    }
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
    // A run with results but no checkpoint cannot continue: starting it again replaces its
    // results, so ask first.
    const std::filesystem::path runDir = std::filesystem::path(config->study.out) / tag.toStdString();
    try {
        const RunFolderState state = inspectRunFolder(runDir);
        if (state.holdsRun() && state.checkpoints.empty()) {
            const auto answer = QMessageBox::question(
                this, tr("Start the run again?"),
                tr("%1 in %2 holds %3 but no checkpoint to continue from.\n\nStarting it again begins at zero "
                   "tokens and replaces these results.")
                    .arg(conditionLabel(tag), QDir::toNativeSeparators(studyPath), QString::fromStdString(state.describe())),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Yes)
                return;
            overwriteRuns(config->study.out, {tag.toStdString()});
        }
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot start"), QString::fromUtf8(e.what()));
        return;
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

} // namespace qks::gui
