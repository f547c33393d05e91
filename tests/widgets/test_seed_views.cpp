// A multi-seed study in the app (issue 22 §4): three seed folders made from the published
// study with known offsets open as one study; each condition draws as its mean with a 95%
// band whose ends match a Student-t computation done here; the bars get error bars (the
// causal effects paired by seed); the views switch to every seed or one seed and keep what the
// user hid; the bands survive CSV and SVG export.
#include "charts/ChartBuilder.h"
#include "charts/FigureKind.h"
#include "export/FigureExporter.h"
#include "results/ResultsJson.h"
#include "store/StudyStore.h"

#include <QAreaSeries>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace qks;
using namespace qks::gui;

namespace {

const QString kPublished = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");
const double kOffsets[3] = {-1.0, 0.5, 2.5}; // added to every PR of seed 1, 2, 3
const double kT2 = 4.302652729911275;         // t(0.975, 2)

// seed_<n>/<tag>/results.json: the published run with every PR shifted by the seed's offset.
void writeSeeds(const QString& dir)
{
    for (int s = 0; s < 3; ++s)
        for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
            RunResults r = readResults((kPublished + "/" + tag + "/results.json").toStdString());
            for (double& v : r.mean_pr)
                v += kOffsets[s];
            for (auto& layer : r.layer_pr)
                for (double& v : layer)
                    v += kOffsets[s] * (tag == std::string("QK") ? 2.0 : 1.0); // the γ effect varies by seed
            const QString folder = dir + QStringLiteral("/seed_%1/").arg(s + 1) + tag;
            QDir().mkpath(folder);
            writeResults(r, (folder + "/results.json").toStdString());
        }
    QFile config(dir + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"study": {"seeds": [1, 2, 3]}})");
}

double halfWidth(const double offsets[3])
{
    const double mean = (offsets[0] + offsets[1] + offsets[2]) / 3;
    double ss = 0;
    for (int i = 0; i < 3; ++i)
        ss += (offsets[i] - mean) * (offsets[i] - mean);
    return kT2 * std::sqrt(ss / 2) / std::sqrt(3.0);
}

int countSeries(QChart* chart, const char* type)
{
    int n = 0;
    for (QAbstractSeries* s : chart->series())
        n += QString::fromLatin1(s->metaObject()->className()) == QLatin1String(type) ? 1 : 0;
    return n;
}

} // namespace

class TestSeedViews : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    StudyStore m_store;
    RunResults m_qk;

private Q_SLOTS:
    void initTestCase()
    {
        writeSeeds(m_dir.path());
        m_qk = readResults((kPublished + "/QK/results.json").toStdString());
        QString error;
        QCOMPARE(m_store.open(m_dir.path(), &error), 0);
    }

    void oneStudyOfMeans()
    {
        const OpenStudy& s = m_store.studies().front();
        QVERIFY(s.multiSeed());
        QCOMPARE(s.seeds, (QVector<qint64>{1, 2, 3}));
        QCOMPARE(s.seedRuns.size(), 9);
        QCOMPARE(s.runs.size(), 3);
        const RunEntry& qk = s.runs.front();
        QCOMPARE(qk.tag, QStringLiteral("QK"));
        QCOMPARE(qk.seedCount(), 3);
        const double meanOffset = (kOffsets[0] + kOffsets[1] + kOffsets[2]) / 3;
        for (size_t k = 0; k < m_qk.probeCount(); ++k)
            QVERIFY(std::abs(qk.results->mean_pr[k] - (m_qk.mean_pr[k] + meanOffset)) < 1e-9);
    }

    void theKeyPrFigureDrawsBands()
    {
        const BuiltFigure fig = buildChartFigure(FigureKind::KeyPr, m_store.studies(), FigureOptions{}, ChartTheme::paper());
        QCOMPARE(countSeries(fig.chart, "QAreaSeries"), 3);
        QCOMPARE(fig.bands.size(), 3);
        const double half = halfWidth(kOffsets);
        const double meanOffset = (kOffsets[0] + kOffsets[1] + kOffsets[2]) / 3;
        const PlottedBand& band = fig.bands.front();
        QCOMPARE(band.lower.size(), qsizetype(m_qk.probeCount()));
        for (qsizetype k = 0; k < band.lower.size(); ++k) {
            QVERIFY(std::abs(band.lower[k].y() - (m_qk.mean_pr[size_t(k)] + meanOffset - half)) < 1e-9);
            QVERIFY(std::abs(band.upper[k].y() - (m_qk.mean_pr[size_t(k)] + meanOffset + half)) < 1e-9);
        }
        // The legend says how many seeds each curve averages.
        bool saysN = false;
        for (const LegendEntry& e : fig.legend)
            saysN = saysN || e.text.contains(QStringLiteral("n = 3"));
        QVERIFY(saysN);
        delete fig.chart;
    }

    void barsGetErrorBars()
    {
        BuiltFigure layers = buildChartFigure(FigureKind::PerLayerPr, m_store.studies(), FigureOptions{}, ChartTheme::paper());
        const int layerCount = int(m_qk.layerCount());
        QCOMPARE(countSeries(layers.chart, "QLineSeries"), 3 * layerCount);
        QCOMPARE(layers.bands.size(), 3);
        // QK's layer 0 at the end: offsets doubled, so the half-width doubles.
        const double doubled[3] = {2 * kOffsets[0], 2 * kOffsets[1], 2 * kOffsets[2]};
        QVERIFY(std::abs((layers.bands[0].upper[0].y() - layers.bands[0].lower[0].y()) / 2 - halfWidth(doubled)) < 1e-9);
        delete layers.chart;

        // The γ effect per seed is QK − QK_frozen = the seed's offset + the published effect:
        // its interval is the offsets' interval; the bar is the published effect + their mean.
        BuiltFigure causal = buildChartFigure(FigureKind::CausalDecomposition, m_store.studies(), FigureOptions{},
                                              ChartTheme::paper());
        QCOMPARE(countSeries(causal.chart, "QLineSeries"), 2 * layerCount);
        QCOMPARE(causal.bands.size(), 2);
        const double gammaHalf = (causal.bands[0].upper[0].y() - causal.bands[0].lower[0].y()) / 2;
        QVERIFY2(std::abs(gammaHalf - halfWidth(kOffsets)) < 1e-9, qPrintable(QString::number(gammaHalf)));
        const RunResults frozen = readResults((kPublished + "/QK_frozen/results.json").toStdString());
        const double meanOffset = (kOffsets[0] + kOffsets[1] + kOffsets[2]) / 3;
        const double published = m_qk.layer_pr[0].back() - frozen.layer_pr[0].back();
        QVERIFY(std::abs(causal.series[0].points[0].y() - (published + meanOffset)) < 1e-9);
        // The norm effect does not vary by seed: a zero-width interval.
        QVERIFY(std::abs(causal.bands[1].upper[0].y() - causal.bands[1].lower[0].y()) < 1e-9);
        delete causal.chart;
    }

    void viewsSwitchAndKeepWhatWasHidden()
    {
        m_store.setRunVisible(0, 0, false); // QK's mean
        m_store.setSeedView(0, SeedView::AllSeeds);
        const OpenStudy& s = m_store.studies().front();
        QCOMPARE(s.runs.size(), 9);
        QVERIFY(std::all_of(s.runs.cbegin(), s.runs.cend(), [](const RunEntry& r) { return r.seed && !r.aggregate; }));
        BuiltFigure all = buildChartFigure(FigureKind::KeyPr, m_store.studies(), FigureOptions{}, ChartTheme::paper());
        QCOMPARE(countSeries(all.chart, "QAreaSeries"), 0);
        delete all.chart;
        m_store.setSeedView(0, SeedView::OneSeed, 2);
        QCOMPARE(m_store.studies().front().runs.size(), 3);
        QCOMPARE(*m_store.studies().front().runs.front().seed, qint64(2));
        m_store.setSeedView(0, SeedView::Mean);
        QVERIFY(!m_store.studies().front().runs.front().visible); // still hidden
        m_store.setRunVisible(0, 0, true);
    }

    void bandsSurviveExport()
    {
        const QByteArray csv = figureCsv(FigureKind::KeyPr, m_store.studies(), FigureOptions{});
        QVERIFY(csv.contains("(95% CI) low"));
        QVERIFY(csv.contains("(95% CI) high"));
        ExportOptions o;
        o.outDir = m_dir.path() + "/out";
        o.formats = {ExportFormat::Svg};
        QString error;
        const QStringList files = exportFigure(FigureKind::KeyPr, QStringLiteral("pr"), m_store.studies(), o, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile svg(files.value(0));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(svg.readAll());
        // A filled, translucent path in the learned-γ colour: the band.
        const QString fill = QStringLiteral("fill=\"%1\" fill-opacity=\"0.2").arg(o.theme.runColor(QStringLiteral("QK")).name());
        QVERIFY2(text.contains(fill), qPrintable(fill));
    }

    void aSeedFolderOpensAsItsStudy()
    {
        QCOMPARE(m_store.openOrCreate(m_dir.path() + "/seed_2"), 0);
        QCOMPARE(m_store.studies().size(), 1);
    }
};

QTEST_MAIN(TestSeedViews)
#include "test_seed_views.moc"
