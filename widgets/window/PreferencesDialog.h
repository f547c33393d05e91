#pragma once

#include <QDialog>

class QComboBox;

namespace qks::gui {

// Edit → Preferences: the interface language (takes effect at the next start, like most
// desktop applications) and the chart theme.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    QString themeName() const;
    QString language() const; // "" = follow the system

private:
    void save();

    QComboBox* m_language;
    QComboBox* m_theme;
};

} // namespace qks::gui
