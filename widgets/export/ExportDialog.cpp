#include "export/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>

namespace qks::gui {

ExportDialog::ExportDialog(FigureKind current, const FigureOptions& options, const QVector<OpenStudy>& studies,
                           QWidget* parent)
    : QDialog(parent)
    , m_current(current)
    , m_figureOptions(options)
    , m_studies(studies)
    , m_onlyCurrent(new QRadioButton(tr("Current figure (%1)").arg(figureDisplayName(current)), this))
    , m_all(new QRadioButton(tr("All figures of the study"), this))
    , m_png(new QCheckBox(QStringLiteral("PNG"), this))
    , m_svg(new QCheckBox(QStringLiteral("SVG"), this))
    , m_pdf(new QCheckBox(QStringLiteral("PDF"), this))
    , m_csv(new QCheckBox(tr("CSV (plotted data)"), this))
    , m_theme(new QComboBox(this))
    , m_size(new QComboBox(this))
    , m_dpi(new QSpinBox(this))
    , m_folder(new QLineEdit(this))
{
    setWindowTitle(tr("Export Figures"));
    const QSettings settings;

    auto* which = new QHBoxLayout;
    which->addWidget(m_onlyCurrent);
    which->addWidget(m_all);
    (settings.value(QStringLiteral("export/all"), false).toBool() ? m_all : m_onlyCurrent)->setChecked(true);

    auto* formats = new QHBoxLayout;
    for (QCheckBox* box : {m_png, m_svg, m_pdf, m_csv})
        formats->addWidget(box);
    const QStringList chosen = settings.value(QStringLiteral("export/formats"), QStringList{QStringLiteral("png")}).toStringList();
    m_png->setChecked(chosen.contains(QStringLiteral("png")));
    m_svg->setChecked(chosen.contains(QStringLiteral("svg")));
    m_pdf->setChecked(chosen.contains(QStringLiteral("pdf")));
    m_csv->setChecked(chosen.contains(QStringLiteral("csv")));

    m_theme->addItem(tr("Paper (white, print and grayscale friendly)"), QStringLiteral("paper"));
    m_theme->addItem(tr("Dark (the study's palette)"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.value(QStringLiteral("export/theme"), QStringLiteral("paper")))));

    for (const FigureSize& s : figureSizes()) {
        QString label;
        if (s.name == QLatin1String("one-column"))
            label = tr("One column (%1 × %2 in)");
        else if (s.name == QLatin1String("two-column"))
            label = tr("Two columns (%1 × %2 in)");
        else
            label = tr("Wide (%1 × %2 in)");
        m_size->addItem(label.arg(s.widthInches).arg(s.heightInches), s.name);
    }
    m_size->setCurrentIndex(std::max(0, m_size->findData(settings.value(QStringLiteral("export/size"), QStringLiteral("two-column")))));

    m_dpi->setRange(72, 1200);
    m_dpi->setSingleStep(50);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(settings.value(QStringLiteral("export/dpi"), 300).toInt());
    m_dpi->setToolTip(tr("Resolution of PNG files; SVG and PDF are vector graphics."));

    m_folder->setText(settings.value(QStringLiteral("export/folder"), QDir::home().filePath(QStringLiteral("qkstudio-figures"))).toString());
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Figures:"), which);
    form->addRow(tr("Formats:"), formats);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("PNG resolution:"), m_dpi);
    form->addRow(tr("Folder:"), folderRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* go = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    go->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::runExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

bool ExportDialog::allFigures() const
{
    return m_all->isChecked();
}

ExportOptions ExportDialog::exportOptions() const
{
    ExportOptions o;
    o.outDir = m_folder->text();
    o.formats.clear();
    if (m_png->isChecked())
        o.formats.insert(ExportFormat::Png);
    if (m_svg->isChecked())
        o.formats.insert(ExportFormat::Svg);
    if (m_pdf->isChecked())
        o.formats.insert(ExportFormat::Pdf);
    if (m_csv->isChecked())
        o.formats.insert(ExportFormat::Csv);
    o.theme = ChartTheme::byName(m_theme->currentData().toString()).value_or(ChartTheme::paper());
    o.size = figureSizeByName(m_size->currentData().toString()).value_or(figureSizes().value(1));
    o.dpi = m_dpi->value();
    o.figure = m_figureOptions;
    return o;
}

void ExportDialog::runExport()
{
    const ExportOptions o = exportOptions();
    if (o.formats.isEmpty()) {
        QMessageBox::information(this, tr("Export Figures"), tr("Choose at least one format."));
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("export/all"), allFigures());
    QStringList formats;
    if (m_png->isChecked()) formats << QStringLiteral("png");
    if (m_svg->isChecked()) formats << QStringLiteral("svg");
    if (m_pdf->isChecked()) formats << QStringLiteral("pdf");
    if (m_csv->isChecked()) formats << QStringLiteral("csv");
    settings.setValue(QStringLiteral("export/formats"), formats);
    settings.setValue(QStringLiteral("export/theme"), o.theme.name);
    settings.setValue(QStringLiteral("export/size"), o.size.name);
    settings.setValue(QStringLiteral("export/dpi"), o.dpi);
    settings.setValue(QStringLiteral("export/folder"), o.outDir);

    QString error;
    int files = 0;
    QStringList skipped;
    if (allFigures()) {
        for (const ExportedFigure& f : exportAllFigures(m_studies, o, &error)) {
            files += int(f.files.size());
            if (!f.skipped.isEmpty())
                skipped << tr("%1 not written: %2.").arg(f.stem, f.skipped);
        }
    } else {
        files = int(exportFigure(m_current, figureFileStem(m_current), m_studies, o, &error).size());
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    QMessageBox box(QMessageBox::Information, tr("Export Figures"),
                    tr("Wrote %n file(s) to %1.", nullptr, files).arg(QDir::toNativeSeparators(o.outDir)),
                    QMessageBox::Ok, this);
    if (!skipped.isEmpty())
        box.setInformativeText(skipped.join(QLatin1Char('\n')));
    QPushButton* show = box.addButton(tr("Show Folder"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == show)
        QDesktopServices::openUrl(QUrl::fromLocalFile(o.outDir));
    accept();
}

} // namespace qks::gui
