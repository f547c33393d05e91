#include "window/PreferencesDialog.h"

#include "app/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace qks::gui {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Preferences"));
    const QSettings settings;
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(languageDisplayName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString& l : shippedLanguages())
        m_language->addItem(languageDisplayName(l), l);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(QStringLiteral("language")).toString())));

    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->addItem(tr("Paper"), QStringLiteral("paper"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.value(QStringLiteral("theme"), QStringLiteral("dark")))));

    auto* note = new QLabel(tr("A new language takes effect when QK Studio starts again."), this);
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), note);
    form->addRow(tr("Chart theme:"), m_theme);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PreferencesDialog::themeName() const
{
    return m_theme->currentData().toString();
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::save()
{
    QSettings settings;
    if (language().isEmpty())
        settings.remove(QStringLiteral("language"));
    else
        settings.setValue(QStringLiteral("language"), language());
    settings.setValue(QStringLiteral("theme"), themeName());
}

} // namespace qks::gui
