// Never lose a finished study: starting where a study's folder holds runs asks first. Here the
// pieces the window uses: what the folder holds (folderInUse), the question and its second,
// explicit confirmation for an overwrite (askAboutFolderInUse, clicked as a user would), and
// what each answer does to the files and the start (settleFolderInUse). The --run paths are in
// test_scripted_run.
#include "study/FolderInUse.h"

#include "checkpoint/CheckpointFiles.h"
#include "common/AtomicFile.h"
#include "common/RunLock.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "results/ResultsJson.h"
#include "results/RunManifest.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <memory>
#include <unistd.h>

using namespace qks;
using namespace qks::gui;
namespace fs = std::filesystem;

namespace {

// A run as a stopped study leaves it: run.json, results.json and, when asked, one checkpoint.
void writeRun(const fs::path& dir, const std::string& tag, bool withCheckpoint)
{
    const RunManifest m = newRunManifest(tag, configToJson(presetConfig("tiny-cpu")));
    writeRunManifest(dir, m);
    RunResults r;
    r.tag = tag;
    r.tokens = {0, 1024};
    r.loss = {std::nullopt, 5.0};
    r.val_loss = {std::nullopt, 5.5};
    r.mean_pr = {20.0, 18.0};
    r.layer_pr.assign(1, {20.0, 18.0});
    if (tag != "NoQK")
        r.gamma_cv.assign(1, {0.0, 0.1});
    writeResults(r, dir / "results.json");
    if (!withCheckpoint)
        return;
    const fs::path stem = checkpointStem(dir / "checkpoints", 8);
    fs::create_directories(dir / "checkpoints");
    writeFileAtomically(stem.string() + ".safetensors", "weights");
    writeFileAtomically(stem.string() + ".optim.safetensors", "optimizer");
    TrainerState state;
    state.runId = m.runId;
    state.tag = tag;
    state.microStep = 8;
    state.config = m.config;
    writeFileAtomically(stem.string() + ".json", trainerStateJson(state));
}

QStringList g_missed; // buttons a test waited for in vain

// Clicks the button named `name` of the next message box that shows one, running `then` just
// before (to look at the box, or to wait for the one the click opens). Polls, since a box opens
// in its own event loop; gives up after 5 s, closing what is open, and notes it in g_missed.
void clickNext(const QString& name, std::function<void()> then = {})
{
    auto* timer = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, name, then, tries] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QPushButton* button = box && box->isVisible() ? box->findChild<QPushButton*>(name) : nullptr;
        if (!button) {
            if (++*tries < 500)
                return;
            g_missed << name;
            if (box)
                box->reject();
        }
        timer->stop();
        timer->deleteLater();
        if (!button)
            return;
        if (then)
            then();
        button->click();
    });
    timer->start(10);
}

} // namespace

class TestFolderInUse final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void anEmptyFolderStartsWithoutAQuestion()
    {
        const StudyConfig c = study("empty");
        QVERIFY(!folderInUse(c));
        bool asked = false;
        QString error;
        const auto start = settleFolderInUse(c, [&](const FolderInUse&) { asked = true; return FolderChoice::Cancel; }, &error);
        QVERIFY(start && !asked && !start->resume);
        QCOMPARE(start->config.study.out, c.study.out);
    }

    void theQuestionSaysWhatTheFolderHolds()
    {
        const StudyConfig c = study("held");
        writeRun(out("held") / "QK", "QK", true);
        writeRun(out("held") / "NoQK", "NoQK", false);
        fs::create_directories(out("held-2")); // taken: the suggestion goes on to -3
        const auto inUse = folderInUse(c);
        QVERIFY(inUse);
        QCOMPARE(inUse->tags, (QStringList{"QK", "NoQK"}));
        QVERIFY(inUse->resumable);
        QVERIFY2(inUse->runs[0].startsWith("QK: run ") && inUse->runs[0].contains("2 probes in results.json") &&
                     inUse->runs[0].contains("newest checkpoint step_000000008"),
                 qPrintable(inUse->runs[0]));
        QVERIFY2(inUse->runs[1].contains("no checkpoint"), qPrintable(inUse->runs[1]));
        QCOMPARE(inUse->sibling, QString::fromStdString(out("held-3").string()));

        // Without a checkpoint anywhere there is nothing to continue.
        const StudyConfig bare = study("bare");
        writeRun(out("bare") / "QK", "QK", false);
        QVERIFY(!folderInUse(bare)->resumable);
    }

    void continueResumesInThePlace()
    {
        const StudyConfig c = study("continue");
        writeRun(out("continue") / "QK", "QK", true);
        QString error;
        const auto start = settleFolderInUse(c, [](const FolderInUse&) { return FolderChoice::Continue; }, &error);
        QVERIFY(start && start->resume);
        QCOMPARE(start->config.study.out, c.study.out);
        QVERIFY(fs::exists(out("continue") / "QK" / "results.json"));
    }

    void aNewFolderLeavesTheOldRunsAlone()
    {
        const StudyConfig c = study("keep");
        writeRun(out("keep") / "QK", "QK", true);
        QString error;
        const auto start = settleFolderInUse(c, [](const FolderInUse&) { return FolderChoice::NewFolder; }, &error);
        QVERIFY(start && !start->resume);
        QCOMPARE(start->config.study.out, out("keep-2").string());
        QVERIFY(!folderInUse(start->config));
        QVERIFY(fs::exists(out("keep") / "QK" / "results.json"));
        QVERIFY(fs::exists(out("keep") / "QK" / "checkpoints" / "step_000000008.safetensors"));
    }

    void overwriteRemovesTheRunsAndTheirCheckpointsOnly()
    {
        const StudyConfig c = study("overwrite");
        writeRun(out("overwrite") / "QK", "QK", true);
        writeRun(out("overwrite") / "QK_frozen", "QK_frozen", true);
        writeFileAtomically(out("overwrite") / "QK" / "notes.txt", "the researcher's own file");
        QString error;
        const auto start = settleFolderInUse(c, [](const FolderInUse&) { return FolderChoice::Overwrite; }, &error);
        QVERIFY2(start && !start->resume, qPrintable(error));
        QVERIFY(!folderInUse(c));
        for (const char* tag : {"QK", "QK_frozen"}) {
            QVERIFY(!fs::exists(out("overwrite") / tag / "results.json"));
            QVERIFY(!fs::exists(out("overwrite") / tag / "run.json"));
            QVERIFY(!fs::exists(out("overwrite") / tag / "checkpoints"));
        }
        QVERIFY(fs::exists(out("overwrite") / "QK" / "notes.txt"));
    }

    void overwriteIsRefusedWhileARunIsWritten()
    {
        const StudyConfig c = study("busy");
        writeRun(out("busy") / "QK", "QK", true);
        const RunLock writer(out("busy") / "QK"); // another run writes there
        QString error;
        const auto start = settleFolderInUse(c, [](const FolderInUse&) { return FolderChoice::Overwrite; }, &error);
        QVERIFY(!start);
        QVERIFY2(error.contains(QString::number(::getpid())), qPrintable(error));
        QVERIFY(fs::exists(out("busy") / "QK" / "results.json"));
    }

    void cancelStartsNothing()
    {
        const StudyConfig c = study("cancel");
        writeRun(out("cancel") / "QK", "QK", true);
        QString error;
        QVERIFY(!settleFolderInUse(c, [](const FolderInUse&) { return FolderChoice::Cancel; }, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(fs::exists(out("cancel") / "QK" / "results.json"));
    }

    // The message box as a user meets it.
    void theDialogAnswersWhatWasClicked()
    {
        FolderInUse inUse;
        inUse.folder = "/data/runs/tiny-cpu";
        inUse.tags = {"QK"};
        inUse.runs = {"QK: run abc, 5 probes in results.json, newest checkpoint step_000000060"};
        inUse.resumable = true;
        inUse.sibling = "/data/runs/tiny-cpu-2";

        clickNext("continue", [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box->text().contains("/data/runs/tiny-cpu already holds runs"));
            QVERIFY(box->informativeText().contains("QK: run abc, 5 probes"));
            QCOMPARE(box->findChild<QPushButton*>("new-folder")->text(), QString("Start in tiny-cpu-2"));
        });
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::Continue);
        clickNext("new-folder");
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::NewFolder);
        clickNext("cancel");
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::Cancel);

        // Overwrite needs a second yes; "keep" asks the first question again.
        clickNext("overwrite", [] {
            clickNext("keep", [] { clickNext("cancel"); });
        });
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::Cancel);
        clickNext("overwrite", [] {
            clickNext("delete", [] {
                auto* confirm = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(confirm->text().contains("Delete the results and checkpoints of QK in /data/runs/tiny-cpu"));
            });
        });
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::Overwrite);

        // Nothing to continue: the button says why instead of failing later.
        inUse.resumable = false;
        clickNext("new-folder", [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(!box->findChild<QPushButton*>("continue")->isEnabled());
        });
        QCOMPARE(askAboutFolderInUse(nullptr, inUse), FolderChoice::NewFolder);
        QVERIFY2(g_missed.isEmpty(), qPrintable(g_missed.join(", ")));
    }

private:
    fs::path out(const std::string& name) const { return fs::path(m_dir->path().toStdString()) / name; }
    StudyConfig study(const std::string& name) const
    {
        StudyConfig c = presetConfig("tiny-cpu");
        c.study.out = out(name).string();
        return c;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestFolderInUse)
#include "test_folder_in_use.moc"
