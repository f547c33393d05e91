// Exported figures are real files of their kind, and `qkstudio --export-figures` works
// headless and fails with a message and a non-zero exit on bad input.
#include "export/FigureExporter.h"
#include "store/StudyStore.h"

#include "GuiProcess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace qks::gui;
using qks::testing::runGui;

namespace {

const QString kStudy = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every text node of an SVG, joined without separators: Qt splits a label into runs where the
// script changes ("Learned " + "γ"). Starts with "XML ERROR" if the file does not parse.
QString svgText(const QString& path)
{
    QXmlStreamReader xml(readAll(path));
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters() && !xml.isWhitespace())
            text += xml.text().toString();
    }
    if (xml.hasError())
        return QStringLiteral("XML ERROR: ") + xml.errorString();
    return text;
}

} // namespace

class TestFigureExport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void allFiguresInEveryFormat();
    void pngHasTheRequestedSizeAndDpi();
    void csvHoldsThePlottedData();
    void formatsAreParsedStrictly();
    void headlessCommandLine();
    void headlessCommandLineRefusesBadInput();

private:
    StudyStore m_store;
};

void TestFigureExport::initTestCase()
{
    QCOMPARE(m_store.open(kStudy), 0);
}

void TestFigureExport::allFiguresInEveryFormat()
{
    QTemporaryDir out;
    ExportOptions o;
    o.outDir = out.path();
    o.formats = {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf};
    o.theme = ChartTheme::paper();
    QString error;
    const QVector<ExportedFigure> figures = exportAllFigures(m_store.studies(), o, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList stems;
    for (const ExportedFigure& f : figures) {
        stems << f.stem;
        QCOMPARE(f.files.size(), qsizetype(3));
    }
    // Named like the published figures, then one heatmap per run with data.
    for (const char* stem : {"1_loss", "2_key_pr_causal", "3_per_layer", "4_causal_decomposition", "5_gamma_cv",
                             "6_pr_heatmap_QK", "6_pr_heatmap_QK_frozen", "6_pr_heatmap_NoQK", "7_gamma_heatmap_QK"})
        QVERIFY2(stems.contains(QLatin1String(stem)), stem);
    QVERIFY(!stems.contains(QStringLiteral("7_gamma_heatmap_NoQK"))); // NoQK has no γ

    const QString base = out.path() + QStringLiteral("/2_key_pr_causal");
    QVERIFY(readAll(base + QStringLiteral(".png")).startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY(readAll(base + QStringLiteral(".pdf")).startsWith("%PDF-"));
    const QString svg = svgText(base + QStringLiteral(".svg"));
    QVERIFY2(!svg.startsWith(QStringLiteral("XML ERROR")), qPrintable(svg));
    for (const char* label : {"Learned γ", "Frozen γ=1", "No QK-Norm", "Tokens (M)", "Mean Key PR",
                              "Key Rank Collapse — Does γ or Normalization Drive It?"})
        QVERIFY2(svg.contains(QString::fromUtf8(label)), label);
    QVERIFY(svgText(out.path() + QStringLiteral("/1_loss.svg")).contains(QStringLiteral("No QK-Norm (val)")));
    QVERIFY(svgText(out.path() + QStringLiteral("/6_pr_heatmap_QK.svg")).contains(QStringLiteral("Key PR")));
}

void TestFigureExport::pngHasTheRequestedSizeAndDpi()
{
    QTemporaryDir out;
    ExportOptions o;
    o.outDir = out.path();
    o.formats = {ExportFormat::Png};
    o.size = *figureSizeByName(QStringLiteral("one-column"));
    o.dpi = 600;
    o.theme = ChartTheme::dark();
    QString error;
    const QStringList files = exportFigure(FigureKind::KeyPr, QStringLiteral("pr"), m_store.studies(), o, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QImage image(files.value(0));
    QCOMPARE(image.width(), 2100); // 3.5 in at 600 dpi
    QCOMPARE(image.height(), 1560); // 2.6 in
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 600);
    // Dark theme: the study's background colour in the corner, and the learned-γ orange somewhere.
    QCOMPARE(image.pixelColor(2, 2), QColor(0x0d, 0x11, 0x17));
    bool orange = false;
    for (int y = 0; y < image.height() && !orange; y += 3)
        for (int x = 0; x < image.width() && !orange; x += 3)
            orange = image.pixelColor(x, y) == QColor(0xf9, 0x73, 0x16);
    QVERIFY(orange);
}

void TestFigureExport::csvHoldsThePlottedData()
{
    const QString csv = QString::fromUtf8(figureCsv(FigureKind::KeyPr, m_store.studies(), FigureOptions{}));
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("series,Tokens (M),Mean Key PR"));
    QCOMPARE(lines.size(), 1 + 3 * 26);
    QVERIFY(lines.at(1).startsWith(QStringLiteral("Learned γ,0,86.8")));
    const QString heat = QString::fromUtf8(figureCsv(FigureKind::PrHeatmap, m_store.studies(), FigureOptions{}));
    QCOMPARE(heat.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 33); // header + 32 layers
}

void TestFigureExport::formatsAreParsedStrictly()
{
    QSet<ExportFormat> f;
    QString error;
    QVERIFY(parseFormats(QStringLiteral("png, SVG,pdf"), &f, &error));
    QCOMPARE(f.size(), 3);
    QVERIFY(!parseFormats(QStringLiteral("png,jpeg"), &f, &error));
    QVERIFY(error.contains(QStringLiteral("jpeg")));
    QVERIFY(!parseFormats(QString(), &f, &error));
}

void TestFigureExport::headlessCommandLine()
{
    QTemporaryDir out;
    const auto r = runGui({QStringLiteral("--export-figures"), kStudy, QStringLiteral("--out"), out.path(),
                          QStringLiteral("--format"), QStringLiteral("png,svg,pdf,csv"), QStringLiteral("--theme"),
                          QStringLiteral("dark"), QStringLiteral("--dpi"), QStringLiteral("100")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (const char* file : {"1_loss.png", "2_key_pr_causal.svg", "3_per_layer.pdf", "4_causal_decomposition.csv",
                             "5_gamma_cv.png", "6_pr_heatmap_NoQK.png", "7_gamma_heatmap_QK.pdf"})
        QVERIFY2(QFile::exists(out.path() + QLatin1Char('/') + QLatin1String(file)), file);
    QVERIFY(r.out.contains(QStringLiteral("2_key_pr_causal.png")));
    QCOMPARE(QImage(out.path() + QStringLiteral("/1_loss.png")).width(), 700); // 7 in at 100 dpi
}

void TestFigureExport::headlessCommandLineRefusesBadInput()
{
    QTemporaryDir out;
    auto r = runGui({QStringLiteral("--export-figures"), QStringLiteral("/no/such/study"), QStringLiteral("--out"), out.path()});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("is not a folder")), qPrintable(r.err));

    r = runGui({QStringLiteral("--export-figures"), kStudy, QStringLiteral("--out"), out.path(), QStringLiteral("--format"),
                QStringLiteral("gif")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("gif")), qPrintable(r.err));

    r = runGui({QStringLiteral("--export-figures"), kStudy, QStringLiteral("--out"), out.path(), QStringLiteral("--theme"),
                QStringLiteral("neon")});
    QCOMPARE(r.code, 2);

    r = runGui({QStringLiteral("--export-figures"), kStudy});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--out")));

    // A corrupt results.json: named in the message, nothing half-written.
    QTemporaryDir study;
    QDir().mkpath(study.path() + QStringLiteral("/QK"));
    QFile bad(study.path() + QStringLiteral("/QK/results.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"tag\": \"QK\"");
    bad.close();
    r = runGui({QStringLiteral("--export-figures"), study.path(), QStringLiteral("--out"), out.path() + QStringLiteral("/x")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("results.json")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out.path() + QStringLiteral("/x/1_loss.png")));

    // An output folder that cannot be created (a file is in the way).
    QFile blocker(out.path() + QStringLiteral("/file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    r = runGui({QStringLiteral("--export-figures"), kStudy, QStringLiteral("--out"), out.path() + QStringLiteral("/file/sub")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot create")), qPrintable(r.err));
}

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
