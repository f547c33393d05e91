// A sweep in the app (issue 22 §5): a sweep folder made from the published study (three
// learning rates, two seeds each, known offsets) opens as one study per point; the sweep figure
// plots each condition's minimum PR against the swept value with its seed interval, computed
// here independently; it exports (PNG and CSV) only when a sweep is open; the New Study
// dialog's sweep rows make study.sweep and the estimate counts every point's runs.
#include "charts/ChartBuilder.h"
#include "charts/FigureKind.h"
#include "config/Presets.h"
#include "export/FigureExporter.h"
#include "results/ResultsJson.h"
#include "results/Summary.h"
#include "store/StudyStore.h"
#include "study/ConfigDialog.h"
#include "study/SweepEditor.h"

#include "TinyCorpus.h"

#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace qks;
using namespace qks::gui;

namespace {

const QString kPublished = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");
const double kRates[3] = {0.006, 0.012, 0.024};
const double kSeedOffset[2] = {-1.0, 1.0}; // PR offset of seed 1 and 2; point i adds 3·i

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void writeSweep(const QString& root)
{
    QDir().mkpath(root);
    writeFile(root + "/config.json", R"({"study": {"sweep": {"train.muon_lr": [0.006, 0.012, 0.024]}, "seeds": [1, 2]}})");
    for (int i = 0; i < 3; ++i) {
        const QString point = root + QStringLiteral("/train.muon_lr=%1").arg(kRates[i]);
        for (int s = 0; s < 2; ++s)
            for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
                RunResults r = readResults((kPublished + "/" + tag + "/results.json").toStdString());
                for (double& v : r.mean_pr)
                    v += kSeedOffset[s] + 3.0 * i;
                const QString folder = point + QStringLiteral("/seed_%1/").arg(s + 1) + tag;
                QDir().mkpath(folder);
                writeResults(r, (folder + "/results.json").toStdString());
            }
        writeFile(point + "/config.json", R"({"study": {"seeds": [1, 2]}})");
    }
}

} // namespace

class TestSweepViews : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    StudyStore m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        writeSweep(m_dir.path() + "/sweep");
        QString error;
        QVERIFY2(m_store.open(m_dir.path() + "/sweep", &error) >= 0, qPrintable(error));
    }

    void eachPointOpensAsAStudy()
    {
        QCOMPARE(m_store.studies().size(), 3);
        for (const OpenStudy& s : m_store.studies()) {
            QVERIFY(s.multiSeed());
            QVERIFY(s.name.startsWith(QStringLiteral("train.muon_lr=")));
        }
    }

    void theSweepFigurePlotsTheMetricAgainstTheValue()
    {
        FigureOptions o;
        o.sweepMetric = QStringLiteral("min_pr");
        const BuiltFigure fig = buildChartFigure(FigureKind::Sweep, m_store.studies(), o, ChartTheme::paper());
        QVERIFY2(fig.emptyReason.isEmpty(), qPrintable(fig.emptyReason));
        QCOMPARE(fig.series.size(), 3); // one line per condition
        QCOMPARE(fig.xTitle, QStringLiteral("train.muon_lr"));
        // Learned γ: the published minimum + the point's 3·i + the seeds' mean offset (0); the
        // interval ± t(0.975, 1) · sd / √2 with sd = √2: ± 12.706204736174707.
        const RunResults qk = readResults((kPublished + "/QK/results.json").toStdString());
        const double published = *summarizeRun(qk).min_pr;
        const PlottedSeries& learned = fig.series.front();
        QCOMPARE(learned.name, QStringLiteral("Learned γ"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(learned.points[i].x(), kRates[i]);
            QVERIFY(std::abs(learned.points[i].y() - (published + 3.0 * i)) < 1e-9);
            QVERIFY(std::abs(fig.bands.front().upper[i].y() - (published + 3.0 * i + 12.706204736174707)) < 1e-6);
        }
        delete fig.chart;
        // Recovery = final − minimum, per seed: the offsets cancel, so every point equals the published recovery.
        o.sweepMetric = QStringLiteral("recovery");
        const BuiltFigure rec = buildChartFigure(FigureKind::Sweep, m_store.studies(), o, ChartTheme::paper());
        const double recovery = qk.mean_pr.back() - published;
        for (const QPointF& p : rec.series.front().points)
            QVERIFY(std::abs(p.y() - recovery) < 1e-9);
        delete rec.chart;
    }

    void theSweepExportsOnlyWhenOneIsOpen()
    {
        ExportOptions o;
        o.outDir = m_dir.path() + "/out";
        o.formats = {ExportFormat::Png, ExportFormat::Csv};
        QString error;
        const QVector<ExportedFigure> all = exportAllFigures(m_store.studies(), o, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const ExportedFigure& f) { return f.stem == QLatin1String("8_sweep"); }));
        QVERIFY(QFile::exists(o.outDir + "/8_sweep.png"));
        QFile csv(o.outDir + "/8_sweep.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("(95% CI) low"));

        StudyStore published;
        QVERIFY(published.open(kPublished) >= 0);
        o.outDir = m_dir.path() + "/published";
        const QVector<ExportedFigure> plain = exportAllFigures(published.studies(), o, &error);
        QVERIFY(std::none_of(plain.cbegin(), plain.cend(), [](const ExportedFigure& f) { return f.stem == QLatin1String("8_sweep"); }));
    }

    void theDialogMakesASweep()
    {
        qks::testing::prepareTinyTokens(m_dir.path());
        StudyConfig c = presetConfig("tiny-cpu");
        c.model.vocab_size = 300;
        c.model.max_seq_len = 32;
        c.data.path = (m_dir.path() + "/tokens").toStdString();
        c.study.out = (m_dir.path() + "/dialog").toStdString();
        c.train.device = "cpu";
        ConfigDialog d;
        d.setConfig(c);
        auto* editor = d.findChild<SweepEditor*>();
        QVERIFY(editor);
        auto* table = editor->findChild<QTableWidget*>(QStringLiteral("sweep-table"));
        editor->findChild<QPushButton*>(QStringLiteral("sweep-add"))->click();
        QCOMPARE(table->rowCount(), 1);
        static_cast<QComboBox*>(table->cellWidget(0, 0))->setCurrentText(QStringLiteral("train.muon_lr"));
        static_cast<QLineEdit*>(table->cellWidget(0, 1))->setText(QStringLiteral("0.006, 0.012"));
        editor->findChild<QPushButton*>(QStringLiteral("sweep-add"))->click();
        static_cast<QComboBox*>(table->cellWidget(1, 0))->setCurrentText(QStringLiteral("train.kernels"));
        static_cast<QLineEdit*>(table->cellWidget(1, 1))->setText(QStringLiteral("fused, reference"));
        QVERIFY2(d.issues().isEmpty(), qPrintable(d.issues().join(QLatin1Char('\n'))));
        const StudyConfig made = d.config();
        QCOMPARE(made.study.sweep.size(), size_t(2));
        QCOMPARE(made.study.sweep[0].values, (std::vector<std::string>{"0.006", "0.012"}));
        QCOMPARE(made.study.sweep[1].values, (std::vector<std::string>{"\"fused\"", "\"reference\""}));
        // 3 conditions × 4 points.
        QVERIFY2(d.estimateText().contains(QStringLiteral("Runs: 12 (conditions 3 × seeds 1 × sweep points 4)")),
                 qPrintable(d.estimateText()));
        // A point the rules refuse blocks Start and is named.
        static_cast<QLineEdit*>(table->cellWidget(0, 1))->setText(QStringLiteral("0.006, -1"));
        QVERIFY(!d.startButton()->isEnabled());
        QVERIFY2(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("train.muon_lr=-1")),
                 qPrintable(d.issues().join(QLatin1Char('\n'))));
        // The same setting twice is named too.
        static_cast<QLineEdit*>(table->cellWidget(0, 1))->setText(QStringLiteral("0.006"));
        static_cast<QComboBox*>(table->cellWidget(1, 0))->setCurrentText(QStringLiteral("train.muon_lr"));
        QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("twice")));
        // And the grid survives setConfig.
        static_cast<QComboBox*>(table->cellWidget(1, 0))->setCurrentText(QStringLiteral("train.kernels"));
        d.setConfig(made);
        QCOMPARE(d.config().study.sweep, made.study.sweep);
    }
};

QTEST_MAIN(TestSweepViews)
#include "test_sweep_views.moc"
