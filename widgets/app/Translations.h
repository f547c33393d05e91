#pragma once

#include <QString>
#include <QStringList>

namespace qks::gui {

// Languages the application ships, as locale names ("de", "zh_CN"); English is the source.
QStringList shippedLanguages();
// The language to use: the command line's, else the one chosen in Preferences, else the
// system locale's when shipped, else English. "" means English.
QString chosenLanguage(const QString& commandLine = {});
// Loads our and Qt's own translations for `language` into the application. Returns false
// when our catalogue for it is missing (the application stays in English).
bool installTranslations(const QString& language);
// The language's name in that language ("Deutsch", "简体中文").
QString languageDisplayName(const QString& language);

} // namespace qks::gui
