#include "store/StudyStore.h"

#include "config/Condition.h"
#include "config/SweepGrid.h"
#include "results/ResultsJson.h"
#include "results/SeedSummary.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include <algorithm>

namespace qks::gui {

namespace {

const QString kResultsFile = QStringLiteral("results.json");

// A folder name as legends and the runs panel show it: tabs and line breaks (legal in a name)
// become spaces, so a label stays on its line.
QString displayName(QString name)
{
    for (QChar& c : name)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    return name;
}

int conditionRank(const QString& folderName)
{
    const auto& conds = studyConditions();
    for (size_t i = 0; i < conds.size(); ++i) {
        if (QString::fromStdString(conds[i].tag) == folderName)
            return int(i);
    }
    return int(conds.size());
}

// Condition folders of a study folder, published conditions first (A, B, C of the decomposition).
QStringList conditionFolders(const QString& studyPath)
{
    QStringList folders;
    const QDir dir(studyPath);
    for (const QFileInfo& sub : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo::exists(sub.absoluteFilePath() + QLatin1Char('/') + kResultsFile))
            folders << sub.absoluteFilePath();
    }
    std::stable_sort(folders.begin(), folders.end(), [](const QString& a, const QString& b) {
        return conditionRank(QFileInfo(a).fileName()) < conditionRank(QFileInfo(b).fileName());
    });
    return folders;
}

// The seed_<n> folders of `path`, when it is a multi-seed study folder.
QVector<std::pair<qint64, QString>> seedFoldersOf(const QString& path)
{
    QVector<std::pair<qint64, QString>> out;
    try {
        for (const auto& [seed, folder] : seedFolders(path.toStdString()))
            out.push_back({seed, QString::fromStdString(folder.string())});
    } catch (const std::exception&) {
        // An unreadable folder is no multi-seed study; opening it says what is wrong.
    }
    return out;
}

// The point folders of a sweep folder (its config.json lists study.sweep), else none.
QStringList sweepPointFoldersOf(const QString& path)
{
    QStringList out;
    try {
        for (const auto& [point, folder] : sweepFolders(path.toStdString()))
            out << QString::fromStdString(folder.string());
    } catch (const std::exception&) {
        // A broken config.json makes no sweep; the folder opens as whatever else it holds.
    }
    return out;
}

// The multi-seed study a seed folder belongs to ("…/study/seed_43" → "…/study"), else empty.
QString multiSeedParent(const QString& path)
{
    const QFileInfo info(path);
    const QString parent = info.absolutePath();
    if (!info.fileName().startsWith(QLatin1String("seed_")) || !QFileInfo::exists(parent + QStringLiteral("/config.json")))
        return {};
    for (const auto& [seed, folder] : seedFoldersOf(parent))
        if (QFileInfo(folder).absoluteFilePath() == info.absoluteFilePath())
            return parent;
    return {};
}

// The live state an aggregate shows: a seed training now, else one queued, else the last known.
std::optional<LiveRun> representativeLive(const QVector<const RunEntry*>& seedRuns)
{
    std::optional<LiveRun> out;
    for (const RunEntry* r : seedRuns) {
        if (!r->live)
            continue;
        if (!out || (r->live->state == JobState::Running && out->state != JobState::Running) ||
            (r->live->active() && !out->active()))
            out = r->live;
    }
    return out;
}

} // namespace

QString viewKey(const RunEntry& run)
{
    return run.seed && !run.aggregate ? QStringLiteral("%1/%2").arg(*run.seed).arg(run.tag) : run.tag;
}

StudyStore::StudyStore(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
{
    // Writers replace results.json by renaming a temporary file over it, which fires both
    // the folder and the file signal; one rescan a moment later sees the finished file.
    m_rescanTimer.setSingleShot(true);
    m_rescanTimer.setInterval(150);
    connect(&m_rescanTimer, &QTimer::timeout, this, &StudyStore::rescan);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &StudyStore::scheduleRescan);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &StudyStore::scheduleRescan);
}

StudyStore::~StudyStore() = default;

int StudyStore::indexOf(const QString& path) const
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_studies.size(); ++i) {
        if (m_studies[i].path == abs)
            return i;
    }
    return -1;
}

int StudyStore::open(const QString& path, QString* error)
{
    QFileInfo info(path);
    // A results.json itself (dropped or given on the command line) stands for its folder.
    if (info.isFile() && info.fileName() == kResultsFile)
        info = QFileInfo(info.absolutePath());
    const QString abs = info.absoluteFilePath();
    if (!info.isDir()) {
        if (error)
            *error = tr("%1 is not a folder. Open a study folder (one subfolder per condition) or a "
                        "condition folder that holds results.json.")
                         .arg(QDir::toNativeSeparators(abs));
        return -1;
    }
    if (const int existing = indexOf(abs); existing >= 0) {
        rescan();
        return existing;
    }
    // A sweep: each point with results opens as a study of its own (the sweep figure reads the
    // points' folders from the sweep's config.json).
    if (const QStringList points = sweepPointFoldersOf(abs); !points.isEmpty()) {
        int first = -1;
        for (const QString& point : points) {
            const int index = QFileInfo(point).isDir() ? open(point) : -1;
            first = first < 0 ? index : first;
        }
        if (first < 0 && error)
            *error = tr("No point of the sweep in %1 has results yet.").arg(QDir::toNativeSeparators(abs));
        return first;
    }

    OpenStudy study;
    study.path = abs;
    study.name = displayName(info.fileName());
    study.styleIndex = styleFor(abs);
    discoverRuns(study);
    if (study.runs.isEmpty()) {
        if (error)
            *error = tr("No results.json in %1 or in its subfolders. A study folder holds one "
                        "subfolder per condition (QK, QK_frozen, NoQK), each with a results.json.")
                         .arg(QDir::toNativeSeparators(abs));
        return -1;
    }
    m_studies.push_back(study);
    watch(m_studies.back());
    Q_EMIT studiesChanged();
    return int(m_studies.size() - 1);
}

int StudyStore::openOrCreate(const QString& path)
{
    // A seed of a multi-seed study trains into its seed folder; the window shows the study.
    if (const QString parent = multiSeedParent(path); !parent.isEmpty())
        return openOrCreate(parent);
    const QString abs = QFileInfo(path).absoluteFilePath();
    if (const int existing = indexOf(abs); existing >= 0)
        return existing;
    QDir().mkpath(abs);
    OpenStudy study;
    study.path = abs;
    study.name = displayName(QFileInfo(abs).fileName());
    study.styleIndex = styleFor(abs);
    discoverRuns(study);
    m_studies.push_back(study);
    watch(m_studies.back());
    Q_EMIT studiesChanged();
    return int(m_studies.size() - 1);
}

int StudyStore::ensureRun(int study, const QString& tag)
{
    if (study < 0 || study >= m_studies.size())
        return -1;
    OpenStudy& s = m_studies[study];
    const QString folder = s.path + QLatin1Char('/') + tag;
    for (int r = 0; r < s.runs.size(); ++r) {
        if (s.runs[r].folder == folder || s.runs[r].tag == tag)
            return r;
    }
    RunEntry run;
    run.folder = folder;
    run.tag = tag;
    run.live = LiveRun{};
    s.runs.push_back(run);
    Q_EMIT studiesChanged();
    return int(s.runs.size() - 1);
}

int StudyStore::ensureRunIn(const QString& studyDir, const QString& tag)
{
    const int study = openOrCreate(studyDir);
    OpenStudy& s = m_studies[study];
    const QString abs = QFileInfo(studyDir).absoluteFilePath();
    if (abs == s.path)
        return ensureRun(study, tag);
    // A seed folder of s: the run joins its seed's runs.
    const QString folder = abs + QLatin1Char('/') + tag;
    const bool known = std::any_of(s.seedRuns.cbegin(), s.seedRuns.cend(), [&](const RunEntry& r) { return r.folder == folder; });
    if (!known) {
        if (!s.multiSeed())
            discoverRuns(s);
        RunEntry run;
        run.folder = folder;
        run.tag = tag;
        run.live = LiveRun{};
        run.seed = QFileInfo(abs).fileName().mid(5).toLongLong();
        if (!s.seeds.contains(*run.seed)) {
            s.seeds.push_back(*run.seed);
            std::sort(s.seeds.begin(), s.seeds.end());
        }
        s.seedRuns.push_back(run);
        rebuildSeedView(s);
        Q_EMIT studiesChanged();
    }
    return study;
}

RunEntry* StudyStore::liveTarget(const QString& studyPath, const QString& tag, int* study)
{
    const QString abs = QFileInfo(studyPath).absoluteFilePath();
    const QString folder = abs + QLatin1Char('/') + tag;
    for (int i = 0; i < m_studies.size(); ++i) {
        OpenStudy& s = m_studies[i];
        *study = i;
        if (s.path == abs && !s.multiSeed()) {
            for (RunEntry& run : s.runs)
                if (run.tag == tag)
                    return &run;
        }
        for (RunEntry& run : s.seedRuns)
            if (run.folder == folder)
                return &run;
    }
    return nullptr;
}

void StudyStore::updateLive(const QString& studyPath, const QString& tag, const std::function<void(LiveRun&)>& change)
{
    int study = -1;
    RunEntry* run = liveTarget(studyPath, tag, &study);
    if (!run)
        return;
    if (!run->live)
        run->live = LiveRun{};
    change(*run->live);
    OpenStudy& s = m_studies[study];
    if (s.multiSeed()) {
        // The view holds copies: bring the live state over without averaging again.
        for (RunEntry& shown : s.runs) {
            if (shown.tag != tag)
                continue;
            if (shown.aggregate) {
                QVector<const RunEntry*> seeds;
                for (const RunEntry& r : s.seedRuns)
                    if (r.tag == tag)
                        seeds.push_back(&r);
                shown.live = representativeLive(seeds);
            } else if (shown.folder == run->folder) {
                shown.live = run->live;
            }
        }
    }
    Q_EMIT liveChanged();
}

int StudyStore::styleFor(const QString& path)
{
    // A folder reopened in this session is drawn as before; a new one takes the first style no
    // open study holds, so hiding or closing a study never restyles the others.
    const auto taken = [&](int s) {
        return std::any_of(m_studies.cbegin(), m_studies.cend(), [s](const OpenStudy& o) { return o.styleIndex == s; });
    };
    if (const auto known = m_styles.constFind(path); known != m_styles.cend() && !taken(*known))
        return *known;
    int style = 0;
    while (taken(style))
        ++style;
    m_styles.insert(path, style);
    return style;
}

void StudyStore::close(int study)
{
    if (study < 0 || study >= m_studies.size())
        return;
    m_studies.removeAt(study);
    // Rebuild the watch list from what is still open.
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    for (const OpenStudy& s : m_studies)
        watch(s);
    Q_EMIT studiesChanged();
}

void StudyStore::closeAll()
{
    while (!m_studies.isEmpty())
        close(int(m_studies.size() - 1));
}

void StudyStore::setRunVisible(int study, int run, bool visible)
{
    if (study < 0 || study >= m_studies.size() || run < 0 || run >= m_studies[study].runs.size())
        return;
    RunEntry& entry = m_studies[study].runs[run];
    if (entry.visible == visible)
        return;
    entry.visible = visible;
    m_studies[study].hidden.insert(viewKey(entry), !visible);
    Q_EMIT visibilityChanged();
}

void StudyStore::setSeedView(int study, SeedView view, qint64 seed)
{
    if (study < 0 || study >= m_studies.size() || !m_studies[study].multiSeed())
        return;
    OpenStudy& s = m_studies[study];
    if (s.seedView == view && (view != SeedView::OneSeed || s.shownSeed == seed))
        return;
    s.seedView = view;
    s.shownSeed = seed;
    rebuildSeedView(s);
    Q_EMIT studiesChanged();
}

void StudyStore::rebuildSeedView(OpenStudy& study)
{
    std::stable_sort(study.seedRuns.begin(), study.seedRuns.end(), [](const RunEntry& a, const RunEntry& b) {
        const int ra = conditionRank(a.tag), rb = conditionRank(b.tag);
        return ra != rb ? ra < rb : a.tag != b.tag ? a.tag < b.tag : a.seed < b.seed;
    });
    QVector<RunEntry> view;
    if (study.seedView == SeedView::Mean) {
        QStringList tags;
        for (const RunEntry& r : study.seedRuns)
            if (!tags.contains(r.tag))
                tags << r.tag;
        for (const QString& tag : tags) {
            QVector<const RunEntry*> seeds;
            std::vector<std::pair<int64_t, const RunResults*>> loaded;
            QStringList errors;
            for (const RunEntry& r : study.seedRuns) {
                if (r.tag != tag)
                    continue;
                seeds.push_back(&r);
                if (r.ok())
                    loaded.push_back({r.seed.value_or(0), r.results.get()});
                if (!r.error.isEmpty())
                    errors << tr("seed %1: %2").arg(r.seed.value_or(0)).arg(r.error);
            }
            RunEntry entry;
            entry.folder = study.path + QLatin1Char('/') + tag;
            entry.tag = tag;
            if (!loaded.empty()) {
                auto aggregate = std::make_shared<SeedAggregate>(aggregateSeeds(loaded));
                for (const std::string& w : aggregate->warnings)
                    errors << QString::fromStdString(w);
                entry.results = std::make_shared<RunResults>(aggregate->mean);
                entry.aggregate = std::move(aggregate);
            }
            entry.error = errors.join(QLatin1Char('\n'));
            entry.live = representativeLive(seeds);
            entry.visible = !study.hidden.value(viewKey(entry));
            view.push_back(entry);
        }
    } else {
        for (const RunEntry& r : study.seedRuns) {
            if (study.seedView == SeedView::OneSeed && r.seed != study.shownSeed)
                continue;
            RunEntry entry = r;
            entry.visible = !study.hidden.value(viewKey(entry));
            view.push_back(entry);
        }
    }
    study.runs = view;
}

bool StudyStore::refreshRun(RunEntry& run)
{
    const QFileInfo file(run.folder + QLatin1Char('/') + kResultsFile);
    if (!file.exists() && run.live && !run.ok())
        return false; // queued or starting: its first probe has not been written yet
    if (!file.exists()) {
        const QString missing = tr("results.json is missing");
        const bool changed = run.error != missing;
        run.error = missing;
        run.fileSize = -1;
        return changed;
    }
    if (file.size() == run.fileSize && file.lastModified() == run.modified)
        return false;
    run.fileSize = file.size();
    run.modified = file.lastModified();
    ++m_fileReads;
    try {
        auto loaded = std::make_shared<RunResults>(readResults(file.absoluteFilePath().toStdString()));
        run.tag = QString::fromStdString(loaded->tag);
        run.results = std::move(loaded);
        run.error.clear();
    } catch (const std::exception& e) {
        // Keep what was drawn; the runs panel shows why the newest file did not load.
        run.error = QString::fromUtf8(e.what());
    }
    return true;
}

bool StudyStore::discoverSeedRuns(OpenStudy& study)
{
    bool added = false;
    for (const auto& [seed, seedFolder] : seedFoldersOf(study.path)) {
        if (!study.seeds.contains(seed)) {
            study.seeds.push_back(seed);
            added = true;
        }
        added = addRuns(study.seedRuns, conditionFolders(seedFolder), seed) || added;
    }
    std::sort(study.seeds.begin(), study.seeds.end());
    if (added)
        rebuildSeedView(study);
    return added;
}

bool StudyStore::discoverRuns(OpenStudy& study)
{
    if (study.multiSeed() || !seedFoldersOf(study.path).isEmpty())
        return discoverSeedRuns(study);
    QStringList folders;
    if (QFileInfo::exists(study.path + QLatin1Char('/') + kResultsFile))
        folders << study.path;
    else
        folders = conditionFolders(study.path);

    return addRuns(study.runs, folders, std::nullopt);
}

bool StudyStore::addRuns(QVector<RunEntry>& runs, const QStringList& folders, std::optional<qint64> seed)
{
    bool added = false;
    for (const QString& folder : folders) {
        const bool known = std::any_of(runs.cbegin(), runs.cend(), [&](const RunEntry& r) { return r.folder == folder; });
        if (known)
            continue;
        RunEntry run;
        run.folder = folder;
        run.tag = QFileInfo(folder).fileName();
        run.seed = seed;
        refreshRun(run);
        runs.push_back(run);
        added = true;
    }
    return added;
}

void StudyStore::watch(const OpenStudy& study)
{
    QStringList paths{study.path};
    for (const qint64 seed : study.seeds)
        paths << study.path + QStringLiteral("/seed_%1").arg(seed);
    for (const RunEntry& run : study.multiSeed() ? study.seedRuns : study.runs) {
        if (run.folder != study.path)
            paths << run.folder;
        const QString file = run.folder + QLatin1Char('/') + kResultsFile;
        if (QFileInfo::exists(file))
            paths << file;
    }
    // Already-watched paths are refused with a warning; add only new ones.
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QStringList fresh;
    for (const QString& p : paths) {
        if (!watched.contains(p))
            fresh << p;
    }
    if (!fresh.isEmpty())
        m_watcher->addPaths(fresh);
}

void StudyStore::scheduleRescan()
{
    m_rescanTimer.start();
}

void StudyStore::rescan()
{
    bool structure = false;
    bool data = false;
    for (OpenStudy& study : m_studies) {
        bool changed = false;
        for (RunEntry& run : study.multiSeed() ? study.seedRuns : study.runs)
            changed = refreshRun(run) || changed;
        data = changed || data;
        const bool grown = discoverRuns(study);
        structure = grown || structure;
        if (changed && !grown && study.multiSeed())
            rebuildSeedView(study);
        // A renamed-over file is a new inode: watch it again.
        watch(study);
    }
    if (structure)
        Q_EMIT studiesChanged();
    else if (data)
        Q_EMIT dataChanged();
}

} // namespace qks::gui
