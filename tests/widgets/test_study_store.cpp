// Opening results folders and following a study that is still being written.
#include "results/ResultsJson.h"
#include "store/StudyStore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qks;
using namespace qks::gui;

namespace {

const QString kStudy = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");

void copyStudy(const QString& to)
{
    for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
        QDir().mkpath(to + QLatin1Char('/') + QLatin1String(tag));
        QVERIFY(QFile::copy(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                            to + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json")));
        QFile::setPermissions(to + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                              QFile::ReadOwner | QFile::WriteOwner);
    }
}

} // namespace

class TestStudyStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensThePublishedStudy();
    void opensOneConditionFolderAndAResultsFile();
    void refusesWhatIsNotAStudy();
    void followsALiveStudyReadingOnlyChangedFiles();
    void picksUpAConditionThatAppearsLater();
    void corruptFileIsReportedAndKeepsLastGoodData();
    void visibilityAndClosing();
};

void TestStudyStore::opensThePublishedStudy()
{
    StudyStore store;
    QSignalSpy opened(&store, &StudyStore::studiesChanged);
    QString error;
    QCOMPARE(store.open(kStudy, &error), 0);
    QVERIFY(error.isEmpty());
    QCOMPARE(opened.count(), 1);
    const OpenStudy& s = store.studies().front();
    QCOMPARE(s.name, QStringLiteral("qk_norm_50m_study"));
    QCOMPARE(s.runs.size(), qsizetype(3));
    QCOMPARE(s.runs[0].tag, QStringLiteral("QK")); // published order: A, B, C
    QCOMPARE(s.runs[1].tag, QStringLiteral("QK_frozen"));
    QCOMPARE(s.runs[2].tag, QStringLiteral("NoQK"));
    for (const RunEntry& r : s.runs) {
        QVERIFY(r.ok());
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.results->probeCount(), size_t(26));
    }
    QCOMPARE(store.fileReads(), 3);
    // Opening it again does not add a second copy, and unchanged files are not read again.
    QCOMPARE(store.open(kStudy), 0);
    QCOMPARE(store.studies().size(), qsizetype(1));
    store.rescan();
    QCOMPARE(store.fileReads(), 3);
}

void TestStudyStore::opensOneConditionFolderAndAResultsFile()
{
    StudyStore store;
    QCOMPARE(store.open(kStudy + QStringLiteral("/NoQK")), 0);
    QCOMPARE(store.studies()[0].runs.size(), qsizetype(1));
    QCOMPARE(store.studies()[0].runs[0].tag, QStringLiteral("NoQK"));
    // A results.json given directly stands for its folder (the same one, so no new study).
    QCOMPARE(store.open(kStudy + QStringLiteral("/NoQK/results.json")), 0);
    QCOMPARE(store.studies().size(), qsizetype(1));
}

void TestStudyStore::refusesWhatIsNotAStudy()
{
    StudyStore store;
    QString error;
    QCOMPARE(store.open(QStringLiteral("/nonexistent/folder"), &error), -1);
    QVERIFY2(error.contains(QStringLiteral("is not a folder")), qPrintable(error));
    QTemporaryDir empty;
    QCOMPARE(store.open(empty.path(), &error), -1);
    QVERIFY2(error.contains(QStringLiteral("No results.json")), qPrintable(error));
    QVERIFY(store.studies().isEmpty());
}

void TestStudyStore::followsALiveStudyReadingOnlyChangedFiles()
{
    QTemporaryDir dir;
    copyStudy(dir.path());
    StudyStore store;
    QCOMPARE(store.open(dir.path()), 0);
    QCOMPARE(store.fileReads(), 3);
    QSignalSpy changed(&store, &StudyStore::dataChanged);

    // A running study appends a probe and replaces results.json by renaming over it.
    const QString path = dir.path() + QStringLiteral("/NoQK/results.json");
    RunResults r = readResults(path.toStdString());
    r.tokens.push_back(r.tokens.back() + 1966080);
    r.loss.push_back(3.5);
    r.val_loss.push_back(3.4);
    r.mean_pr.push_back(64.0);
    for (auto& layer : r.layer_pr)
        layer.push_back(64.0);
    writeResults(r, path.toStdString());

    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    QCOMPARE(store.fileReads(), 4); // only the changed file was read
    QCOMPARE(store.studies()[0].runs[2].results->probeCount(), size_t(27));
    QCOMPARE(store.studies()[0].runs[2].results->mean_pr.back(), 64.0);

    // The replaced file is watched again: a second write is seen too.
    r.mean_pr.back() = 65.0;
    writeResults(r, path.toStdString());
    QTRY_COMPARE_WITH_TIMEOUT(store.studies()[0].runs[2].results->mean_pr.back(), 65.0, 5000);
    QCOMPARE(store.fileReads(), 5);
}

void TestStudyStore::picksUpAConditionThatAppearsLater()
{
    QTemporaryDir dir;
    QDir().mkpath(dir.path() + QStringLiteral("/QK"));
    QVERIFY(QFile::copy(kStudy + QStringLiteral("/QK/results.json"), dir.path() + QStringLiteral("/QK/results.json")));
    StudyStore store;
    QCOMPARE(store.open(dir.path()), 0);
    QCOMPARE(store.studies()[0].runs.size(), qsizetype(1));
    QSignalSpy added(&store, &StudyStore::studiesChanged);
    QDir().mkpath(dir.path() + QStringLiteral("/NoQK"));
    QVERIFY(QFile::copy(kStudy + QStringLiteral("/NoQK/results.json"), dir.path() + QStringLiteral("/NoQK/results.json")));
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 1, 5000);
    QCOMPARE(store.studies()[0].runs.size(), qsizetype(2));
    QCOMPARE(store.studies()[0].runs[1].tag, QStringLiteral("NoQK"));
}

void TestStudyStore::corruptFileIsReportedAndKeepsLastGoodData()
{
    QTemporaryDir dir;
    copyStudy(dir.path());
    // One condition corrupt from the start: reported, the others load.
    QFile bad(dir.path() + QStringLiteral("/QK_frozen/results.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
    bad.write("{\"tag\": \"QK_frozen\", \"tokens\": [0, 1");
    bad.close();
    StudyStore store;
    QCOMPARE(store.open(dir.path()), 0);
    const RunEntry& frozen = store.studies()[0].runs[1];
    QVERIFY(!frozen.ok());
    QVERIFY2(frozen.error.contains(QStringLiteral("results.json")), qPrintable(frozen.error));
    QVERIFY(store.studies()[0].runs[0].ok());

    // A good file that turns bad keeps what was drawn and says why.
    QFile qk(dir.path() + QStringLiteral("/QK/results.json"));
    QVERIFY(qk.open(QIODevice::WriteOnly | QIODevice::Truncate));
    qk.write("not json at all");
    qk.close();
    store.rescan();
    const RunEntry& learned = store.studies()[0].runs[0];
    QVERIFY(learned.ok());
    QCOMPARE(learned.results->probeCount(), size_t(26));
    QVERIFY(!learned.error.isEmpty());
}

void TestStudyStore::visibilityAndClosing()
{
    StudyStore store;
    store.open(kStudy);
    store.open(kStudy + QStringLiteral("/QK"));
    QCOMPARE(store.studies().size(), qsizetype(2));
    QSignalSpy visibility(&store, &StudyStore::visibilityChanged);
    store.setRunVisible(0, 1, false);
    QCOMPARE(visibility.count(), 1);
    QVERIFY(!store.studies()[0].runs[1].visible);
    store.setRunVisible(0, 1, false); // no change, no signal
    QCOMPARE(visibility.count(), 1);
    store.close(0);
    QCOMPARE(store.studies().size(), qsizetype(1));
    QCOMPARE(store.studies()[0].runs[0].tag, QStringLiteral("QK"));
    store.closeAll();
    QVERIFY(store.studies().isEmpty());
}

QTEST_GUILESS_MAIN(TestStudyStore)
#include "test_study_store.moc"
