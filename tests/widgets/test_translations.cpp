// The German and Chinese catalogues are complete, compiled in, and load.
#include "app/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace qks::gui;

class TestTranslations final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void compiledCataloguesLoad();
    void englishHasPluralForms();
};

void TestTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, language);
    QFile ts(QStringLiteral(QKS_TRANSLATIONS_DIR "/qkstudio_") + language + QStringLiteral(".ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString source;
    const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    const auto placeholders = [&](const QString& s) {
        QStringList found;
        for (auto it = placeholder.globalMatch(s); it.hasNext();)
            found << it.next().captured(0);
        found.sort();
        found.removeDuplicates();
        return found;
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message"))
            ++messages;
        else if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            QVERIFY2(type.isEmpty(), qPrintable(language + QStringLiteral(": not translated (") + type +
                                                QStringLiteral("): ") + source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 150);

    // Second pass with a simple parser for text and placeholders of every message.
    ts.seek(0);
    QXmlStreamReader again(&ts);
    while (!again.atEnd()) {
        again.readNext();
        if (again.isStartElement() && again.name() == QLatin1String("source"))
            source = again.readElementText();
        if (again.isStartElement() && again.name() == QLatin1String("translation")) {
            const QString text = again.readElementText(QXmlStreamReader::IncludeChildElements);
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(language + QStringLiteral(": empty: ") + source));
            QCOMPARE(placeholders(text), placeholders(source));
        }
    }
}

void TestTranslations::compiledCataloguesLoad()
{
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/qkstudio_de")));
    const QString file = de.translate("qks::gui::MainWindow", "&File");
    QVERIFY2(!file.isEmpty() && file != QStringLiteral("&File"), qPrintable(file));
    QCOMPARE(de.translate("qks::gui::RunStyle", "Learned γ"), QStringLiteral("Gelerntes γ"));

    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/qkstudio_zh_CN")));
    QCOMPARE(zh.translate("qks::gui::RunStyle", "No QK-Norm"), QStringLiteral("无 QK-Norm"));
    QVERIFY(zh.translate("qks::gui::MainWindow", "&File").contains(QStringLiteral("(&F)")));

    // Installing follows the language chosen on the command line.
    QVERIFY(installTranslations(QStringLiteral("de")));
    QCOMPARE(QCoreApplication::translate("qks::gui::RunStyle", "Frozen γ=1"), QStringLiteral("Eingefrorenes γ=1"));
    QVERIFY(!installTranslations(QStringLiteral("xx"))); // no such catalogue: stays as it was
}

void TestTranslations::englishHasPluralForms()
{
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/qkstudio_en")));
    QCOMPARE(en.translate("qks::gui::RunsPanel", "%n probe(s)", nullptr, 1), QStringLiteral("%n probe"));
    QCOMPARE(en.translate("qks::gui::RunsPanel", "%n probe(s)", nullptr, 26), QStringLiteral("%n probes"));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
