#pragma once

#include "charts/FigureKind.h"
#include "charts/FigureOptions.h"
#include "export/FigureExporter.h"
#include "store/StudyStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace qks::gui {

// File → Export Figures: the current figure or all of them, as PNG (chosen dpi), SVG, PDF
// and CSV, in the dark or paper theme, at one- or two-column width. Remembers its choices.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    ExportDialog(FigureKind current, const FigureOptions& options, const QVector<OpenStudy>& studies,
                 QWidget* parent = nullptr);

    ExportOptions exportOptions() const;
    bool allFigures() const;

private:
    void runExport();

    FigureKind m_current;
    FigureOptions m_figureOptions;
    const QVector<OpenStudy>& m_studies;
    QRadioButton* m_onlyCurrent;
    QRadioButton* m_all;
    QCheckBox* m_png;
    QCheckBox* m_svg;
    QCheckBox* m_pdf;
    QCheckBox* m_csv;
    QComboBox* m_theme;
    QComboBox* m_size;
    QSpinBox* m_dpi;
    QLineEdit* m_folder;
};

} // namespace qks::gui
