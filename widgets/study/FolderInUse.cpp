#include "study/FolderInUse.h"

#include "results/RunFolder.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace qks::gui {

std::optional<FolderInUse> folderInUse(const StudyConfig& config)
{
    const std::filesystem::path out = config.study.out;
    const std::vector<HeldRun> held = runsHeldIn(out, config.study.conditions);
    if (held.empty())
        return std::nullopt;
    FolderInUse inUse;
    inUse.folder = QString::fromStdString(out.string());
    for (const HeldRun& run : held) {
        inUse.tags << QString::fromStdString(run.tag);
        inUse.runs << QString::fromStdString(run.tag + ": " + run.description);
        inUse.resumable = inUse.resumable || run.resumable;
    }
    inUse.sibling = QString::fromStdString(unusedSiblingFolder(out).string());
    return inUse;
}

namespace {

bool confirmOverwrite(QWidget* parent, const FolderInUse& inUse)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Overwrite the runs?"),
                    QObject::tr("Delete the results and checkpoints of %1 in %2?\n\nThis cannot be undone.")
                        .arg(inUse.tags.join(QStringLiteral(", ")), QDir::toNativeSeparators(inUse.folder)),
                    QMessageBox::NoButton, parent);
    QPushButton* erase = box.addButton(QObject::tr("Delete and start anew"), QMessageBox::DestructiveRole);
    erase->setObjectName(QStringLiteral("delete"));
    QPushButton* keep = box.addButton(QObject::tr("Keep them"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keep"));
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == erase;
}

} // namespace

FolderChoice askAboutFolderInUse(QWidget* parent, const FolderInUse& inUse)
{
    while (true) {
        QMessageBox box(QMessageBox::Question, QObject::tr("The output folder holds runs"),
                        QObject::tr("%1 already holds runs of this study:").arg(QDir::toNativeSeparators(inUse.folder)),
                        QMessageBox::NoButton, parent);
        box.setInformativeText(QStringLiteral("• ") + inUse.runs.join(QStringLiteral("\n• ")) + QStringLiteral("\n\n") +
                               QObject::tr("Continue them (each from its newest checkpoint, with the run's own "
                                           "settings), start fresh in a new folder, or overwrite them."));
        QPushButton* resume = box.addButton(QObject::tr("Continue"), QMessageBox::AcceptRole);
        resume->setObjectName(QStringLiteral("continue"));
        resume->setEnabled(inUse.resumable);
        resume->setToolTip(inUse.resumable ? QObject::tr("Resume each run from its newest checkpoint; conditions "
                                                         "without a run start")
                                           : QObject::tr("No run there has a checkpoint to continue from"));
        QPushButton* fresh = box.addButton(QObject::tr("Start in %1").arg(QDir(inUse.sibling).dirName()),
                                           QMessageBox::ActionRole);
        fresh->setObjectName(QStringLiteral("new-folder"));
        fresh->setToolTip(QDir::toNativeSeparators(inUse.sibling));
        QPushButton* overwrite = box.addButton(QObject::tr("Overwrite…"), QMessageBox::DestructiveRole);
        overwrite->setObjectName(QStringLiteral("overwrite"));
        QPushButton* cancel = box.addButton(QMessageBox::Cancel);
        cancel->setObjectName(QStringLiteral("cancel"));
        box.setDefaultButton(inUse.resumable ? resume : fresh);
        box.exec();
        if (box.clickedButton() == resume)
            return FolderChoice::Continue;
        if (box.clickedButton() == fresh)
            return FolderChoice::NewFolder;
        if (box.clickedButton() != overwrite)
            return FolderChoice::Cancel;
        if (confirmOverwrite(parent, inUse))
            return FolderChoice::Overwrite;
    }
}

std::optional<SettledStart> settleFolderInUse(const StudyConfig& config,
                                              const std::function<FolderChoice(const FolderInUse&)>& ask,
                                              QString* error)
{
    SettledStart start{config, false};
    const std::optional<FolderInUse> inUse = folderInUse(config);
    if (!inUse)
        return start;
    switch (ask(*inUse)) {
    case FolderChoice::Continue:
        start.resume = true;
        return start;
    case FolderChoice::NewFolder:
        start.config.study.out = inUse->sibling.toStdString();
        return start;
    case FolderChoice::Overwrite:
        try {
            overwriteRuns(config.study.out, config.study.conditions);
        } catch (const std::exception& e) {
            *error = QString::fromUtf8(e.what());
            return std::nullopt;
        }
        return start;
    case FolderChoice::Cancel:
        break;
    }
    return std::nullopt;
}

} // namespace qks::gui
