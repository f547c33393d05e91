#include "export/FigureExporter.h"

#include "charts/ChartBuilder.h"
#include "charts/SweepFigure.h"
#include "export/FigureRenderer.h"
#include "store/RunStyle.h"

#include <QChart>
#include <QCoreApplication>
#include <QLocale>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <functional>

#include <algorithm>

namespace qks::gui {

namespace {

constexpr double kLayoutDpi = 96.0; // figure layout pixels per inch (fonts are sized in these)

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}

QString figureTitleFor(FigureKind kind)
{
    return QStringLiteral("QK Studio — ") + figureDisplayName(kind);
}

// Writes through a temporary file renamed into place, so a failed export never leaves a
// half-written figure where a good one was.
bool saveAtomically(const QString& path, QString* error, const std::function<bool(QIODevice*)>& write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !write(&file) || !file.commit()) {
        *error = QCoreApplication::translate("qks::gui::FigureExporter", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool writePng(const QString& path, FigureKind kind, const QVector<OpenStudy>& studies, const ExportOptions& o,
              const QRectF& layout, QString* error)
{
    const double scale = o.dpi / kLayoutDpi;
    QImage image(QSize(int(std::lround(layout.width() * scale)), int(std::lround(layout.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QCoreApplication::translate("qks::gui::FigureExporter",
                                             "Cannot allocate a %1 dpi image of this size; choose a lower dpi.")
                     .arg(o.dpi);
        return false;
    }
    image.setDotsPerMeterX(int(std::lround(o.dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(o.dpi / 0.0254)));
    image.fill(o.theme.background);
    {
        QPainter painter(&image);
        painter.scale(scale, scale);
        renderFigure(painter, layout, kind, studies, o.figure, o.theme);
    }
    return saveAtomically(path, error, [&](QIODevice* out) { return image.save(out, "PNG"); });
}

bool writeSvg(const QString& path, FigureKind kind, const QVector<OpenStudy>& studies, const ExportOptions& o,
              const QRectF& layout, QString* error)
{
    return saveAtomically(path, error, [&](QIODevice* out) {
        QSvgGenerator svg;
        svg.setOutputDevice(out);
        svg.setSize(layout.size().toSize());
        svg.setViewBox(layout);
        svg.setResolution(int(kLayoutDpi));
        svg.setTitle(figureTitleFor(kind));
        svg.setDescription(QCoreApplication::translate("qks::gui::FigureExporter", "Exported by QK Studio %1")
                               .arg(QStringLiteral(QKS_VERSION)));
        QPainter painter(&svg);
        renderFigure(painter, layout, kind, studies, o.figure, o.theme);
        return painter.end();
    });
}

bool writePdf(const QString& path, FigureKind kind, const QVector<OpenStudy>& studies, const ExportOptions& o,
              const QRectF& layout, QString* error)
{
    return saveAtomically(path, error, [&](QIODevice* out) {
        QPdfWriter pdf(out);
        pdf.setTitle(figureTitleFor(kind));
        pdf.setCreator(QStringLiteral("QK Studio ") + QStringLiteral(QKS_VERSION));
        pdf.setPageSize(QPageSize(QSizeF(o.size.widthInches, o.size.heightInches), QPageSize::Inch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(1200);
        QPainter painter(&pdf);
        const double scale = pdf.resolution() / kLayoutDpi;
        painter.scale(scale, scale);
        renderFigure(painter, layout, kind, studies, o.figure, o.theme);
        return painter.end();
    });
}

bool writeCsv(const QString& path, const QByteArray& csv, QString* error)
{
    return saveAtomically(path, error, [&](QIODevice* out) { return out->write(csv) == csv.size(); });
}

QString fileSafe(const QString& s)
{
    QString out;
    for (const QChar c : s)
        out += (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')) ? c : QLatin1Char('_');
    // File names end at 255 bytes: a long folder name (or one in CJK, three bytes a character)
    // is shortened, with a hash of the whole name so two long names stay apart.
    constexpr int kMaxBytes = 100;
    if (out.toUtf8().size() <= kMaxBytes)
        return out;
    const QString hash = QString::number(qHash(s, 0x9e3779b9u) & 0xffffffffu, 16);
    while (out.toUtf8().size() > kMaxBytes - 9)
        out.chop(1);
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out + QLatin1Char('_') + hash;
}

} // namespace

const QVector<FigureSize>& figureSizes()
{
    static const QVector<FigureSize> sizes = {{QStringLiteral("one-column"), 3.5, 2.6},
                                              {QStringLiteral("two-column"), 7.0, 4.2},
                                              {QStringLiteral("wide"), 10.0, 6.0}};
    return sizes;
}

std::optional<FigureSize> figureSizeByName(const QString& name)
{
    for (const FigureSize& s : figureSizes()) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

bool parseFormats(const QString& text, QSet<ExportFormat>* formats, QString* error)
{
    formats->clear();
    for (const QString& raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString f = raw.trimmed().toLower();
        if (f == QLatin1String("png"))
            formats->insert(ExportFormat::Png);
        else if (f == QLatin1String("svg"))
            formats->insert(ExportFormat::Svg);
        else if (f == QLatin1String("pdf"))
            formats->insert(ExportFormat::Pdf);
        else if (f == QLatin1String("csv"))
            formats->insert(ExportFormat::Csv);
        else {
            *error = QCoreApplication::translate("qks::gui::FigureExporter", "Unknown format '%1'; use png, svg, pdf and csv, separated by commas.").arg(raw);
            return false;
        }
    }
    if (formats->isEmpty()) {
        *error = QCoreApplication::translate("qks::gui::FigureExporter", "No format given; use png, svg, pdf and csv, separated by commas.");
        return false;
    }
    return true;
}

QStringList exportFigure(FigureKind kind, const QString& stem, const QVector<OpenStudy>& studies,
                         const ExportOptions& options, QString* error, QString* skipped)
{
    QStringList written;
    if (!QDir().mkpath(options.outDir)) {
        *error = QCoreApplication::translate("qks::gui::FigureExporter", "Cannot create the folder %1.").arg(QDir::toNativeSeparators(options.outDir));
        return written;
    }
    const QRectF layout(0, 0, options.size.widthInches * kLayoutDpi, options.size.heightInches * kLayoutDpi);
    // Type is set for the printed size: a one-column figure gets smaller fonts.
    ExportOptions sized = options;
    sized.theme.fontScale = options.size.widthInches < 5.0 ? 0.8 : 1.0;
    const bool drawing = options.formats.contains(ExportFormat::Png) || options.formats.contains(ExportFormat::Svg) ||
                         options.formats.contains(ExportFormat::Pdf);
    if (drawing && !legendFits(kind, studies, options.figure, sized.theme, layout.size())) {
        const QString why = QCoreApplication::translate("qks::gui::FigureExporter",
                                                        "its legend does not fit a %1 figure beside the plot; export it "
                                                        "at a larger size (two-column or wide), or hide some runs or studies")
                                .arg(options.size.name);
        if (skipped) {
            *skipped = why;
        } else {
            *error = QCoreApplication::translate("qks::gui::FigureExporter", "%1 was not written: %2").arg(stem, why);
        }
        return written;
    }
    const QString base = QDir(options.outDir).filePath(stem);
    const struct {
        ExportFormat format;
        const char* ext;
    } order[] = {{ExportFormat::Png, ".png"}, {ExportFormat::Svg, ".svg"}, {ExportFormat::Pdf, ".pdf"},
                 {ExportFormat::Csv, ".csv"}};
    for (const auto& [format, ext] : order) {
        if (!options.formats.contains(format))
            continue;
        const QString path = base + QLatin1String(ext);
        bool ok = false;
        switch (format) {
        case ExportFormat::Png: ok = writePng(path, kind, studies, sized, layout, error); break;
        case ExportFormat::Svg: ok = writeSvg(path, kind, studies, sized, layout, error); break;
        case ExportFormat::Pdf: ok = writePdf(path, kind, studies, sized, layout, error); break;
        case ExportFormat::Csv: ok = writeCsv(path, figureCsv(kind, studies, options.figure), error); break;
        }
        if (!ok)
            return written;
        written << path;
    }
    return written;
}

QVector<ExportedFigure> exportAllFigures(const QVector<OpenStudy>& studies, const ExportOptions& options,
                                         QString* error)
{
    QVector<ExportedFigure> out;
    const auto add = [&](FigureKind kind, const QString& stem, const QVector<OpenStudy>& shown,
                         const FigureOptions& figure) {
        ExportOptions o = options;
        o.figure = figure;
        QString skipped;
        const QStringList files = exportFigure(kind, stem, shown, o, error, &skipped);
        out.push_back({kind, stem, files, skipped});
        return error->isEmpty();
    };
    for (FigureKind kind : allFigureKinds()) {
        if (isHeatmap(kind))
            continue;
        if (kind == FigureKind::Sweep && openSweeps(studies).isEmpty())
            continue; // only a sweep has one
        if (!add(kind, figureFileStem(kind), studies, options.figure))
            return out;
    }
    // Heatmaps show one run each.
    const bool several = studies.size() > 1;
    for (int s = 0; s < studies.size(); ++s) {
        for (const RunEntry& run : studies[s].runs) {
            if (!run.ok() || !run.visible)
                continue;
            const QString suffix = (several ? fileSafe(studies[s].name) + QLatin1Char('_') : QString()) + fileSafe(run.tag);
            FigureOptions figure = options.figure;
            figure.heatmapStudy = s;
            figure.heatmapTag = run.tag;
            // A heatmap with nothing to colour (no finite value, or one value everywhere, as
            // frozen γ) is listed with the reason instead of written as one flat colour.
            const auto heatmap = [&](const HeatmapData& h, FigureKind kind, const QString& stem) {
                if (h.isEmpty())
                    return true;
                if (!h.hasValues()) {
                    out.push_back({kind, stem, {}, QCoreApplication::translate("qks::gui::FigureExporter", "it holds no finite value")});
                    return true;
                }
                if (h.isConstant()) {
                    const double v = *std::find_if(h.values.cbegin(), h.values.cend(), [](double x) { return std::isfinite(x); });
                    QString why = QCoreApplication::translate("qks::gui::FigureExporter",
                                                              "every value is %1: a heatmap would show one colour")
                                      .arg(QLocale().toString(v, 'g', 6));
                    if (!h.constantNote.isEmpty())
                        why += QStringLiteral(" (") + h.constantNote + QLatin1Char(')');
                    out.push_back({kind, stem, {}, why});
                    return true;
                }
                return add(kind, stem, studies, figure);
            };
            figure.gammaOverTime = false;
            if (!heatmap(prHeatmap(*run.results), FigureKind::PrHeatmap,
                         figureFileStem(FigureKind::PrHeatmap) + QLatin1Char('_') + suffix))
                return out;
            if (!heatmap(gammaFinalHeatmap(*run.results), FigureKind::GammaHeatmap,
                         figureFileStem(FigureKind::GammaHeatmap) + QLatin1Char('_') + suffix))
                return out;
            figure.gammaOverTime = true;
            if (!heatmap(gammaMeanHeatmap(*run.results), FigureKind::GammaHeatmap,
                         figureFileStem(FigureKind::GammaHeatmap) + QStringLiteral("_over_time_") + suffix))
                return out;
        }
    }
    return out;
}

QByteArray figureCsv(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options)
{
    QString csv;
    if (isHeatmap(kind)) {
        const HeatmapData h = buildHeatmap(kind, studies, options);
        csv += csvField(h.rowAxis);
        for (const QString& c : h.columnLabels)
            csv += QLatin1Char(',') + csvField(c);
        csv += QLatin1Char('\n');
        for (int r = 0; r < h.rows; ++r) {
            csv += csvField(h.rowLabels.value(r));
            for (int c = 0; c < h.columns; ++c)
                csv += QLatin1Char(',') + number(h.at(r, c));
            csv += QLatin1Char('\n');
        }
        return csv.toUtf8();
    }
    BuiltFigure fig = buildChartFigure(kind, studies, options, ChartTheme::paper(), 0);
    csv += QStringLiteral("series,%1,%2\n").arg(csvField(fig.xTitle), csvField(fig.yTitle));
    for (const PlottedSeries& s : fig.series) {
        for (const QPointF& p : s.points)
            csv += csvField(s.name) + QLatin1Char(',') + number(p.x()) + QLatin1Char(',') + number(p.y()) + QLatin1Char('\n');
    }
    // A band's ends as two series of their own: "<curve> (95% CI) low" and "… high".
    for (const PlottedBand& b : fig.bands) {
        for (const auto& [points, end] : {std::pair{&b.lower, QStringLiteral(" low")}, std::pair{&b.upper, QStringLiteral(" high")}})
            for (const QPointF& p : *points)
                csv += csvField(b.name + end) + QLatin1Char(',') + number(p.x()) + QLatin1Char(',') + number(p.y()) +
                       QLatin1Char('\n');
    }
    delete fig.chart;
    return csv.toUtf8();
}

} // namespace qks::gui
