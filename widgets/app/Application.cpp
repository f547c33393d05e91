#include "app/Application.h"

#include "app/GuiBenchmark.h"
#include "app/StallMeter.h"
#include "app/Translations.h"
#include "charts/FigureKind.h"
#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "export/FigureExporter.h"
#include "run/StudyController.h"
#include "store/StudyStore.h"
#include "study/ConfigDialog.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace qks::gui {

namespace {

// The offscreen platform warns that it cannot resize native windows; that is expected there
// and only clutters the output of the headless modes.
void quietOffscreenWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("propagateSizeHints")))
        return;
    std::fputs(qPrintable(qFormatLogMessage(type, context, message) + QLatin1Char('\n')), stderr);
}

// Modes that need no screen run on the offscreen platform when there is no display.
void chooseHeadlessPlatform(int argc, char** argv)
{
    bool headless = false;
    for (int i = 1; i < argc; ++i) {
        // A scripted run that quits by itself can run without a screen too.
        for (const char* flag : {"--export-figures", "--benchmark", "--screenshot", "--help", "-h", "--version", "-v",
                                 "--quit-when-done"}) {
            if (std::strcmp(argv[i], flag) == 0)
                headless = true;
        }
    }
    const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (headless && !display && !std::getenv("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (headless)
        qInstallMessageHandler(quietOffscreenWarnings);
}

struct Loaded {
    QVector<OpenStudy> studies;
    QString error;
};

// Opens the folders for a headless mode: every one must load, and every run must parse.
Loaded openForExport(StudyStore& store, const QStringList& folders)
{
    Loaded out;
    for (const QString& f : folders) {
        QString error;
        if (store.open(f, &error) < 0) {
            out.error = error;
            return out;
        }
    }
    for (const OpenStudy& s : store.studies()) {
        for (const RunEntry& r : s.runs) {
            if (!r.error.isEmpty()) {
                out.error = QCoreApplication::translate("qks::gui::Application", "%1: %2").arg(QDir::toNativeSeparators(r.folder), r.error);
                return out;
            }
        }
    }
    out.studies = store.studies();
    return out;
}

int exportMode(const QCommandLineParser& args, QTextStream& out, QTextStream& err)
{
    const QStringList folders = args.positionalArguments();
    if (folders.isEmpty() || !args.isSet(QStringLiteral("out"))) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: --export-figures needs at least one results folder and --out OUTDIR") << "\n";
        return 2;
    }
    ExportOptions o;
    o.outDir = args.value(QStringLiteral("out"));
    QString error;
    if (!parseFormats(args.value(QStringLiteral("format")), &o.formats, &error)) {
        err << "qkstudio: " << error << "\n";
        return 2;
    }
    const auto theme = ChartTheme::byName(args.value(QStringLiteral("theme")));
    if (!theme) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: unknown theme '%1'; use paper or dark").arg(args.value(QStringLiteral("theme"))) << "\n";
        return 2;
    }
    o.theme = *theme;
    const auto size = figureSizeByName(args.value(QStringLiteral("size")));
    if (!size) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: unknown size '%1'; use one-column, two-column or wide").arg(args.value(QStringLiteral("size")))
            << "\n";
        return 2;
    }
    o.size = *size;
    bool ok = false;
    o.dpi = args.value(QStringLiteral("dpi")).toInt(&ok);
    if (!ok || o.dpi < 36 || o.dpi > 2400) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: --dpi must be a whole number from 36 to 2400") << "\n";
        return 2;
    }
    const double smoothing = args.value(QStringLiteral("smoothing")).toDouble(&ok);
    if (!ok || smoothing < 0.0 || smoothing > 0.99) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: --smoothing must be a number from 0 to 0.99") << "\n";
        return 2;
    }
    o.figure.smoothing = smoothing;

    StudyStore store;
    const Loaded loaded = openForExport(store, folders);
    if (!loaded.error.isEmpty()) {
        err << "qkstudio: " << loaded.error << "\n";
        return 3;
    }
    const QVector<ExportedFigure> figures = exportAllFigures(loaded.studies, o, &error);
    int files = 0;
    for (const ExportedFigure& f : figures) {
        for (const QString& file : f.files)
            out << QDir::toNativeSeparators(file) << "\n";
        files += int(f.files.size());
        if (!f.skipped.isEmpty())
            err << QCoreApplication::translate("qks::gui::Application", "qkstudio: skipped %1: %2").arg(f.stem, f.skipped) << "\n";
    }
    if (!error.isEmpty()) {
        err << "qkstudio: " << error << "\n";
        return 1;
    }
    err << QCoreApplication::translate("qks::gui::Application", "qkstudio: wrote %1 files to %2").arg(files).arg(QDir::toNativeSeparators(o.outDir)) << "\n";
    return 0;
}

// The exit code of a scripted run, as qkstudio-cli's: 0 done, 2 config, 3 data, 4 diverged,
// 5 out of memory, 130 stopped, 1 anything else.
int exitCodeFor(const QVector<JobOutcome>& outcomes)
{
    int code = 0;
    for (const JobOutcome& o : outcomes) {
        int c = 0;
        if (o.state == JobState::Failed)
            c = o.exitCode != 0 ? o.exitCode : 1;
        else if (o.state == JobState::Stopped || o.state == JobState::Cancelled)
            c = exitCodeFor(ErrorKind::Cancelled);
        code = code == 0 ? c : code;
    }
    return code;
}

// `--run CONFIG.json`: the same path as File → New Study → Start, then optionally a
// screenshot and quit when every run has ended.
int runMode(QApplication& app, const QCommandLineParser& args, QTextStream& out, QTextStream& err)
{
    StudyConfig config;
    try {
        config = loadConfigFile(args.value(QStringLiteral("run")).toStdString(), presetConfig("tiny-cpu"));
    } catch (const std::exception& e) {
        err << "qkstudio: " << QString::fromUtf8(e.what()) << "\n";
        return 2;
    }
    MainWindow window;
    // Unattended (it quits or photographs itself): no question may wait for an answer. A user
    // who only started the study from the command line is asked as in the window.
    window.setScripted(args.isSet(QStringLiteral("quit-when-done")) || args.isSet(QStringLiteral("screenshot")) ||
                       args.isSet(QStringLiteral("progress-shots")));
    if (args.isSet(QStringLiteral("theme")))
        window.setThemeName(args.value(QStringLiteral("theme")));
    window.resize(1440, 900);
    window.show();
    QVector<JobOutcome> outcomes;
    QObject::connect(window.controller(), &StudyController::jobFinished, &window, [&](const JobOutcome& o) {
        outcomes.push_back(o);
        out << QStringLiteral("qkstudio: %1/%2: %3%4\n")
                   .arg(QFileInfo(o.studyDir).fileName(), o.tag,
                        o.state == JobState::Finished  ? QStringLiteral("finished")
                        : o.state == JobState::Stopped ? QStringLiteral("stopped")
                        : o.state == JobState::Failed  ? QStringLiteral("failed (") + o.errorKind + QLatin1Char(')')
                                                       : QStringLiteral("cancelled"),
                        o.error.isEmpty() ? QString() : QStringLiteral(": ") + o.error);
        out.flush();
    });
    // --progress-shots PREFIX: the window at 25%, 50% and 75% of the study's tokens.
    if (args.isSet(QStringLiteral("progress-shots"))) {
        const QString prefix = args.value(QStringLiteral("progress-shots"));
        auto next = std::make_shared<int>(25);
        QObject::connect(window.store(), &StudyStore::liveChanged, &window, [&window, prefix, next, &out] {
            // Study progress in tokens; runs that have not reported their size yet are assumed
            // to be as long as the ones that have.
            qint64 done = 0, sizedTotal = 0;
            int runs = 0, sized = 0;
            for (const OpenStudy& s : window.store()->studies()) {
                for (const RunEntry& r : s.runs) {
                    if (!r.live)
                        continue;
                    ++runs;
                    if (r.live->totalTokens <= 0)
                        continue;
                    ++sized;
                    sizedTotal += r.live->totalTokens;
                    done += r.live->state == JobState::Finished ? r.live->totalTokens : r.live->tokens;
                }
            }
            if (sized == 0 || *next > 75)
                return;
            const qint64 total = sizedTotal * runs / sized;
            if (done * 100 < total * *next)
                return;
            window.stallMeter()->pause();
            for (const FigureKind kind : {FigureKind::Loss, FigureKind::KeyPr}) {
                window.showFigure(kind);
                window.refreshAll();
                QCoreApplication::processEvents();
                const QString file = QStringLiteral("%1-%2%3.png")
                                         .arg(prefix)
                                         .arg(*next)
                                         .arg(kind == FigureKind::Loss ? QStringLiteral("-loss") : QString());
                window.grab().toImage().save(file, "PNG");
                out << "qkstudio: screenshot at " << *next << "% " << QDir::toNativeSeparators(file) << "\n";
            }
            out.flush();
            *next += 25;
            window.stallMeter()->resume();
        });
    }
    const bool quit = args.isSet(QStringLiteral("quit-when-done"));
    int code = 0;
    QObject::connect(window.controller(), &StudyController::idle, &window, [&] {
        window.stallMeter()->stop();
        window.showFigure(FigureKind::KeyPr);
        window.refreshAll();
        QCoreApplication::processEvents();
        if (args.isSet(QStringLiteral("screenshot"))) {
            const QString file = args.value(QStringLiteral("screenshot"));
            if (!window.grab().toImage().save(file, "PNG"))
                err << "qkstudio: cannot write " << file << "\n";
            else
                out << "qkstudio: screenshot " << QDir::toNativeSeparators(file) << "\n";
        }
        out << QStringLiteral("qkstudio: longest event-loop stall while training: %1 ms\n")
                   .arg(window.stallMeter()->longestStallMs(), 0, 'f', 1);
        out.flush();
        code = exitCodeFor(outcomes);
        if (quit)
            app.exit(code);
    });
    // A folder that holds runs already: --resume continues them, --overwrite replaces them;
    // without either nothing starts (a script has no one to ask).
    const auto answer = [&](const FolderInUse& inUse) {
        if (args.isSet(QStringLiteral("resume")))
            return FolderChoice::Continue;
        if (args.isSet(QStringLiteral("overwrite")))
            return FolderChoice::Overwrite;
        err << QCoreApplication::translate("qks::gui::Application",
                                           "qkstudio: %1 already holds runs of this study:\n  %2\nContinue them with "
                                           "--resume, replace them with --overwrite (their results and checkpoints "
                                           "are deleted), or set study.out to another folder.")
                   .arg(QDir::toNativeSeparators(inUse.folder), inUse.runs.join(QStringLiteral("\n  ")))
            << "\n";
        return FolderChoice::Cancel;
    };
    if (args.isSet(QStringLiteral("resume")) && args.isSet(QStringLiteral("overwrite"))) {
        err << QCoreApplication::translate("qks::gui::Application",
                                           "qkstudio: --resume continues the runs in the folder; --overwrite deletes "
                                           "them: use one")
            << "\n";
        return 2;
    }
    QString error;
    if (!window.startStudy(config, std::nullopt, &error, answer)) {
        if (!error.isEmpty())
            err << "qkstudio: " << error << "\n";
        return 2;
    }
    out << "qkstudio: study started in " << QDir::toNativeSeparators(QString::fromStdString(config.study.out)) << "\n";
    out.flush();
    const int result = app.exec();
    return quit ? result : code;
}

int screenshotMode(const QCommandLineParser& args, QTextStream& err)
{
    // The New Study dialog, filled from a configuration file when DIR is one.
    if (args.value(QStringLiteral("figure")) == QLatin1String("new-study")) {
        ConfigDialog dialog;
        const QStringList files = args.positionalArguments();
        QString error;
        if (!files.isEmpty() && !dialog.loadFile(files.first(), &error)) {
            err << "qkstudio: " << error << "\n";
            return 2;
        }
        // The whole form, unscrolled: a picture for the documentation, not a screen.
        const QWidget* form = dialog.findChild<QScrollArea*>(QStringLiteral("form-scroll"))->widget();
        dialog.resize(std::max(dialog.width(), 760), form->sizeHint().height() + 120);
        dialog.show();
        QCoreApplication::processEvents();
        if (!dialog.grab().toImage().save(args.value(QStringLiteral("screenshot")), "PNG")) {
            err << QCoreApplication::translate("qks::gui::Application", "qkstudio: cannot write %1").arg(args.value(QStringLiteral("screenshot"))) << "\n";
            return 1;
        }
        return 0;
    }
    MainWindow window;
    if (args.isSet(QStringLiteral("theme")))
        window.setThemeName(args.value(QStringLiteral("theme")));
    for (const QString& f : args.positionalArguments()) {
        if (!window.openFolder(f, true)) {
            err << QCoreApplication::translate("qks::gui::Application", "qkstudio: cannot open %1").arg(f) << "\n";
            return 3;
        }
    }
    if (args.isSet(QStringLiteral("figure"))) {
        const QString name = args.value(QStringLiteral("figure"));
        bool found = false;
        for (FigureKind kind : allFigureKinds()) {
            if (figureFileStem(kind) == name) {
                window.showFigure(kind);
                found = true;
            }
        }
        if (name == QLatin1String("side-by-side")) {
            window.showSideBySide();
            found = true;
        }
        if (!found) {
            err << QCoreApplication::translate("qks::gui::Application", "qkstudio: unknown figure '%1'; use a file stem such as 2_key_pr_causal, or side-by-side")
                       .arg(name)
                << "\n";
            return 2;
        }
    }
    window.resize(1440, 900);
    window.show();
    window.refreshAll();
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (!image.save(args.value(QStringLiteral("screenshot")), "PNG")) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: cannot write %1").arg(args.value(QStringLiteral("screenshot"))) << "\n";
        return 1;
    }
    return 0;
}

} // namespace

int runApplication(int argc, char** argv)
{
    chooseHeadlessPlatform(argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QKStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("qkstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QKS_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("QK Studio"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.qkstudio.QKStudio"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("qkstudio"), QIcon(QStringLiteral(":/icons/qkstudio.svg"))));

    // The language option is read before the parser so that --help itself is translated.
    QString languageArg;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--language") == 0)
            languageArg = QString::fromLocal8Bit(argv[i + 1]);
    }
    installTranslations(chosenLanguage(languageArg));

    QCommandLineParser args;
    args.setApplicationDescription(QCoreApplication::translate("qks::gui::Application", "QK Studio: attention-key rank collapse under QK-Norm.\n"
                                         "Opens results folders; exports the study's figures without a display."));
    args.addHelpOption();
    args.addVersionOption();
    args.addPositionalArgument(QStringLiteral("folders"), QCoreApplication::translate("qks::gui::Application", "Study or condition folders to open."),
                               QStringLiteral("[DIR...]"));
    args.addOptions({
        {QStringLiteral("export-figures"), QCoreApplication::translate("qks::gui::Application", "Write the study's figures of DIR... and exit.")},
        {QStringLiteral("out"), QCoreApplication::translate("qks::gui::Application", "Folder for --export-figures."), QStringLiteral("OUTDIR")},
        {QStringLiteral("format"), QCoreApplication::translate("qks::gui::Application", "Comma-separated: png, svg, pdf, csv (default png)."), QStringLiteral("LIST"),
         QStringLiteral("png")},
        {QStringLiteral("theme"), QCoreApplication::translate("qks::gui::Application", "paper or dark (default paper for exports)."), QStringLiteral("THEME"),
         QStringLiteral("paper")},
        {QStringLiteral("size"), QCoreApplication::translate("qks::gui::Application", "one-column (3.5 in), two-column (7 in) or wide (default two-column)."),
         QStringLiteral("SIZE"), QStringLiteral("two-column")},
        {QStringLiteral("dpi"), QCoreApplication::translate("qks::gui::Application", "PNG resolution (default 300)."), QStringLiteral("N"), QStringLiteral("300")},
        {QStringLiteral("smoothing"), QCoreApplication::translate("qks::gui::Application", "EMA smoothing weight 0-0.99 for exported line figures (default 0)."),
         QStringLiteral("W"), QStringLiteral("0")},
        {QStringLiteral("benchmark"), QCoreApplication::translate("qks::gui::Application", "Time opening DIR... and drawing every figure, then exit.")},
        {QStringLiteral("screenshot"), QCoreApplication::translate("qks::gui::Application", "Save the window with DIR... open as a PNG and exit."), QStringLiteral("FILE")},
        {QStringLiteral("figure"), QCoreApplication::translate("qks::gui::Application", "With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side), or new-study for the dialog."),
         QStringLiteral("STEM")},
        {QStringLiteral("run"), QCoreApplication::translate("qks::gui::Application", "Start the study described by a configuration file (as saved by New Study, or qkstudio-cli config)."),
         QStringLiteral("CONFIG")},
        {QStringLiteral("progress-shots"), QCoreApplication::translate("qks::gui::Application", "With --run: save the window at 25%, 50% and 75% of the study as PREFIX-25.png ..."),
         QStringLiteral("PREFIX")},
        {QStringLiteral("quit-when-done"), QCoreApplication::translate("qks::gui::Application", "With --run: quit when every run has ended (exit code as qkstudio-cli).")},
        {QStringLiteral("resume"), QCoreApplication::translate("qks::gui::Application", "With --run: continue the runs the output folder holds from their newest checkpoints.")},
        {QStringLiteral("overwrite"), QCoreApplication::translate("qks::gui::Application", "With --run: delete the runs the output folder holds (results, checkpoints), then start.")},
        {QStringLiteral("language"), QCoreApplication::translate("qks::gui::Application", "Interface language: en, de, zh_CN (default: Preferences, else the system's)."),
         QStringLiteral("CODE")},
    });
    args.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isSet(QStringLiteral("export-figures")))
        return exportMode(args, out, err);
    if (args.isSet(QStringLiteral("run")))
        return runMode(app, args, out, err);
    if (args.isSet(QStringLiteral("benchmark")))
        return runGuiBenchmark(args.positionalArguments(), 5, out, err);
    if (args.isSet(QStringLiteral("screenshot")))
        return screenshotMode(args, err);
    if (args.isSet(QStringLiteral("quit-when-done"))) {
        err << QCoreApplication::translate("qks::gui::Application", "qkstudio: --quit-when-done needs --run CONFIG") << "\n";
        return 2;
    }

    MainWindow window;
    for (const QString& f : args.positionalArguments())
        window.openFolder(f);
    window.show();
    return app.exec();
}

} // namespace qks::gui
