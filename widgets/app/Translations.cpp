#include "app/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace qks::gui {

QStringList shippedLanguages()
{
    return {QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString chosenLanguage(const QString& commandLine)
{
    if (!commandLine.isEmpty())
        return commandLine == QLatin1String("en") ? QString() : commandLine;
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    if (saved == QLatin1String("en"))
        return {};
    if (!saved.isEmpty())
        return saved;
    // System locale: "de_AT" → "de"; Chinese → Simplified Chinese for zh_CN/zh_SG/zh_Hans.
    const QLocale system;
    if (system.language() == QLocale::Chinese)
        return system.script() == QLocale::TraditionalChineseScript ? QString() : QStringLiteral("zh_CN");
    const QString language = system.name().section(QLatin1Char('_'), 0, 0);
    return shippedLanguages().contains(language) ? language : QString();
}

bool installTranslations(const QString& language)
{
    auto* ours = new QTranslator(QCoreApplication::instance());
    // English is the source language; its catalogue adds only the plural forms.
    const QString catalogue = language.isEmpty() ? QStringLiteral("en") : language;
    if (!ours->load(QStringLiteral(":/i18n/qkstudio_") + catalogue)) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    if (language.isEmpty())
        return true;
    // Numbers follow the chosen language ("0,85" in German) unless the system's locale is
    // already of that language (de_AT keeps its own conventions).
    if (QLocale().language() != QLocale(language).language())
        QLocale::setDefault(QLocale(language));
    // Qt's own dialogs and buttons (OK, Cancel, file dialogs), where the system has them.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

QString languageDisplayName(const QString& language)
{
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

} // namespace qks::gui
