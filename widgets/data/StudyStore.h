#pragma once

#include "results/RunResults.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <memory>

class QFileSystemWatcher;

namespace qks::gui {

// One condition of an open study: its results, or why they could not be read. A file that
// breaks after it loaded keeps its last good results (and shows the error), so nothing drawn
// is lost while a writer is mid-way.
struct RunEntry {
    QString folder;                               // the folder holding results.json
    QString tag;                                  // the file's tag, else the folder name
    std::shared_ptr<const RunResults> results;    // null until the file has loaded once
    QString error;                                // empty when the last read succeeded
    qint64 fileSize = -1;                         // stamp of the last read, to skip unchanged files
    QDateTime modified;
    bool visible = true;

    bool ok() const { return results != nullptr; }
};

// A folder the user opened: a study (one subfolder per condition) or a single condition.
struct OpenStudy {
    QString path;   // absolute, as opened
    QString name;   // the folder name, used in legends when several studies are open
    QVector<RunEntry> runs;
};

// The runs the window shows. Opening reads every results.json once; after that a file
// watcher re-reads only files whose size or modification time changed (a headless study
// rewrites its results.json after every probe) and picks up conditions that appear later.
// Holds no widgets: the panels read from it and redraw on its signals.
class StudyStore final : public QObject {
    Q_OBJECT
public:
    explicit StudyStore(QObject* parent = nullptr);
    ~StudyStore() override;

    // Opens `path` (or reloads it if already open) and returns its index. On failure returns -1
    // and sets `error` to a sentence for the user: not a folder, or no results.json in it or in
    // its subfolders.
    int open(const QString& path, QString* error = nullptr);
    void close(int study);
    void closeAll();

    const QVector<OpenStudy>& studies() const { return m_studies; }
    int indexOf(const QString& path) const;
    void setRunVisible(int study, int run, bool visible);

    // How many times a results.json has been read since construction (tests check that an
    // unchanged file is not read again).
    int fileReads() const { return m_fileReads; }

    // Checks every open folder now instead of waiting for the watcher (tests, "Reload").
    void rescan();

Q_SIGNALS:
    void studiesChanged();   // a study was opened or closed, or a condition appeared
    void dataChanged();      // results or errors of existing runs changed
    void visibilityChanged();

private:
    bool refreshRun(RunEntry& run);
    bool discoverRuns(OpenStudy& study);
    void watch(const OpenStudy& study);
    void scheduleRescan();

    QVector<OpenStudy> m_studies;
    QFileSystemWatcher* m_watcher;
    QTimer m_rescanTimer;
    int m_fileReads = 0;
};

} // namespace qks::gui
