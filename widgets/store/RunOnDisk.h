#pragma once

#include "store/StudyStore.h"

namespace qks::gui {

// Where a run stands on disk, for the runs panel and its menu: whether a process writes it now
// (its folder's run.lock names a writer that still runs), and whether it stopped before its
// planned tokens with or without a checkpoint to continue from.
struct RunOnDisk {
    enum class Writer {
        None,      // nobody: the lock is empty, or names a process that is gone
        Alive,     // a qkstudio process on this machine holds the folder
        Elsewhere, // named by another host, and results.json was written in the last two minutes
    };
    Writer writer = Writer::None;
    qint64 plannedTokens = 0; // train.tokens of the run's recorded configuration; 0 when unknown
    bool incomplete = false;  // the last probe is below the planned tokens
    bool resumable = false;   // a complete checkpoint of the folder's run exists (not looked for once finished)
};

RunOnDisk runOnDisk(const RunEntry& run);

} // namespace qks::gui
