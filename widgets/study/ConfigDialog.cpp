#include "study/ConfigDialog.h"

#include "app/AppTheme.h"
#include "config/Condition.h"
#include "config/ConfigJson.h"
#include "config/ParamCount.h"
#include "config/Presets.h"
#include "config/ResourceEstimate.h"
#include "config/Validation.h"
#include "data/TextCorpus.h"
#include "data/TokenDataset.h"
#include "store/RunStyle.h"
#include "train/Hardware.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QTabWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <cmath>
#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

// Settings with a field of their own elsewhere in the dialog.
bool shownElsewhere(const QString& key)
{
    return key == QLatin1String("train.device") || key.startsWith(QLatin1String("data.")) ||
           key.startsWith(QLatin1String("study."));
}

QString describeField(const QString& key)
{
    static const QHash<QString, const char*> text = {
        {QStringLiteral("model.d_model"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Residual width")},
        {QStringLiteral("model.n_layers"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Transformer blocks")},
        {QStringLiteral("model.n_heads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Query heads; d_k = d_model / n_heads")},
        {QStringLiteral("model.n_kv_heads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Key/value heads (grouped-query attention); must divide n_heads")},
        {QStringLiteral("model.d_ff"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Feed-forward width")},
        {QStringLiteral("model.vocab_size"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Embedding rows (tied with the output layer); every token id must be below it")},
        {QStringLiteral("model.max_seq_len"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Sequence length T of every training sequence")},
        {QStringLiteral("model.rope_base"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "RoPE frequency base")},
        {QStringLiteral("model.init_std"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Standard deviation of the weight initialization")},
        {QStringLiteral("train.batch_size"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Sequences per micro-step")},
        {QStringLiteral("train.gradient_accumulation_steps"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Micro-steps per optimizer step")},
        {QStringLiteral("train.tokens"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Token budget per condition")},
        {QStringLiteral("train.muon_lr"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Muon step size (block matrices)")},
        {QStringLiteral("train.muon_momentum"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Muon momentum (Nesterov)")},
        {QStringLiteral("train.adamw_lr"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "AdamW step size (embedding, norm weights)")},
        {QStringLiteral("train.weight_decay"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "AdamW decoupled weight decay")},
        {QStringLiteral("train.grad_clip"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Global gradient-norm clip at every optimizer step; 0 = off")},
        {QStringLiteral("train.seed"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Seed of the initialization and the data order (the same for every condition)")},
        {QStringLiteral("train.threads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU threads; 0 = every core")},
        {QStringLiteral("train.bf16_autocast"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "bf16 autocast on CUDA (never on the CPU)")},
        {QStringLiteral("train.activation_checkpointing"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Keep only each block's input and recompute the block in backward: auto (only when the memory estimate exceeds the device), on or off")},
        {QStringLiteral("train.kernels"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU kernels: fused (faster, equal up to rounding) or reference (the original's operations, bit for bit)")},
        {QStringLiteral("train.cpu_shards"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU with fused kernels: split each micro-batch into this many shards trained side by side, each on its share of the threads; 0 = auto (one per thread when they divide the batch)")},
        {QStringLiteral("train.cuda_graph"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CUDA: record each micro-step's forward and backward pass once as a CUDA graph and replay it (fewer kernel launches; needs a CUDA build with LibTorch 2.x)")},
        {QStringLiteral("probe.every"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Probe interval in micro-steps, after the probe at 0")},
        {QStringLiteral("probe.early_every"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Denser probe interval before early_until; 0 = off")},
        {QStringLiteral("probe.early_until"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Micro-step where the dense early probing ends")},
        {QStringLiteral("probe.at_end"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also probe after the last micro-step when it is off the grid")},
        {QStringLiteral("probe.batch"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Validation sequences in the fixed probe batch")},
        {QStringLiteral("probe.val_batches"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Validation batches averaged for the validation loss")},
        {QStringLiteral("probe.post_rope"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also record the key PR after RoPE (extra keys in results.json)")},
        {QStringLiteral("checkpoint.every_tokens"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also save a checkpoint after this many tokens; 0 = only at the end")},
        {QStringLiteral("checkpoint.keep"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Checkpoints kept per run, newest first")},
        {QStringLiteral("checkpoint.at_end"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Save a checkpoint when the run ends or is stopped (needed to resume)")},
    };
    const auto it = text.find(key);
    return it == text.end() ? QString() : QCoreApplication::translate("qks::gui::ConfigDialog", it.value());
}

QString numberText(const nlohmann::json& v)
{
    if (v.is_boolean())
        return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.is_number_integer())
        return QString::number(v.get<int64_t>());
    if (v.is_number_float())
        return QString::number(v.get<double>(), 'g', 10);
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(v.dump());
}

// Compares what a preset decides (not where data and results go, nor the device).
nlohmann::json presetPart(const StudyConfig& c)
{
    nlohmann::json j = configToJson(c);
    j.erase("data");
    j["study"].erase("out");
    j["train"].erase("device");
    j["train"].erase("threads");
    return j;
}

QString shapeKey(const StudyConfig& c)
{
    const nlohmann::json j = configToJson(c);
    return QString::fromStdString(j["model"].dump() + j["train"]["batch_size"].dump() + j["train"]["device"].dump() +
                                  j["train"]["threads"].dump());
}

// A red frame around a field that breaks a rule.
void markBroken(QWidget* field, bool broken)
{
    field->setStyleSheet(broken ? QStringLiteral("border: 1px solid %1;").arg(kErrorColor.name()) : QString());
}

QString durationText(double seconds)
{
    if (seconds < 90)
        return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 s").arg(std::lround(seconds));
    if (seconds < 5400)
        return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 min").arg(std::lround(seconds / 60));
    return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

ConfigDialog::ConfigDialog(QWidget* parent)
    : QDialog(parent)
    , m_preset(new QComboBox(this))
    , m_dataKind(new QComboBox(this))
    , m_dataPath(new QLineEdit(this))
    , m_tokenizer(new QLineEdit(this))
    , m_vocabForText(new QLineEdit(this))
    , m_dataPreview(new QLabel(this))
    , m_device(new QComboBox(this))
    , m_out(new QLineEdit(this))
    , m_estimate(new QLabel(this))
    , m_issuesLabel(new QLabel(this))
    , m_measure(new QPushButton(tr("Measure speed"), this))
    , m_start(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_base(presetConfig("tiny-cpu"))
    , m_devices(availableDevices())
{
    setWindowTitle(tr("New Study"));
    buildForm();
    const QString last = QSettings().value(QStringLiteral("study/lastConfig")).toString();
    StudyConfig initial = presetConfig("tiny-cpu");
    if (!last.isEmpty()) {
        try {
            initial = configFromJson(nlohmann::json::parse(last.toStdString()), initial);
        } catch (const std::exception&) {
            // A stale or foreign saved configuration: start from the preset.
        }
    }
    setConfig(initial);
}

void ConfigDialog::buildForm()
{
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:"), this));
    for (const std::string& name : presetNames())
        m_preset->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_preset->addItem(tr("custom"), QString());
    m_preset->setToolTip(tr("tiny-cpu: the demo (minutes on a laptop); pilot-500k and study-50m: the published runs"));
    top->addWidget(m_preset);
    top->addStretch(1);
    auto* load = new QPushButton(tr("Load…"), this);
    auto* save = new QPushButton(tr("Save…"), this);
    top->addWidget(load);
    top->addWidget(save);
    layout->addLayout(top);
    connect(m_preset, &QComboBox::activated, this, [this] {
        const QString name = m_preset->currentData().toString();
        if (!name.isEmpty())
            applyPreset(name);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Configuration"), QString(), tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty() && !loadFile(path, &error))
            m_issuesLabel->setText(error);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Configuration"), QStringLiteral("config.json"),
                                                          tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty() && !saveFile(path, &error))
            m_issuesLabel->setText(error);
    });

    auto* conditions = new QGroupBox(tr("Conditions"), this);
    auto* conditionRow = new QHBoxLayout(conditions);
    const char* tags[3] = {"QK", "QK_frozen", "NoQK"};
    for (int i = 0; i < 3; ++i) {
        m_conditions[i] = new QCheckBox(QStringLiteral("%1 (%2)").arg(conditionLabel(QLatin1String(tags[i])), QLatin1String(tags[i])), conditions);
        m_conditions[i]->setProperty("tag", QLatin1String(tags[i]));
        conditionRow->addWidget(m_conditions[i]);
        connect(m_conditions[i], &QCheckBox::toggled, this, &ConfigDialog::revalidate);
    }
    layout->addWidget(conditions);

    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    m_dataKind->addItem(tr("Token data folder (prepared, llm.c shards or Hugging Face arrow)"));
    m_dataKind->addItem(tr("Text folder (.txt, .jsonl), tokenized first"));
    dataForm->addRow(tr("Source:"), m_dataKind);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_dataPath, 1);
    auto* browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(browse);
    dataForm->addRow(tr("Folder:"), pathRow);
    m_tokenizer->setPlaceholderText(tr("empty: train a byte-level BPE on the text"));
    dataForm->addRow(tr("Tokenizer:"), m_tokenizer);
    m_vocabForText->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*")), this));
    dataForm->addRow(tr("Vocabulary size:"), m_vocabForText);
    m_dataPreview->setWordWrap(true);
    m_dataPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataForm->addRow(tr("Preview:"), m_dataPreview);
    layout->addWidget(data);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data Folder"), m_dataPath->text());
        if (!dir.isEmpty())
            m_dataPath->setText(dir);
    });
    for (QLineEdit* e : {m_dataPath, m_tokenizer, m_vocabForText})
        connect(e, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
    connect(m_dataKind, &QComboBox::currentIndexChanged, this, [this, dataForm](int kind) {
        dataForm->setRowVisible(m_tokenizer, kind == 1);
        dataForm->setRowVisible(m_vocabForText, kind == 1);
        revalidate();
    });
    dataForm->setRowVisible(m_tokenizer, false);
    dataForm->setRowVisible(m_vocabForText, false);

    auto* run = new QGroupBox(tr("Run"), this);
    auto* runForm = new QFormLayout(run);
    m_device->addItem(tr("auto (first GPU, else CPU)"), QStringLiteral("auto"));
    for (const DeviceInfo& d : m_devices) {
        QString text = QString::fromStdString(d.description);
        if (d.memoryBytes > 0)
            text += QStringLiteral(", ") + QString::fromStdString(formatBytes(d.memoryBytes));
        m_device->addItem(text, QString::fromStdString(d.id));
    }
    runForm->addRow(tr("Device:"), m_device);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_out, 1);
    auto* browseOut = new QPushButton(tr("Browse…"), this);
    outRow->addWidget(browseOut);
    runForm->addRow(tr("Output folder:"), outRow);
    layout->addWidget(run);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ConfigDialog::revalidate);
    connect(m_out, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output Folder"), m_out->text());
        if (!dir.isEmpty())
            m_out->setText(dir);
    });

    m_tabs->addTab(makeSection("model"), tr("Model"));
    m_tabs->addTab(makeSection("train"), tr("Training"));
    m_tabs->addTab(makeSection("probe"), tr("Probe"));
    m_tabs->addTab(makeSection("checkpoint"), tr("Checkpoints"));
    layout->addWidget(m_tabs);

    auto* estimate = new QGroupBox(tr("Estimate"), this);
    auto* estimateRow = new QHBoxLayout(estimate);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    estimateRow->addWidget(m_estimate, 1);
    estimateRow->addWidget(m_measure, 0, Qt::AlignTop);
    layout->addWidget(estimate);
    connect(m_measure, &QPushButton::clicked, this, &ConfigDialog::measureSpeed);

    m_issuesLabel->setWordWrap(true);
    m_issuesLabel->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColor.name()));
    layout->addWidget(m_issuesLabel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        revalidate();
        if (!m_issues.isEmpty())
            return;
        QSettings().setValue(QStringLiteral("study/lastConfig"), QString::fromStdString(configToJson(config()).dump()));
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QWidget* ConfigDialog::makeSection(const char* section)
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    const nlohmann::json values = configToJson(m_base)[section];
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString key = QLatin1String(section) + QLatin1Char('.') + QString::fromStdString(it.key());
        if (shownElsewhere(key))
            continue;
        QWidget* editor = nullptr;
        if (it->is_boolean()) {
            auto* box = new QCheckBox(page);
            connect(box, &QCheckBox::toggled, this, &ConfigDialog::revalidate);
            editor = box;
        } else {
            auto* line = new QLineEdit(page);
            if (it->is_number_integer())
                line->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?[0-9]*")), line));
            connect(line, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
            editor = line;
        }
        editor->setObjectName(key);
        editor->setProperty("jsonType", it->is_boolean() ? 0 : it->is_number_integer() ? 1 : it->is_number_float() ? 2 : 3);
        const QString help = describeField(key);
        editor->setToolTip(help);
        m_fields.insert(key, editor);
        auto* label = new QLabel(QString::fromStdString(it.key()), page);
        label->setToolTip(help);
        form->addRow(label, editor);
    }
    return page;
}

void ConfigDialog::setConfig(const StudyConfig& config)
{
    m_loading = true;
    m_base = config;
    const nlohmann::json j = configToJson(config);
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QString section = it.key().section(QLatin1Char('.'), 0, 0);
        const std::string key = it.key().section(QLatin1Char('.'), 1).toStdString();
        const nlohmann::json& v = j[section.toStdString()][key];
        if (auto* box = qobject_cast<QCheckBox*>(it.value()))
            box->setChecked(v.get<bool>());
        else if (auto* line = qobject_cast<QLineEdit*>(it.value()))
            line->setText(numberText(v));
    }
    for (QCheckBox* box : m_conditions) {
        const std::string tag = box->property("tag").toString().toStdString();
        box->setChecked(std::find(config.study.conditions.begin(), config.study.conditions.end(), tag) !=
                        config.study.conditions.end());
    }
    m_dataKind->setCurrentIndex(0);
    m_dataPath->setText(QString::fromStdString(config.data.path));
    m_vocabForText->setText(QString::number(config.model.vocab_size));
    const int device = m_device->findData(QString::fromStdString(config.train.device));
    m_device->setCurrentIndex(device >= 0 ? device : 0);
    m_out->setText(QString::fromStdString(config.study.out));
    m_loading = false;
    revalidate();
}

void ConfigDialog::applyPreset(const QString& name)
{
    StudyConfig preset = presetConfig(name.toStdString());
    // Keep where the data is, where results go and the device: a preset is about the study.
    const StudyConfig current = config();
    preset.data = current.data;
    preset.study.out = current.study.out;
    preset.train.device = current.train.device;
    setConfig(preset);
}

void ConfigDialog::setFieldText(const QString& key, const QString& text)
{
    if (auto* line = qobject_cast<QLineEdit*>(m_fields.value(key)))
        line->setText(text);
    else if (auto* box = qobject_cast<QCheckBox*>(m_fields.value(key)))
        box->setChecked(text == QLatin1String("true"));
}

StudyConfig ConfigDialog::config() const
{
    nlohmann::json patch = nlohmann::json::object();
    m_fieldErrors.clear();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const std::string section = it.key().section(QLatin1Char('.'), 0, 0).toStdString();
        const std::string key = it.key().section(QLatin1Char('.'), 1).toStdString();
        const int type = it.value()->property("jsonType").toInt();
        if (auto* box = qobject_cast<QCheckBox*>(it.value())) {
            patch[section][key] = box->isChecked();
            continue;
        }
        const QString text = static_cast<QLineEdit*>(it.value())->text().trimmed();
        bool ok = false;
        if (type == 1) {
            const qlonglong v = text.toLongLong(&ok);
            if (ok)
                patch[section][key] = int64_t(v);
            else
                m_fieldErrors.insert(it.key(), tr("must be a whole number"));
        } else if (type == 2) {
            const double v = QLocale::c().toDouble(text, &ok);
            if (ok && std::isfinite(v))
                patch[section][key] = v;
            else
                m_fieldErrors.insert(it.key(), tr("must be a number, e.g. 0.02 or 1e-8"));
        } else {
            patch[section][key] = text.toStdString();
        }
    }
    StudyConfig c = m_base;
    try {
        c = configFromJson(patch, m_base);
    } catch (const std::exception&) {
        // Field types are fixed by the form; nothing else can fail here.
    }
    c.study.conditions.clear();
    for (QCheckBox* box : m_conditions) {
        if (box->isChecked())
            c.study.conditions.push_back(box->property("tag").toString().toStdString());
    }
    c.study.out = m_out->text().trimmed().toStdString();
    c.train.device = m_device->currentData().toString().toStdString();
    c.data.path = m_dataKind->currentIndex() == 1 ? c.study.out + "/data" : m_dataPath->text().trimmed().toStdString();
    return c;
}

std::optional<PrepareOptions> ConfigDialog::prepareOptions() const
{
    if (m_dataKind->currentIndex() != 1)
        return std::nullopt;
    const StudyConfig c = config();
    PrepareOptions o;
    o.textDir = m_dataPath->text().trimmed().toStdString();
    o.outDir = c.data.path;
    o.seqLen = c.model.max_seq_len;
    o.vocabSize = m_tokenizer->text().trimmed().isEmpty() ? m_vocabForText->text().toLongLong() : 0;
    o.tokenizerPath = m_tokenizer->text().trimmed().toStdString();
    return o;
}

void ConfigDialog::updateDataPreview(const StudyConfig& c)
{
    if (m_dataKind->currentIndex() == 1) {
        const QString dir = m_dataPath->text().trimmed();
        try {
            const auto files = listTextFiles(dir.toStdString());
            m_dataPreview->setText(tr("%n text file(s); tokenized into %1 before training", nullptr, int(files.size()))
                                       .arg(QDir::toNativeSeparators(QString::fromStdString(c.data.path))));
            if (files.empty())
                m_fieldErrors.insert(QStringLiteral("data.path"), tr("the folder holds no .txt or .jsonl files"));
        } catch (const std::exception& e) {
            m_dataPreview->setText(QString());
            m_fieldErrors.insert(QStringLiteral("data.path"), QString::fromUtf8(e.what()));
        }
        if (m_tokenizer->text().trimmed().isEmpty() && m_vocabForText->text().toLongLong() > c.model.vocab_size)
            m_fieldErrors.insert(QStringLiteral("model.vocab_size"), tr("must be at least the tokenizer's vocabulary size"));
        return;
    }
    DataCheck& check = m_dataCheck;
    if (check.path != c.data.path || check.seqLen != c.model.max_seq_len || check.vocabSize != c.model.vocab_size) {
        check = DataCheck{c.data.path, c.model.max_seq_len, c.model.vocab_size, std::nullopt, QString()};
        try {
            check.info = TokenDataset::open(c.data.path, c.model.max_seq_len, c.model.vocab_size).info();
        } catch (const std::exception& e) {
            check.error = QString::fromUtf8(e.what());
        }
    }
    if (!check.info) {
        m_dataPreview->setText(QString());
        m_fieldErrors.insert(QStringLiteral("data.path"), check.error);
        return;
    }
    const TokenDatasetInfo& i = *check.info;
    QString text = tr("%1 · %2 training and %3 validation sequences of %4 tokens · %5 tokens · ids %6–%7")
                       .arg(QString::fromStdString(i.format), QLocale().toString(qlonglong(i.trainSequences)),
                            QLocale().toString(qlonglong(i.valSequences)), QString::number(i.seqLen),
                            QLocale().toString(qlonglong(i.totalTokens)), QString::number(i.minId),
                            QString::number(i.maxId));
    if (i.metaVocabSize > 0)
        text += tr(" · vocabulary %1").arg(i.metaVocabSize);
    // The run sees each training sequence at most once per pass; say when it will repeat.
    const int64_t tokensPerPass = i.trainSequences * i.seqLen;
    if (tokensPerPass > 0 && c.train.tokens > tokensPerPass)
        text += tr(" · the budget is %1 passes over the data").arg(double(c.train.tokens) / tokensPerPass, 0, 'f', 1);
    m_dataPreview->setText(text);
}

void ConfigDialog::revalidate()
{
    if (m_loading)
        return;
    const StudyConfig c = config(); // fills m_fieldErrors for fields that do not parse
    updateDataPreview(c);           // and adds data problems

    QStringList issues;
    QHash<QString, QString> byField = m_fieldErrors;
    for (const ConfigIssue& i : validateConfig(c)) {
        const QString field = QString::fromStdString(i.field);
        if (byField.contains(field) || field == QLatin1String("data.path"))
            continue; // the parse error or the data check says it better
        byField.insert(field, QString::fromStdString(i.rule));
    }
    if (c.study.conditions.empty())
        byField.insert(QStringLiteral("study.conditions"), tr("choose at least one condition"));
    if (m_out->text().trimmed().isEmpty())
        byField.insert(QStringLiteral("study.out"), tr("choose an output folder"));

    // Memory: the learned-γ condition is the largest, on the device the run would train on
    // (auto: the first GPU, as the trainer picks it).
    const std::string device = deviceFor(m_device->currentData().toString().toStdString(), m_devices);
    const bool cuda = device.rfind("cuda", 0) == 0;
    int64_t available = 0;
    for (const DeviceInfo& d : m_devices) {
        if (d.id == device)
            available = d.memoryBytes;
    }
    // As the trainer decides it: auto checkpoints activations only when they would not fit.
    const bool checkpointing = activationCheckpointingWanted(c, QkNormMode::Learned, cuda, cuda, available);
    const MemoryEstimate memory = estimateTrainingMemory(c, QkNormMode::Learned, cuda, cuda, checkpointing);
    if (available > 0 && memory.total() > available * 9 / 10 && !byField.contains(QStringLiteral("train.batch_size")))
        byField.insert(QStringLiteral("train.batch_size"),
                       tr("the run needs about %1 of memory but the device has %2: lower train.batch_size "
                          "(raising gradient_accumulation_steps keeps the tokens per step) or the model size")
                           .arg(QString::fromStdString(formatBytes(memory.total())),
                                QString::fromStdString(formatBytes(available))));

    // Mark the fields, list the rules.
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const bool bad = byField.contains(it.key());
        markBroken(it.value(), bad);
        it.value()->setToolTip(bad ? byField.value(it.key()) : describeField(it.key()));
    }
    markBroken(m_dataPath, byField.contains(QStringLiteral("data.path")));
    markBroken(m_out, byField.contains(QStringLiteral("study.out")));
    QStringList keys = byField.keys();
    keys.sort();
    for (const QString& k : keys)
        issues << k + QStringLiteral(": ") + byField.value(k);
    m_issues = issues;
    m_issuesLabel->setText(issues.join(QLatin1Char('\n')));
    m_start->setEnabled(issues.isEmpty());

    // Which preset this still is.
    int presetIndex = m_preset->findData(QString());
    for (const std::string& name : presetNames()) {
        if (presetPart(presetConfig(name)) == presetPart(c))
            presetIndex = m_preset->findData(QString::fromStdString(name));
    }
    m_preset->setCurrentIndex(presetIndex);

    // Speed: measured only on a device no run is training on.
    const QString busyWith = m_deviceUse ? m_deviceUse(QString::fromStdString(device)) : QString();
    if (!m_measuring) {
        m_measure->setEnabled(busyWith.isEmpty());
        m_measure->setToolTip(busyWith.isEmpty()
                                  ? tr("Trains a few micro-steps of this model on random tokens to measure the speed")
                                  : tr("%1 is training %2: a measurement now would share the device and read low")
                                        .arg(QString::fromStdString(device), busyWith));
    }

    // Estimate.
    const int64_t params = parameterCount(c.model, QkNormMode::Learned);
    QString text = tr("Parameters: %1 per run.").arg(QLocale().toString(qlonglong(params)));
    text += QLatin1Char('\n') + tr("Memory per run: weights %1 + gradients %2 + optimizer %3 + activations %4 ≈ %5")
                                    .arg(QString::fromStdString(formatBytes(memory.weights)),
                                         QString::fromStdString(formatBytes(memory.gradients)),
                                         QString::fromStdString(formatBytes(memory.optimizer)),
                                         QString::fromStdString(formatBytes(memory.activations)),
                                         QString::fromStdString(formatBytes(memory.total())));
    if (available > 0)
        text += tr(" (the device has %1)").arg(QString::fromStdString(formatBytes(available)));
    if (memory.probeBesideGraph > 0)
        text += QLatin1Char('\n') + tr("The CUDA graph keeps its activations for the whole run: the probe's passes "
                                      "need about %1 beside them (in the total).")
                                       .arg(QString::fromStdString(formatBytes(memory.probeBesideGraph)));
    if (checkpointing)
        text += QLatin1Char('\n') + tr("Activation checkpointing is on: each block is recomputed in backward, "
                                      "about a third more compute for far less memory.");
    const QString shape = shapeKey(c);
    double speed = m_measuredFor == shape ? m_measuredTokensPerSecond : 0.0;
    bool remembered = false;
    if (speed <= 0.0) {
        speed = QSettings().value(QStringLiteral("study/speed/") + QString::number(qHash(shape)), 0.0).toDouble();
        remembered = speed > 0.0;
    }
    const int runs = int(c.study.conditions.size());
    if (speed > 0.0) {
        const double seconds = double(c.train.tokens) * runs / speed;
        text += QLatin1Char('\n') + tr("Time: about %1 for %n run(s) at %2 tokens/s (%3; probes add a little)", nullptr, runs)
                                        .arg(durationText(seconds), QLocale().toString(qlonglong(std::lround(speed))),
                                             remembered ? tr("last measurement") : tr("measured"));
    } else if (busyWith.isEmpty()) {
        text += QLatin1Char('\n') + tr("Time: press Measure speed for an estimate.");
    }
    if (!busyWith.isEmpty())
        text += QLatin1Char('\n') + tr("Time: %1 is training %2; Measure speed waits until it is free, since a "
                                       "measurement beside a run reads low.")
                                        .arg(QString::fromStdString(device), busyWith);
    m_estimate->setText(text);
}

void ConfigDialog::setDeviceUse(DeviceUse use)
{
    m_deviceUse = std::move(use);
    revalidate();
}

void ConfigDialog::refreshDeviceUse()
{
    revalidate();
}

QString ConfigDialog::estimateText() const
{
    return m_estimate->text();
}

void ConfigDialog::measureSpeed()
{
    const StudyConfig c = config();
    if (!m_issues.isEmpty() && !(m_issues.size() == 1 && m_issues.front().startsWith(QLatin1String("data.path"))))
        return;
    m_measuring = true;
    m_measure->setEnabled(false);
    m_measure->setText(tr("Measuring…"));
    const QString shape = shapeKey(c);
    QPointer<ConfigDialog> self(this);
    QThreadPool::globalInstance()->start([self, c, shape] {
        double speed = 0.0;
        QString error;
        try {
            speed = measureTrainingSpeed(c, "QK", 3);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, speed, error, shape] {
            if (!self)
                return;
            self->m_measuring = false;
            self->m_measure->setText(tr("Measure speed"));
            if (!error.isEmpty()) {
                self->revalidate();
                self->m_issuesLabel->setText(error);
                return;
            }
            self->m_measuredTokensPerSecond = speed;
            self->m_measuredFor = shape;
            QSettings().setValue(QStringLiteral("study/speed/") + QString::number(qHash(shape)), speed);
            self->revalidate();
        });
    });
}

bool ConfigDialog::loadFile(const QString& path, QString* error)
{
    try {
        setConfig(loadConfigFile(path.toStdString(), presetConfig("tiny-cpu")));
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool ConfigDialog::saveFile(const QString& path, QString* error) const
{
    try {
        saveConfigFile(config(), path.toStdString());
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

} // namespace qks::gui
