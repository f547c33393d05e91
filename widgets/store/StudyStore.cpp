#include "store/StudyStore.h"

#include "config/Condition.h"
#include "results/ResultsJson.h"

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

} // namespace

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

void StudyStore::updateLive(const QString& studyPath, const QString& tag, const std::function<void(LiveRun&)>& change)
{
    const int s = indexOf(studyPath);
    if (s < 0)
        return;
    for (RunEntry& run : m_studies[s].runs) {
        if (run.tag != tag)
            continue;
        if (!run.live)
            run.live = LiveRun{};
        change(*run.live);
        Q_EMIT liveChanged();
        return;
    }
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
    Q_EMIT visibilityChanged();
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

bool StudyStore::discoverRuns(OpenStudy& study)
{
    QStringList folders;
    if (QFileInfo::exists(study.path + QLatin1Char('/') + kResultsFile))
        folders << study.path;
    else
        folders = conditionFolders(study.path);

    bool added = false;
    for (const QString& folder : folders) {
        const bool known = std::any_of(study.runs.cbegin(), study.runs.cend(),
                                       [&](const RunEntry& r) { return r.folder == folder; });
        if (known)
            continue;
        RunEntry run;
        run.folder = folder;
        run.tag = QFileInfo(folder).fileName();
        refreshRun(run);
        study.runs.push_back(run);
        added = true;
    }
    return added;
}

void StudyStore::watch(const OpenStudy& study)
{
    QStringList paths{study.path};
    for (const RunEntry& run : study.runs) {
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
        for (RunEntry& run : study.runs)
            data = refreshRun(run) || data;
        structure = discoverRuns(study) || structure;
        // A renamed-over file is a new inode: watch it again.
        watch(study);
    }
    if (structure)
        Q_EMIT studiesChanged();
    else if (data)
        Q_EMIT dataChanged();
}

} // namespace qks::gui
