#pragma once

#include "results/RunResults.h"
#include "results/SeedAggregate.h"
#include "run/LiveTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QVector>

#include <functional>
#include <memory>

class QFileSystemWatcher;

namespace qks::gui {

// A run this window is training (or has queued): progress between probes.
struct LiveRun {
    JobState state = JobState::Queued;
    qint64 tokens = 0;
    qint64 totalTokens = 0;
    double tokensPerSecond = 0.0;
    double etaSeconds = -1.0;        // unknown until the first steps
    QString message;                 // why it failed or was cancelled
    QVector<QPointF> stepLoss;       // (tokens in millions, loss) of every micro-step so far

    bool active() const { return state == JobState::Queued || state == JobState::Running || state == JobState::Stopping; }
};

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
    std::optional<LiveRun> live;                  // set while this window trains it, and after
    std::optional<qint64> seed;                   // a multi-seed study's run: its seed
    // A multi-seed study's condition drawn as one (SeedView::Mean): `results` holds the
    // per-probe means and this the estimates behind the band and the error bars.
    std::shared_ptr<const SeedAggregate> aggregate;

    bool ok() const { return results != nullptr; }
    int seedCount() const { return aggregate ? int(aggregate->seeds.size()) : 1; }
};

// How a multi-seed study is shown.
enum class SeedView {
    Mean,     // each condition as its mean over the seeds, with a 95% band
    AllSeeds, // every seed's run, thin
    OneSeed,  // the runs of OpenStudy::shownSeed
};

// A folder the user opened: a study (one subfolder per condition) or a single condition.
struct OpenStudy {
    QString path;   // absolute, as opened
    QString name;   // the folder name, used in legends when several studies are open
    int styleIndex = 0; // its line style (studyPenStyle), fixed when opened, for the session
    QVector<RunEntry> runs; // what the window shows; for a multi-seed study, its seed view

    // A folder of seed_<n> studies (issue 22 §2): every seed's runs, and how they are shown.
    QVector<qint64> seeds;       // ascending; empty for a one-seed study
    QVector<RunEntry> seedRuns;  // every seed's conditions (RunEntry::seed set)
    SeedView seedView = SeedView::Mean;
    qint64 shownSeed = 0;        // with SeedView::OneSeed
    QHash<QString, bool> hidden; // view entries hidden by the user, by viewKey

    bool multiSeed() const { return !seeds.isEmpty(); }
};

// The key a run keeps its visibility under across views: "QK", or "43/QK" for one seed's run.
QString viewKey(const RunEntry& run);

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
    // Opens a study folder that may not hold any results yet (a study about to start).
    int openOrCreate(const QString& path);
    // The run `tag` of a study, added as pending (no results yet) when missing.
    int ensureRun(int study, const QString& tag);
    // The same by the folder a job trains in: a study folder, or a seed folder of a multi-seed
    // study, whose run joins that study's seed runs. Opens the study when needed; returns it.
    int ensureRunIn(const QString& studyDir, const QString& tag);
    // Changes a run's live state and emits liveChanged; no-op for an unknown run.
    void updateLive(const QString& studyPath, const QString& tag, const std::function<void(LiveRun&)>& change);
    void close(int study);
    void closeAll();

    const QVector<OpenStudy>& studies() const { return m_studies; }
    int indexOf(const QString& path) const;
    void setRunVisible(int study, int run, bool visible);
    // How a multi-seed study is shown (no-op for a one-seed study); `seed` with OneSeed.
    void setSeedView(int study, SeedView view, qint64 seed = 0);

    // How many times a results.json has been read since construction (tests check that an
    // unchanged file is not read again).
    int fileReads() const { return m_fileReads; }

    // Checks every open folder now instead of waiting for the watcher (tests, "Reload").
    void rescan();

Q_SIGNALS:
    void studiesChanged();   // a study was opened or closed, or a condition appeared
    void dataChanged();      // results or errors of existing runs changed
    void visibilityChanged();
    void liveChanged();      // progress of a run this window trains

private:
    bool refreshRun(RunEntry& run);
    bool discoverRuns(OpenStudy& study);
    bool discoverSeedRuns(OpenStudy& study);
    // Adds a run for each folder not in `runs` yet (read once); whether any was added.
    bool addRuns(QVector<RunEntry>& runs, const QStringList& folders, std::optional<qint64> seed);
    static void rebuildSeedView(OpenStudy& study);
    RunEntry* liveTarget(const QString& studyPath, const QString& tag, int* study);
    void watch(const OpenStudy& study);
    void scheduleRescan();
    int styleFor(const QString& path);

    QVector<OpenStudy> m_studies;
    QFileSystemWatcher* m_watcher;
    QTimer m_rescanTimer;
    int m_fileReads = 0;
    QHash<QString, int> m_styles; // folder → style index, for the session
};

} // namespace qks::gui
