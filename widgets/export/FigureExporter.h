#pragma once

#include "charts/ChartTheme.h"
#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "store/StudyStore.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace qks::gui {

enum class ExportFormat { Png, Svg, Pdf, Csv };

// Paper sizes: one and two columns of a two-column paper, and a wide screen-like figure.
struct FigureSize {
    QString name;        // "one-column", "two-column", "wide", as the command line spells it
    double widthInches;
    double heightInches;
};
const QVector<FigureSize>& figureSizes();
std::optional<FigureSize> figureSizeByName(const QString& name);

struct ExportOptions {
    QString outDir;
    QSet<ExportFormat> formats{ExportFormat::Png};
    ChartTheme theme = ChartTheme::paper();
    FigureSize size{QStringLiteral("two-column"), 7.0, 4.2};
    int dpi = 300;                  // PNG only; SVG and PDF are vector
    FigureOptions figure;
};

// Parses "png,svg,pdf,csv". Returns false and names the bad entry in `error`.
bool parseFormats(const QString& text, QSet<ExportFormat>* formats, QString* error);

// One output of an export: the stem (e.g. "2_key_pr_causal") and the files written.
struct ExportedFigure {
    FigureKind kind;
    QString stem;
    QStringList files;
    QString skipped; // why nothing was written (a heatmap of a constant), else empty
};

// Writes one figure in every requested format as outDir/<stem>.<ext>. Returns the written
// files; on failure returns what was written so far and sets `error` (a sentence for the user).
// A figure whose legend cannot fit the size is not written: with `skipped` given, the reason
// goes there (and `error` stays empty); without, it is the error.
QStringList exportFigure(FigureKind kind, const QString& stem, const QVector<OpenStudy>& studies,
                         const ExportOptions& options, QString* error, QString* skipped = nullptr);

// Writes all of the study's figures: 1_loss ... 5_gamma_cv, then the heatmaps, one per run
// that has the data (6_pr_heatmap_<tag>, 7_gamma_heatmap_<tag> from the final γ, and
// 7_gamma_heatmap_over_time_<tag> where mean γ was recorded). With several studies open the
// heatmap stems also name the study. A heatmap whose values are all equal (frozen γ) is not
// written: it is listed with the reason in `skipped`.
QVector<ExportedFigure> exportAllFigures(const QVector<OpenStudy>& studies, const ExportOptions& options,
                                         QString* error);

// The plotted data as CSV: "series,x,y" rows for line and bar figures, a matrix for heatmaps.
QByteArray figureCsv(FigureKind kind, const QVector<OpenStudy>& studies, const FigureOptions& options);

} // namespace qks::gui
