// Exported figures are real files of their kind, and `qkstudio --export-figures` works
// headless and fails with a message and a non-zero exit on bad input.
#include "charts/ChartBuilder.h"
#include "charts/HeatmapPainter.h"
#include "charts/WrappedText.h"
#include "results/ResultsJson.h"
#include "export/FigureExporter.h"
#include "export/FigureRenderer.h"
#include "store/StudyStore.h"

#include "GuiProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QChart>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
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
    void threeStudiesKeepEveryLegendWordInsideThePage();
    void aConstantHeatmapIsSkippedWithItsReason();
    void manyStudiesWithLongNamesNeverBreakAnExport();
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
    const QString loss = svgText(out.path() + QStringLiteral("/1_loss.svg"));
    QVERIFY(loss.contains(QStringLiteral("No QK-Norm")) && loss.contains(QStringLiteral("validation")));
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

void TestFigureExport::threeStudiesKeepEveryLegendWordInsideThePage()
{
    // The published study and two copies with long folder names: legends with nine runs.
    QTemporaryDir copies;
    StudyStore three;
    QCOMPARE(three.open(kStudy), 0);
    for (const QString& name : {QStringLiteral("second_study_with_a_rather_long_folder_name"),
                                QStringLiteral("third-study-seed-1234")}) {
        for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
            const QString dir = copies.path() + QLatin1Char('/') + name + QLatin1Char('/') + QLatin1String(tag);
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(QFile::copy(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                                dir + QStringLiteral("/results.json")));
        }
        QVERIFY(three.open(copies.path() + QLatin1Char('/') + name) >= 0);
    }
    QTemporaryDir out;
    for (const ChartTheme& theme : {ChartTheme::paper(), ChartTheme::dark()}) {
        for (const char* size : {"one-column", "two-column"}) {
            ExportOptions o;
            o.outDir = out.path();
            o.formats = {ExportFormat::Svg};
            o.theme = theme;
            o.size = *figureSizeByName(QLatin1String(size));
            for (FigureKind kind : {FigureKind::Loss, FigureKind::KeyPr, FigureKind::GammaCv, FigureKind::PerLayerPr,
                                    FigureKind::CausalDecomposition}) {
                const QString what = theme.name + QLatin1Char(' ') + QLatin1String(size) + QLatin1Char(' ') +
                                     figureDisplayName(kind);
                QString error;
                const QStringList files = exportFigure(kind, QStringLiteral("f"), three.studies(), o, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QString svg = svgText(files.value(0));
                svg.remove(QRegularExpression(QStringLiteral("\\s")));

                // Where each entry lands on the page, laid out as the export lays it out.
                const QRectF page(0, 0, o.size.widthInches * 96, o.size.heightInches * 96);
                QImage image(page.size().toSize(), QImage::Format_ARGB32);
                QPainter painter(&image);
                QVector<LegendBox> boxes;
                renderFigure(painter, page, kind, three.studies(), o.figure, theme, &boxes);
                painter.end();
                QVERIFY2(boxes.size() >= 3, qPrintable(what));
                for (int i = 0; i < boxes.size(); ++i) {
                    const LegendBox& b = boxes[i];
                    QString words = b.text;
                    words.remove(QRegularExpression(QStringLiteral("\\s")));
                    QVERIFY2(svg.contains(words), qPrintable(what + QStringLiteral(": \"") + b.text + QStringLiteral("\" not whole in the SVG")));
                    QVERIFY2(page.contains(b.box), qPrintable(what + QStringLiteral(": \"") + b.text + QStringLiteral("\" leaves the page")));
                    for (int j = 0; j < i; ++j)
                        QVERIFY2(!boxes[j].box.intersects(b.box), qPrintable(what + QStringLiteral(": entries overlap")));
                }
                // The title keeps every word too (wrapped where it is wider than the page).
                const BuiltFigure built = buildChartFigure(kind, three.studies(), o.figure, theme);
                QString title = built.title;
                QGraphicsScene owner; // deletes the chart as the exporter's scene does
                owner.addItem(built.chart);
                title.remove(QRegularExpression(QStringLiteral("\\s")));
                QVERIFY2(svg.contains(title), qPrintable(what + QStringLiteral(": title cut")));
            }
        }
    }
}

void TestFigureExport::aConstantHeatmapIsSkippedWithItsReason()
{
    // Frozen γ as our trainer records it: mean γ 1 in every layer at every probe; learned γ varies.
    QTemporaryDir dir;
    for (const char* tag : {"QK", "QK_frozen"}) {
        qks::RunResults r = qks::readResults((kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json")).toStdString());
        nlohmann::ordered_json mean = nlohmann::ordered_json::object();
        for (size_t l = 0; l < r.layerCount(); ++l) {
            nlohmann::ordered_json row = nlohmann::ordered_json::array();
            for (size_t p = 0; p < r.probeCount(); ++p)
                row.push_back(std::string(tag) == "QK" ? 1.0 + 0.01 * double(p + l) : 1.0);
            mean[std::to_string(l)] = row;
        }
        r.extra["gamma_mean"] = mean;
        QVERIFY(QDir().mkpath(dir.path() + QLatin1Char('/') + QLatin1String(tag)));
        qks::writeResults(r, (dir.path() + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json")).toStdString());
    }
    StudyStore store;
    QCOMPARE(store.open(dir.path()), 0);
    QTemporaryDir out;
    ExportOptions o;
    o.outDir = out.path();
    QString error;
    const QVector<ExportedFigure> figures = exportAllFigures(store.studies(), o, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool learned = false, frozen = false;
    for (const ExportedFigure& f : figures) {
        if (f.stem == QStringLiteral("7_gamma_heatmap_over_time_QK")) {
            learned = true;
            QCOMPARE(f.files.size(), qsizetype(1));
        }
        if (f.stem == QStringLiteral("7_gamma_heatmap_over_time_QK_frozen")) {
            frozen = true;
            QVERIFY(f.files.isEmpty());
            QVERIFY2(f.skipped.contains(QStringLiteral("every value is 1")) && f.skipped.contains(QStringLiteral("not learned")),
                     qPrintable(f.skipped));
        }
    }
    QVERIFY(learned && frozen);
    QVERIFY(!QFile::exists(out.path() + QStringLiteral("/7_gamma_heatmap_over_time_QK_frozen.png")));
}

void TestFigureExport::manyStudiesWithLongNamesNeverBreakAnExport()
{
    // Eight studies, one named by 80 CJK characters (240 bytes in UTF-8), one by 150 letters.
    QTemporaryDir copies;
    StudyStore many;
    QStringList names;
    for (int i = 0; i < 6; ++i)
        names << QStringLiteral("seed_%1_of_a_study_with_a_long_name").arg(i);
    names << QString(80, QChar(0x7814)) << QString(150, QLatin1Char('x'));
    for (const QString& name : names) {
        for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
            const QString dir = copies.path() + QLatin1Char('/') + name + QLatin1Char('/') + QLatin1String(tag);
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(QFile::copy(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                                dir + QStringLiteral("/results.json")));
        }
        QVERIFY(many.open(copies.path() + QLatin1Char('/') + name) >= 0);
    }
    QTemporaryDir out;
    ExportOptions o;
    o.outDir = out.path();
    o.formats = {ExportFormat::Svg};
    o.size = *figureSizeByName(QStringLiteral("one-column"));
    QString error;
    const QVector<ExportedFigure> figures = exportAllFigures(many.studies(), o, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error)); // long names give shortened file names, not an error
    int written = 0;
    for (const ExportedFigure& f : figures) {
        if (!f.skipped.isEmpty()) {
            QVERIFY2(f.skipped.contains(QStringLiteral("two-column or wide")) || f.skipped.contains(QStringLiteral("one colour")),
                     qPrintable(f.stem + QStringLiteral(": ") + f.skipped));
            continue;
        }
        QCOMPARE(f.files.size(), qsizetype(1));
        QVERIFY(QFileInfo(f.files.first()).fileName().toUtf8().size() < 255);
        ++written;
        if (isHeatmap(f.kind))
            continue;
        // What was written keeps every legend word on the page.
        const QRectF page(0, 0, o.size.widthInches * 96, o.size.heightInches * 96);
        QImage image(page.size().toSize(), QImage::Format_ARGB32);
        QPainter painter(&image);
        QVector<LegendBox> boxes;
        ChartTheme theme = o.theme;
        theme.fontScale = 0.8;
        renderFigure(painter, page, f.kind, many.studies(), o.figure, theme, &boxes);
        painter.end();
        for (const LegendBox& b : boxes)
            QVERIFY2(page.contains(b.box), qPrintable(f.stem + QStringLiteral(": ") + b.text));
    }
    QVERIFY(written >= 5 + 8 * 3); // the five figures need not all fit, the heatmaps do
    // A heatmap's title naming the long study wraps inside the page.
    const QRectF page(0, 0, 336, 250);
    HeatmapData h = prHeatmap(*many.studies().last().runs.first().results);
    h.title += QStringLiteral(" — ") + many.studies().last().name;
    const HeatmapLayout l = layoutHeatmap(page, h, o.theme);
    QVERIFY(page.contains(l.title));
    QVERIFY(l.title.height() >= wrappedTextSize(o.theme.titleFont(), h.title, l.title.width()).height());
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
