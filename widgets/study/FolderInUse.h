#pragma once

#include "config/StudyConfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace qks::gui {

// A study is about to start in a folder whose condition folders hold runs already (results,
// checkpoints): what they hold, for the question asked before anything there changes.
struct FolderInUse {
    QString folder;         // the study's output folder
    QStringList tags;       // the conditions that hold a run
    QStringList runs;       // one line each: "QK: run 3f2a… of …, 12 probes in results.json, …"
    bool resumable = false; // at least one of them has a checkpoint to continue from
    QString sibling;        // a folder beside it that does not exist yet, for a fresh start
};

// nullopt when no condition of the study holds a run in its folder.
std::optional<FolderInUse> folderInUse(const StudyConfig& config);

// The answers: continue the runs (resume what can be resumed, start the rest), start fresh in
// the sibling folder, overwrite (after a second, explicit confirmation), or do nothing.
enum class FolderChoice { Continue, NewFolder, Overwrite, Cancel };

// Asks with a message box; Overwrite comes back only after its confirmation was accepted
// (declining it asks the first question again). The buttons carry object names for tests:
// "continue", "new-folder", "overwrite", "cancel", and "delete" / "keep" in the confirmation.
FolderChoice askAboutFolderInUse(QWidget* parent, const FolderInUse& inUse);

// How the study starts once the folder is settled.
struct SettledStart {
    StudyConfig config; // study.out moved to the sibling for NewFolder
    bool resume = false;
};

// Settles where `config` may start: unchanged when its folder holds no run; otherwise as `ask`
// answers. Overwrite removes the conditions' runs here (results/RunFolder.h's overwriteRuns,
// under each folder's lock). nullopt when cancelled, or with `error` set when the runs cannot
// be removed (another process writes one).
std::optional<SettledStart> settleFolderInUse(const StudyConfig& config,
                                              const std::function<FolderChoice(const FolderInUse&)>& ask,
                                              QString* error);

} // namespace qks::gui
