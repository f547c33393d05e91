// The window around runs on the offscreen platform: live progress, the Study menu's actions,
// closing while a run trains, Close All and Open Recent.
#include "run/StudyController.h"
#include "results/RunFolder.h"
#include "store/StudyStore.h"
#include "window/FigurePanel.h"
#include "window/MainWindow.h"
#include "window/RunsPanel.h"
#include "charts/InteractiveChartView.h"

#include "TinyCorpus.h"
#include "TinyStudyConfig.h"
#include "WindowTestSupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace qks;
using namespace qks::gui;
using qks::testing::answerWhenShown;
using qks::testing::lineNamed;

namespace {

const QString& kStudy = qks::testing::kPublishedStudy;

} // namespace

class TestRunLifecycle final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aRunningStudyShowsEveryStepAndProgress();
    void runActionsApplyOnlyWhenTheyWouldDoSomething();
    void closingWhileTrainingAsksThenStopsAtACheckpoint();
    void closeAllAsksAndOpenRecentForgetsWhatFails();
};

void TestRunLifecycle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestRunLifecycle::aRunningStudyShowsEveryStepAndProgress()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    const QString path = w.store()->studies()[0].path;
    w.store()->updateLive(path, QStringLiteral("QK"), [](LiveRun& live) {
        live.state = JobState::Running;
        live.tokens = 25'000'000;
        live.totalTokens = 50'000'000;
        live.tokensPerSecond = 12'345;
        live.etaSeconds = 2025;
        live.stepLoss = {{49.16, 3.7}, {49.17, 3.6}, {49.18, 3.65}};
    });
    w.refreshAll();
    w.runsPanel()->refresh();
    QChart* loss = w.figurePanel(FigureKind::Loss)->chartView()->chart();
    QLineSeries* steps = lineNamed(loss, QStringLiteral("Learned γ (every step)"));
    QVERIFY(steps);
    QCOMPARE(steps->count(), 3);
    QTreeWidgetItem* qk = w.runsPanel()->tree()->topLevelItem(0)->child(0);
    QVERIFY2(qk->text(1).startsWith(QStringLiteral("50% ·")), qPrintable(qk->text(1)));
    QVERIFY(qk->text(1).contains(QStringLiteral("0:33:45"))); // ETA
    QCOMPARE(qk->text(2), QStringLiteral("25.0M"));

    // Finished: the figure is what the file holds, nothing more.
    w.store()->updateLive(path, QStringLiteral("QK"), [](LiveRun& live) {
        live.state = JobState::Finished;
        live.stepLoss.clear();
    });
    w.refreshAll();
    w.runsPanel()->refresh();
    QVERIFY(!lineNamed(w.figurePanel(FigureKind::Loss)->chartView()->chart(), QStringLiteral("Learned γ (every step)")));
    QVERIFY(w.runsPanel()->tree()->topLevelItem(0)->child(0)->text(1).startsWith(QStringLiteral("26 probe")));
}

// With nothing training, Stop, Stop All and Cancel Queued are off (they did nothing, silently);
// Resume needs a selected run. Stop (this run) and Stop All (running and queued) are apart,
// each saying what it does.

void TestRunLifecycle::runActionsApplyOnlyWhenTheyWouldDoSomething()
{
    MainWindow w;
    const auto action = [&](const QString& text) -> QAction* {
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text() == text)
                return a;
        return nullptr;
    };
    QAction* stop = action(QStringLiteral("&Stop Run"));
    QAction* stopAll = action(QStringLiteral("Stop &All"));
    QAction* cancel = action(QStringLiteral("&Cancel Queued Runs"));
    QAction* resume = action(QStringLiteral("&Resume Selected Run"));
    QVERIFY(stop && stopAll && cancel && resume);
    for (QAction* a : {stop, stopAll, cancel, resume})
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    QVERIFY(stop->toolTip().contains(QStringLiteral("queued runs stay queued")));
    QVERIFY(stopAll->toolTip().contains(QStringLiteral("cancel the queued runs")));

    QVERIFY(w.openFolder(kStudy, true));
    QTreeWidgetItem* qk = w.runsPanel()->tree()->topLevelItem(0)->child(0);
    w.runsPanel()->tree()->setCurrentItem(qk);
    QVERIFY(resume->isEnabled());
    w.runsPanel()->tree()->setCurrentItem(w.runsPanel()->tree()->topLevelItem(0)); // a study, not a run
    QVERIFY(!resume->isEnabled());
    QVERIFY(!stop->isEnabled());
}


void TestRunLifecycle::closingWhileTrainingAsksThenStopsAtACheckpoint()
{
    QTemporaryDir dir;
    qks::testing::prepareTinyTokens(dir.path(), 3, 4000, 99);
    const QString out = dir.path() + QStringLiteral("/study");
    // Far more tokens than the test waits for.
    StudyConfig c = qks::testing::tinyStudyConfig(dir.path() + QStringLiteral("/tokens"), out, int64_t(1) << 24);
    c.train.threads = 1;
    c.study.conditions = {"QK"};

    {
        MainWindow w;
        w.show();
        QString error;
        QVERIFY2(w.startStudy(c, std::nullopt, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out + QStringLiteral("/QK/results.json")), 60000);

        // Close All keeps a study whose run trains open (closing it would hide a run that writes on).
        bool closeAll = false;
        answerWhenShown(QStringLiteral("close-all"), QStringLiteral("Close All"), &closeAll);
        w.closeAllStudies();
        QVERIFY(closeAll);
        QCOMPARE(w.store()->studies().size(), qsizetype(1));

        // Keep training: the window stays, the run goes on.
        bool answered = false;
        answerWhenShown(QStringLiteral("close-while-training"), QStringLiteral("Keep Training"), &answered);
        QVERIFY(!w.close());
        QVERIFY(answered);
        QVERIFY(w.isVisible());
        QVERIFY(w.controller()->isBusy());

        // Stop, save and quit: the close waits for the stop to reach its checkpoint.
        answered = false;
        answerWhenShown(QStringLiteral("close-while-training"), QStringLiteral("Stop, Save and Quit"), &answered);
        QVERIFY(w.close());
        QVERIFY(answered);
        QVERIFY(!w.controller()->isBusy());
        QVERIFY(!inspectRunFolder((out + QStringLiteral("/QK")).toStdString()).checkpoints.empty());
    }
    // Opened again, the run says it stopped and can resume: not "live", though it wrote just now.
    MainWindow again;
    QVERIFY(again.openFolder(out, true));
    again.refreshAll();
    const QString status = again.runsPanel()->tree()->topLevelItem(0)->child(0)->text(1);
    QVERIFY2(status.contains(QStringLiteral("resumable")) && !status.contains(QStringLiteral("live")), qPrintable(status));
}


void TestRunLifecycle::closeAllAsksAndOpenRecentForgetsWhatFails()
{
    QSettings().remove(QStringLiteral("recentFolders"));
    QTemporaryDir dir;
    const QString gone = dir.path() + QStringLiteral("/gone");
    QVERIFY(QDir().mkpath(gone + QStringLiteral("/QK")));
    QVERIFY(QFile::copy(kStudy + QStringLiteral("/QK/results.json"), gone + QStringLiteral("/QK/results.json")));
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    QVERIFY(w.openFolder(gone, true));
    const auto recentTexts = [&] {
        QStringList texts;
        for (QAction* a : w.findChild<QMenu*>(QStringLiteral("recent-menu"))->actions())
            texts << a->text();
        return texts;
    };
    QVERIFY(recentTexts().contains(QDir::toNativeSeparators(gone)));

    // Cancel keeps both studies; Close All closes them.
    bool answered = false;
    answerWhenShown(QStringLiteral("close-all"), QStringLiteral("Cancel"), &answered);
    w.closeAllStudies();
    QVERIFY(answered);
    QCOMPARE(w.store()->studies().size(), qsizetype(2));
    answered = false;
    answerWhenShown(QStringLiteral("close-all"), QStringLiteral("Close All"), &answered);
    w.closeAllStudies();
    QVERIFY(answered);
    QCOMPARE(w.store()->studies().size(), qsizetype(0));

    // An empty folder is not a study: a dialog says why (not only the status bar).
    QTemporaryDir empty;
    answered = false;
    answerWhenShown(QString(), QStringLiteral("OK"), &answered);
    QVERIFY(!w.openFolder(empty.path()));
    QVERIFY(answered);

    // A recent folder that no longer opens leaves the list.
    QVERIFY(QDir(gone).removeRecursively());
    QVERIFY(!w.openFolder(gone, true));
    QVERIFY(!recentTexts().contains(QDir::toNativeSeparators(gone)));
    QVERIFY(recentTexts().contains(QDir::toNativeSeparators(kStudy)));
}


QTEST_MAIN(TestRunLifecycle)
#include "test_run_lifecycle.moc"
