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
#include <QFormLayout>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
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
    void theFormFitsTheScreenAndScrolls();
    void fixedChoicesAreLists();
    void modelFieldsReadWidestFirstAndCountsNameTheirUnit();
    void theOutputFolderFollowsThePreset();
    void aStaircaseProbeScheduleIsPointedOut();

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
    QString cpuLine, preview;
    for (QComboBox* box : d.findChildren<QComboBox*>())
        if (const int i = box->findData(QStringLiteral("cpu")); i >= 0)
            cpuLine = box->itemText(i);
    for (QLabel* label : d.findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral(" · ")))
            preview = label->text();
    QCoreApplication::removeTranslator(&german);
    // What the dialog says of the machine and the data is German too.
    QVERIFY2(cpuLine.startsWith(QStringLiteral("CPU, ")) && cpuLine.contains(QStringLiteral("Kern")), qPrintable(cpuLine));
    QVERIFY2(preview.startsWith(QStringLiteral("vorbereitet · ")), qPrintable(preview));

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

// A laptop screen (the offscreen platform's is 800×600): the dialog is no taller than the
// screen, the form scrolls, and Start and Cancel stay in view.
void TestConfigDialog::theFormFitsTheScreenAndScrolls()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    const QRect screen = d.screen()->availableGeometry();
    QVERIFY2(d.height() <= screen.height(), qPrintable(QStringLiteral("%1 > %2").arg(d.height()).arg(screen.height())));
    auto* scroll = d.findChild<QScrollArea*>(QStringLiteral("form-scroll"));
    QVERIFY(scroll);
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0); // the form is taller than the room it has
    const QRect start(d.startButton()->mapTo(&d, QPoint(0, 0)), d.startButton()->size());
    QVERIFY(d.startButton()->isVisible() && d.rect().contains(start));
}

// kernels and activation_checkpointing take a fixed set of values: a list, not free text. A
// value from a hand-edited file outside the list is shown and named, not replaced.
void TestConfigDialog::fixedChoicesAreLists()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    auto* kernels = qobject_cast<QComboBox*>(d.field(QStringLiteral("train.kernels")));
    auto* checkpointing = qobject_cast<QComboBox*>(d.field(QStringLiteral("train.activation_checkpointing")));
    QVERIFY(kernels && checkpointing);
    QCOMPARE(kernels->count(), 2);
    QCOMPARE(checkpointing->count(), 3);
    checkpointing->setCurrentText(QStringLiteral("on"));
    kernels->setCurrentText(QStringLiteral("reference"));
    QCOMPARE(d.config().train.activation_checkpointing, std::string("on"));
    QCOMPARE(d.config().train.kernels, std::string("reference"));
    d.setFieldText(QStringLiteral("train.kernels"), QStringLiteral("fast"));
    QCOMPARE(kernels->currentText(), QStringLiteral("fast"));
    QVERIFY(!d.startButton()->isEnabled());
    QVERIFY(d.issues().join(QLatin1Char('\n')).contains(QStringLiteral("train.kernels")));
}

void TestConfigDialog::modelFieldsReadWidestFirstAndCountsNameTheirUnit()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    auto* form = qobject_cast<QFormLayout*>(d.field(QStringLiteral("model.d_model"))->parentWidget()->layout());
    QVERIFY(form);
    QStringList order;
    for (int row = 0; row < form->rowCount(); ++row)
        order << qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)->widget())->text();
    QCOMPARE(order, (QStringList{"d_model", "n_layers", "n_heads", "n_kv_heads", "d_ff", "vocab_size", "max_seq_len",
                                 "rope_base", "init_std"}));
    const auto labelOf = [&](const QString& key) {
        auto* f = qobject_cast<QFormLayout*>(d.field(key)->parentWidget()->layout());
        return qobject_cast<QLabel*>(f->labelForField(d.field(key)))->text();
    };
    QCOMPARE(labelOf(QStringLiteral("probe.every")), QStringLiteral("every (micro-steps)"));
    QCOMPARE(labelOf(QStringLiteral("probe.early_until")), QStringLiteral("early_until (micro-steps)"));
    QCOMPARE(labelOf(QStringLiteral("train.tokens")), QStringLiteral("tokens (tokens)"));
}

void TestConfigDialog::theOutputFolderFollowsThePreset()
{
    ConfigDialog d;
    StudyConfig c = validConfig();
    c.study.out = presetConfig("tiny-cpu").study.out;
    d.setConfig(c);
    auto* preset = d.findChild<QComboBox*>();
    const auto choose = [&](const char* name) {
        const int i = preset->findData(QString::fromLatin1(name));
        preset->setCurrentIndex(i);
        Q_EMIT preset->activated(i);
    };
    choose("study-50m");
    QCOMPARE(d.config().study.out, presetConfig("study-50m").study.out);
    QCOMPARE(d.config().data.path, c.data.path); // the data stays
    // A folder the user chose stays through a preset change.
    for (QLineEdit* line : d.findChildren<QLineEdit*>())
        if (line->text() == QString::fromStdString(presetConfig("study-50m").study.out))
            line->setText(m_dir.path() + QStringLiteral("/mine"));
    choose("tiny-cpu");
    QCOMPARE(QString::fromStdString(d.config().study.out), m_dir.path() + QStringLiteral("/mine"));
}

void TestConfigDialog::aStaircaseProbeScheduleIsPointedOut()
{
    ConfigDialog d;
    d.setConfig(validConfig());
    QVERIFY(!d.estimateText().contains(QStringLiteral("rises in steps")));
    d.setFieldText(QStringLiteral("probe.early_every"), QStringLiteral("1"));
    d.setFieldText(QStringLiteral("train.gradient_accumulation_steps"), QStringLiteral("4"));
    QVERIFY2(d.estimateText().contains(QStringLiteral("rises in steps")), qPrintable(d.estimateText()));
    QVERIFY(d.startButton()->isEnabled()); // said, not refused
}

QTEST_MAIN(TestConfigDialog)
#include "test_config_dialog.moc"
