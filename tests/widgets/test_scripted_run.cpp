// `qkstudio --run CONFIG --screenshot FILE --quit-when-done`, offscreen, end to end: the same
// controller path as the dialog trains a very small three-condition study, the results are
// the study's files, and failures exit as qkstudio-cli does.
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "data/Prepare.h"
#include "results/ResultsJson.h"
#include "results/StudyFolder.h"

#include "GuiProcess.h"
#include "TinyCorpus.h"
#include "TinyStudyConfig.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>


using namespace qks;

using qks::testing::runGui;

class TestScriptedRun final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainsAStudyAndSavesAScreenshot();
    void missingDataExitsLikeTheCli();
    void aFolderHoldingTheStudyIsNotReplacedUnasked();

private:
    StudyConfig smallStudy(const QString& out) const;
    QTemporaryDir m_dir;
};

void TestScriptedRun::initTestCase()
{
    qks::testing::prepareTinyTokens(m_dir.path(), 3, 4000, 99);
}

StudyConfig TestScriptedRun::smallStudy(const QString& out) const
{
    return qks::testing::tinyStudyConfig(m_dir.path() + QStringLiteral("/tokens"), out);
}

void TestScriptedRun::trainsAStudyAndSavesAScreenshot()
{
    const QString out = m_dir.path() + QStringLiteral("/study");
    const QString config = m_dir.path() + QStringLiteral("/config.json");
    saveConfigFile(smallStudy(out), config.toStdString());
    const QString shot = m_dir.path() + QStringLiteral("/done.png");
    const auto r = runGui({QStringLiteral("--run"), config, QStringLiteral("--screenshot"), shot,
                          QStringLiteral("--quit-when-done")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    for (const char* tag : {"QK", "QK_frozen", "NoQK"})
        QVERIFY2(r.out.contains(QStringLiteral("study/%1: finished").arg(QLatin1String(tag))), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("longest event-loop stall while training")));

    // The study's own files: three conditions, every probe, the configuration.
    const auto entries = listStudy(out.toStdString());
    QCOMPARE(entries.size(), size_t(3));
    for (const auto& e : entries) {
        QVERIFY2(e.ok(), e.error.c_str());
        QCOMPARE(e.results->tokens.back(), int64_t(2048));
        QCOMPARE(e.results->layerCount(), size_t(2));
    }
    QVERIFY(QFile::exists(out + QStringLiteral("/config.json")));
    QVERIFY(QFile::exists(out + QStringLiteral("/QK/checkpoints")));
    const QImage image(shot);
    QCOMPARE(image.size(), QSize(1440, 900));
}

void TestScriptedRun::missingDataExitsLikeTheCli()
{
    StudyConfig c = smallStudy(m_dir.path() + QStringLiteral("/bad"));
    c.data.path = "/no/such/tokens";
    const QString config = m_dir.path() + QStringLiteral("/bad.json");
    saveConfigFile(c, config.toStdString());
    const auto r = runGui({QStringLiteral("--run"), config, QStringLiteral("--quit-when-done")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.out.contains(QStringLiteral("QK: failed (data)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("/no/such/tokens")));
    QVERIFY(r.out.contains(QStringLiteral("QK_frozen: cancelled"))); // bad data stops the study

    const auto bad = runGui({QStringLiteral("--run"), m_dir.path() + QStringLiteral("/nothing.json"),
                            QStringLiteral("--quit-when-done")});
    QCOMPARE(bad.code, 2);
}

// The study of trainsAStudyAndSavesAScreenshot is in study/: --run again refuses to touch it,
// --resume continues it (finished: nothing to do), --overwrite replaces it with a new run.
void TestScriptedRun::aFolderHoldingTheStudyIsNotReplacedUnasked()
{
    const QString out = m_dir.path() + QStringLiteral("/study");
    const QString config = m_dir.path() + QStringLiteral("/config.json");
    const auto runIdOf = [&](const char* tag) {
        return QString::fromStdString(readResults((out + "/" + tag + "/results.json").toStdString()).extra.value("run_id", ""));
    };
    const QString first = runIdOf("QK");
    QVERIFY(!first.isEmpty());
    const QStringList firstIds = {first, runIdOf("QK_frozen"), runIdOf("NoQK")};

    const auto refused = runGui({QStringLiteral("--run"), config, QStringLiteral("--quit-when-done")});
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("already holds runs of this study")) &&
                 refused.err.contains(QStringLiteral("--resume")) && refused.err.contains(QStringLiteral("--overwrite")),
             qPrintable(refused.err));
    QCOMPARE(runIdOf("QK"), first);

    const auto resumed = runGui({QStringLiteral("--run"), config, QStringLiteral("--resume"), QStringLiteral("--quit-when-done")});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
    QVERIFY2(resumed.out.contains(QStringLiteral("study/QK: finished")), qPrintable(resumed.out));
    QCOMPARE(runIdOf("QK"), first);

    const auto both = runGui({QStringLiteral("--run"), config, QStringLiteral("--resume"), QStringLiteral("--overwrite"),
                             QStringLiteral("--quit-when-done")});
    QCOMPARE(both.code, 2);

    const auto replaced = runGui({QStringLiteral("--run"), config, QStringLiteral("--overwrite"), QStringLiteral("--quit-when-done")});
    QVERIFY2(replaced.code == 0, qPrintable(replaced.out + replaced.err));
    for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
        QVERIFY(!firstIds.contains(runIdOf(tag)));
        QCOMPARE(readResults((out + "/" + tag + "/results.json").toStdString()).tokens.back(), int64_t(2048));
    }
}

QTEST_GUILESS_MAIN(TestScriptedRun)
#include "test_scripted_run.moc"
