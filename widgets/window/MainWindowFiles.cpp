#include "window/MainWindow.h"

#include "export/ExportDialog.h"
#include "export/FigureExporter.h"
#include "store/StudyStore.h"
#include "window/FigurePanel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>

#include <algorithm>

namespace qks::gui {

namespace {

const QString kRecentKey = QStringLiteral("recentFolders");
constexpr int kMaxRecent = 10;

} // namespace

bool MainWindow::openFolder(const QString& path, bool quiet)
{
    QString error;
    const int index = m_store->open(path, &error);
    if (index < 0) {
        forgetRecent(QFileInfo(path).absoluteFilePath()); // Open Recent lists only folders that open
        statusBar()->showMessage(error, 10000);
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open results"), error);
        return false;
    }
    rememberRecent(m_store->studies()[index].path);
    updateStatus();
    return true;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    QStringList recent;
    for (const QString& path : QSettings().value(kRecentKey).toStringList()) {
        if (QFileInfo(path).isDir()) // a folder deleted or moved since is not offered
            recent << path;
    }
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

void MainWindow::forgetRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    if (recent.removeAll(path) > 0) {
        settings.setValue(kRecentKey, recent);
        updateRecentMenu();
    }
}

void MainWindow::closeAllStudies()
{
    const int open = int(m_store->studies().size());
    if (open == 0)
        return;
    if (!m_scripted) {
        QMessageBox ask(QMessageBox::Question, tr("Close all studies?"),
                        tr("Close the %n open study folder(s)? Nothing is deleted: the folders stay on disk and "
                           "File → Open Recent opens them again.",
                           nullptr, open),
                        QMessageBox::Cancel, this);
        QPushButton* close = ask.addButton(tr("Close All"), QMessageBox::AcceptRole);
        ask.setDefaultButton(close);
        ask.setObjectName(QStringLiteral("close-all"));
        ask.exec();
        if (ask.clickedButton() != close)
            return;
    }
    // A study with a run training or queued here stays open: closing it would hide a run that
    // goes on writing.
    QStringList kept;
    for (int i = int(m_store->studies().size()) - 1; i >= 0; --i) {
        const OpenStudy& study = m_store->studies()[i];
        const bool busy = std::any_of(study.runs.cbegin(), study.runs.cend(),
                                      [](const RunEntry& r) { return r.live && r.live->active(); });
        if (busy)
            kept << study.name;
        else
            m_store->close(i);
    }
    if (!kept.isEmpty())
        statusBar()->showMessage(tr("Kept open while their runs train: %1").arg(kept.join(QStringLiteral(", "))), 10000);
    updateStatus();
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

} // namespace qks::gui
