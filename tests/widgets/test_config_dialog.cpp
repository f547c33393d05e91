// The New Study dialog: presets, inline validation naming the rule (in the user's language),
// the data preview, the memory refusal, and saving and loading the configuration.
#include "study/ConfigDialog.h"

#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "config/Validation.h"
#include "data/Prepare.h"
#include "study/ConfigIssueText.h"

#include "TinyCorpus.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <nlohmann/json.hpp>

#include <set>

using namespace qks;
using namespace qks::gui;

namespace {
QString jsonText(const StudyConfig& c)
{
    return QString::fromStdString(configToJson(c).dump(1));
}
} // namespace

class TestConfigDialog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aValidConfigurationCanStart();
    void brokenRulesAreNamedAndBlockStart();
    void brokenRulesAreShownInGerman();
    void rulesInEnglishReadAsTheCliPrintsThem();
    void fieldsThatDoNotParseAreReported();
    void dataProblemsAreReported();
    void anImpossibleMemoryNeedIsRefused();
    void measureSpeedWaitsForABusyDevice();
    void presetsFillTheForm();
    void savesAndLoadsJson();
    void textDataIsPreparedIntoTheOutputFolder();

private:
    StudyConfig validConfig() const;
    QTemporaryDir m_dir;
};

void TestConfigDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    qks::testing::prepareTinyTokens(m_dir.path());
}

StudyConfig TestConfigDialog::validConfig() const
{
    StudyConfig c = presetConfig("tiny-cpu");
    c.model.vocab_size = 300;
    c.model.max_seq_len = 32;
    c.data.path = (m_dir.path() + QStringLiteral("/tokens")).toStdString();
    c.study.out = (m_dir.path() + QStringLiteral("/study")).toStdString();
    c.train.device = "cpu";
    return c;
}

void TestConfigDialog::aValidConfigurationCanStart()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    QVERIFY2(d.issues().isEmpty(), qPrintable(d.issues().join(QLatin1Char('\n'))));
    QVERIFY(d.startButton()->isEnabled());
    QVERIFY(d.estimateText().contains(QStringLiteral("Parameters:")));
    QVERIFY(d.estimateText().contains(QStringLiteral("Memory per run")));
    const StudyConfig back = d.config();
    QCOMPARE(jsonText(back), jsonText(validConfig())); // the form round-trips every setting
}

void TestConfigDialog::brokenRulesAreNamedAndBlockStart()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    d.setFieldText(QStringLiteral("model.n_heads"), QStringLiteral("3"));
    QVERIFY(!d.startButton()->isEnabled());
    bool named = false;
    for (const QString& issue : d.issues())
        named = named || (issue.startsWith(QStringLiteral("model.n_heads: ")) && issue.contains(QStringLiteral("divide")));
    QVERIFY2(named, qPrintable(d.issues().join(QLatin1Char('\n'))));
    QVERIFY(d.field(QStringLiteral("model.n_heads"))->styleSheet().contains(QStringLiteral("border")));
    QVERIFY(d.field(QStringLiteral("model.n_heads"))->toolTip().contains(QStringLiteral("divide")));
    d.setFieldText(QStringLiteral("model.n_heads"), QStringLiteral("4"));
    QVERIFY(d.issues().isEmpty());
    QVERIFY(d.field(QStringLiteral("model.n_heads"))->styleSheet().isEmpty());

    // No condition at all.
    for (QCheckBox* box : d.findChildren<QCheckBox*>()) {
        if (box->property("tag").isValid())
            box->setChecked(false);
    }
    QVERIFY(!d.startButton()->isEnabled());
    QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("study.conditions")));
}

void TestConfigDialog::brokenRulesAreShownInGerman()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/qkstudio_de")));
    QCoreApplication::installTranslator(&german);
    ConfigDialog d;
    d.setConfig(validConfig());
    d.setFieldText(QStringLiteral("model.n_heads"), QStringLiteral("3"));
    d.setFieldText(QStringLiteral("train.kernels"), QStringLiteral("fast"));
    const QString issues = d.issues().join(QLatin1Char('\n'));
    const QString tip = d.field(QStringLiteral("model.n_heads"))->toolTip();
    QCoreApplication::removeTranslator(&german);

    // The rule worded in German around core's values; setting names and values stay as they are.
    QVERIFY2(issues.contains(QStringLiteral("model.n_heads: muss model.d_model (128) teilen")), qPrintable(issues));
    QVERIFY2(issues.contains(QStringLiteral("train.kernels: muss fused oder reference sein (ist „fast“)")),
             qPrintable(issues));
    QCOMPARE(tip, QStringLiteral("muss model.d_model (128) teilen"));
    QVERIFY2(!issues.contains(QStringLiteral("must")), qPrintable(issues)); // no English left
    QVERIFY(!d.startButton()->isEnabled());
}

// Without a translator the dialog's English is core's: the words a user reads in the dialog
// are the ones the CLI prints for the same configuration.
void TestConfigDialog::rulesInEnglishReadAsTheCliPrintsThem()
{
    StudyConfig many = presetConfig("tiny-cpu");
    many.model.d_ff = -1;
    many.model.n_heads = 3;
    many.model.max_seq_len = 1;
    many.model.rope_base = 1.0;
    many.model.init_std = 0.0;
    many.train.tokens = 1;
    many.train.muon_momentum = 1.0;
    many.train.weight_decay = -1.0;
    many.train.grad_clip = -1.0;
    many.train.seed = -1;
    many.train.threads = -1;
    many.train.kernels = "fast";
    many.train.activation_checkpointing = "maybe";
    many.train.device = "tpu";
    many.train.cpu_shards = -1;
    many.probe.every = 0;
    many.probe.early_every = -1;
    many.probe.early_until = -1;
    many.data.path.clear();
    many.checkpoint.every_tokens = -1;
    many.checkpoint.keep = 0;
    many.study.out.clear();
    many.study.conditions = {"X", "QK", "QK"};
    StudyConfig oddHeads = presetConfig("tiny-cpu");
    oddHeads.model.d_model = 120; // d_k = 15
    oddHeads.model.n_heads = 8;
    oddHeads.model.n_kv_heads = 8;
    oddHeads.study.conditions.clear();
    StudyConfig huge = presetConfig("tiny-cpu");
    huge.model.vocab_size = int64_t(1) << 45;             // more than 2^50 parameters
    huge.train.batch_size = int64_t(1) << 60;             // tokens per step overflow, activations
    std::set<int> seen;
    for (const StudyConfig& c : {many, oddHeads, huge}) {
        for (const ConfigIssue& i : validateConfig(c)) {
            seen.insert(int(i.id));
            QCOMPARE(configIssueText(i), QString::fromStdString(i.rule));
        }
    }
    QCOMPARE(int(seen.size()), int(ConfigRule::ListedTwice) + 1); // every rule was seen
}

void TestConfigDialog::fieldsThatDoNotParseAreReported()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    d.setFieldText(QStringLiteral("train.muon_lr"), QStringLiteral("fast"));
    QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("train.muon_lr: must be a number")));
    d.setFieldText(QStringLiteral("train.muon_lr"), QStringLiteral("1e-3"));
    QVERIFY(d.issues().isEmpty());
    QCOMPARE(d.config().train.muon_lr, 1e-3);
}

void TestConfigDialog::dataProblemsAreReported()
{
    ConfigDialog d;
    StudyConfig c = validConfig();
    c.data.path = "/no/such/data";
    d.setConfig(c);
    QVERIFY(!d.startButton()->isEnabled());
    QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("data.path")));
    // Ids above the model's vocabulary: the dataset refuses them, named.
    c = validConfig();
    c.model.vocab_size = 100;
    d.setConfig(c);
    QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("data.path")));
    // The preview of good data.
    d.setConfig(validConfig());
    bool shown = false;
    for (QLabel* label : d.findChildren<QLabel*>())
        shown = shown || label->text().contains(QStringLiteral("sequences of 32 tokens"));
    QVERIFY(shown);
}

void TestConfigDialog::anImpossibleMemoryNeedIsRefused()
{
    ConfigDialog d;
    StudyConfig c = validConfig();
    c.model.max_seq_len = 32;
    c.train.batch_size = 4'000'000; // ~TBs of activations
    d.setConfig(c);
    QVERIFY(!d.startButton()->isEnabled());
    bool refused = false;
    for (const QString& issue : d.issues())
        refused = refused || (issue.startsWith(QStringLiteral("train.batch_size")) && issue.contains(QStringLiteral("memory")));
    QVERIFY2(refused, qPrintable(d.issues().join(QLatin1Char('\n'))));
}

void TestConfigDialog::measureSpeedWaitsForABusyDevice()
{
    QString busy = QStringLiteral("QK of /runs/first");
    QStringList asked;
    ConfigDialog d;
    d.setConfig(validConfig());
    QVERIFY(d.measureButton()->isEnabled()); // nobody said what the devices do
    d.setDeviceUse([&](const QString& device) {
        asked << device;
        return device == QLatin1String("cpu") ? busy : QString();
    });
    QCOMPARE(asked.last(), QStringLiteral("cpu"));
    QVERIFY(!d.measureButton()->isEnabled());
    QVERIFY(d.measureButton()->toolTip().contains(busy));
    QVERIFY2(d.estimateText().contains(busy), qPrintable(d.estimateText()));
    QVERIFY(d.startButton()->isEnabled()); // a new study still queues behind the running one

    // auto asks about the device it would train on, as the run queues resolve it.
    StudyConfig onAuto = validConfig();
    onAuto.train.device = "auto";
    d.setConfig(onAuto);
    QCOMPARE(asked.last(), QString::fromStdString(deviceFor("auto", availableDevices())));

    busy.clear(); // the run ended
    d.refreshDeviceUse();
    QVERIFY(d.measureButton()->isEnabled());
    QVERIFY(!d.estimateText().contains(QStringLiteral("/runs/first")));
}

void TestConfigDialog::presetsFillTheForm()
{
    ConfigDialog d;
    d.setConfig(presetConfig("study-50m"));
    auto* preset = d.findChild<QComboBox*>();
    QCOMPARE(preset->currentData().toString(), QStringLiteral("study-50m"));
    QCOMPARE(qobject_cast<QLineEdit*>(d.field(QStringLiteral("model.d_model")))->text(), QStringLiteral("2048"));
    QVERIFY(d.estimateText().contains(QStringLiteral("1,577,199,616")) || d.estimateText().contains(QStringLiteral("1577199616")));
    d.setFieldText(QStringLiteral("model.n_layers"), QStringLiteral("31"));
    QCOMPARE(preset->currentData().toString(), QString()); // now "custom"
}

void TestConfigDialog::savesAndLoadsJson()
{
    ConfigDialog d;
    StudyConfig c = validConfig();
    c.train.seed = 1234;
    c.probe.every = 7;
    d.setConfig(c);
    const QString file = m_dir.path() + QStringLiteral("/saved.json");
    QString error;
    QVERIFY2(d.saveFile(file, &error), qPrintable(error));
    ConfigDialog e;
    QVERIFY2(e.loadFile(file, &error), qPrintable(error));
    QCOMPARE(jsonText(e.config()), jsonText(c));
    QVERIFY(!e.loadFile(m_dir.path() + QStringLiteral("/missing.json"), &error));
    QVERIFY(!error.isEmpty());
}

void TestConfigDialog::textDataIsPreparedIntoTheOutputFolder()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    const auto kinds = d.findChildren<QComboBox*>();
    QComboBox* dataKind = nullptr;
    for (QComboBox* box : kinds) {
        if (box->count() == 2 && box->itemText(1).contains(QStringLiteral("Text folder")))
            dataKind = box;
    }
    QVERIFY(dataKind);
    dataKind->setCurrentIndex(1);
    for (QLineEdit* line : d.findChildren<QLineEdit*>()) {
        if (line->text() == m_dir.path() + QStringLiteral("/tokens"))
            line->setText(m_dir.path() + QStringLiteral("/text"));
    }
    const auto prepare = d.prepareOptions();
    QVERIFY(prepare);
    QCOMPARE(QString::fromStdString(prepare->outDir.string()), m_dir.path() + QStringLiteral("/study/data"));
    QCOMPARE(QString::fromStdString(d.config().data.path), m_dir.path() + QStringLiteral("/study/data"));
    QCOMPARE(prepare->seqLen, int64_t(32));
    QVERIFY2(d.issues().isEmpty(), qPrintable(d.issues().join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestConfigDialog)
#include "test_config_dialog.moc"
