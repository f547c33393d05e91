#include "study/ConfigDialog.h"

#include "app/AppTheme.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "store/RunStyle.h"
#include "study/FieldHelp.h"
#include "study/SweepEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

// Settings with a field of their own elsewhere in the dialog.
bool shownElsewhere(const QString& key)
{
    return key == QLatin1String("train.device") || key == QLatin1String("train.seed") ||
           key.startsWith(QLatin1String("data.")) || key.startsWith(QLatin1String("study."));
}

// A folder's line edit with a Browse… button that picks the folder.
QHBoxLayout* folderRow(QWidget* dialog, QLineEdit* edit, const QString& dialogTitle)
{
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    auto* browse = new QPushButton(QCoreApplication::translate("qks::gui::ConfigDialog", "Browse…"), dialog);
    row->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, dialog, [dialog, edit, dialogTitle] {
        const QString dir = QFileDialog::getExistingDirectory(dialog, dialogTitle, edit->text());
        if (!dir.isEmpty())
            edit->setText(dir);
    });
    return row;
}

// The model's sizes as a reader thinks of them, widest first; other sections keep the file's order.
std::vector<std::string> fieldOrder(const char* section, const nlohmann::json& values)
{
    std::vector<std::string> order;
    if (std::string(section) == "model")
        order = {"d_model", "n_layers", "n_heads", "n_kv_heads", "d_ff", "vocab_size", "max_seq_len", "rope_base", "init_std"};
    std::vector<std::string> out;
    for (const std::string& name : order)
        if (values.contains(name))
            out.push_back(name);
    for (auto it = values.begin(); it != values.end(); ++it)
        if (std::find(out.begin(), out.end(), it.key()) == out.end())
            out.push_back(it.key());
    return out;
}

// Settings with a fixed set of values get a list, not free text (core/config/Validation.cpp).
QStringList choicesOf(const QString& key)
{
    if (key == QLatin1String("train.kernels"))
        return {QStringLiteral("fused"), QStringLiteral("reference")};
    if (key == QLatin1String("train.activation_checkpointing"))
        return {QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off")};
    if (key == QLatin1String("probe.val_sampling"))
        return {QStringLiteral("shuffled"), QStringLiteral("fixed")};
    if (key == QLatin1String("probe.key_point"))
        return {QStringLiteral("pre_rope"), QStringLiteral("post_rope")};
    return {};
}

// What a count is counted in, for the label.
QString unitOf(const QString& key)
{
    if (key == QLatin1String("probe.every") || key == QLatin1String("probe.early_every") ||
        key == QLatin1String("probe.early_until"))
        return QCoreApplication::translate("qks::gui::ConfigDialog", "micro-steps");
    if (key == QLatin1String("train.tokens") || key == QLatin1String("checkpoint.every_tokens"))
        return QCoreApplication::translate("qks::gui::ConfigDialog", "tokens");
    if (key == QLatin1String("probe.batch") || key == QLatin1String("train.batch_size"))
        return QCoreApplication::translate("qks::gui::ConfigDialog", "sequences");
    return {};
}

} // namespace

// The form scrolls; the broken rules and the buttons stay below it, so on a 768-pixel screen
// the dialog still shows Start and Cancel.
void ConfigDialog::buildForm()
{
    auto* form = new QWidget;
    auto* formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(buildPresetRow());
    formLayout->addWidget(buildConditions());
    formLayout->addWidget(buildDataSource());
    formLayout->addWidget(buildRunPlace());

    m_tabs->addTab(makeSection("model"), tr("Model"));
    m_tabs->addTab(makeSection("train"), tr("Training"));
    m_tabs->addTab(makeSection("probe"), tr("Probe"));
    m_tabs->addTab(makeSection("checkpoint"), tr("Checkpoints"));
    formLayout->addWidget(m_tabs);
    formLayout->addWidget(buildEstimateBox());

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("form-scroll"));
    m_scroll->setWidget(form);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    m_issuesLabel->setWordWrap(true);
    m_issuesLabel->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColor.name()));
    layout->addWidget(m_issuesLabel);
    layout->addWidget(buildButtons());
}

// As tall as the form wants, but no taller than the screen leaves (the form scrolls then).
void ConfigDialog::fitToScreen()
{
    QWidget* form = m_scroll->widget();
    const int below = m_issuesLabel->sizeHint().height() + m_start->sizeHint().height() + 48;
    const int wanted = form->sizeHint().height() + below;
    const QScreen* s = screen();
    const int room = s ? s->availableGeometry().height() - 60 : wanted;
    const int width = std::max(form->sizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width() + 24, 760);
    resize(width, std::min(wanted, room));
}

// Preset choice, Load… and Save….
QLayout* ConfigDialog::buildPresetRow()
{
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:"), this));
    for (const std::string& name : presetNames())
        m_preset->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_preset->addItem(tr("custom"), QString());
    m_preset->setToolTip(tr("tiny-cpu: the demo (minutes on a laptop); pocket-u: a U-shaped key PR curve on a laptop, "
                            "three seeds (docs/pocket-u.md); pilot-500k and study-50m: the published runs"));
    top->addWidget(m_preset);
    top->addStretch(1);
    auto* load = new QPushButton(tr("Load…"), this);
    auto* save = new QPushButton(tr("Save…"), this);
    top->addWidget(load);
    top->addWidget(save);
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
    return top;
}

QWidget* ConfigDialog::buildConditions()
{
    auto* conditions = new QGroupBox(tr("Conditions"), this);
    auto* conditionRow = new QHBoxLayout(conditions);
    const char* tags[3] = {"QK", "QK_frozen", "NoQK"};
    for (int i = 0; i < 3; ++i) {
        m_conditions[i] = new QCheckBox(QStringLiteral("%1 (%2)").arg(conditionLabel(QLatin1String(tags[i])), QLatin1String(tags[i])), conditions);
        m_conditions[i]->setProperty("tag", QLatin1String(tags[i]));
        conditionRow->addWidget(m_conditions[i]);
        connect(m_conditions[i], &QCheckBox::toggled, this, &ConfigDialog::revalidate);
    }
    return conditions;
}

// A token folder, or a text folder with the tokenizer rows that only it needs.
QWidget* ConfigDialog::buildDataSource()
{
    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    m_dataKind->addItem(tr("Token data folder (prepared, llm.c shards or Hugging Face arrow)"));
    m_dataKind->addItem(tr("Text folder (.txt, .jsonl), tokenized first"));
    dataForm->addRow(tr("Source:"), m_dataKind);
    dataForm->addRow(tr("Folder:"), folderRow(this, m_dataPath, tr("Data Folder")));
    m_tokenizer->setPlaceholderText(tr("empty: train a byte-level BPE on the text"));
    dataForm->addRow(tr("Tokenizer:"), m_tokenizer);
    m_vocabForText->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*")), this));
    dataForm->addRow(tr("Vocabulary size:"), m_vocabForText);
    m_dataPreview->setWordWrap(true);
    m_dataPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataForm->addRow(tr("Preview:"), m_dataPreview);
    for (QLineEdit* e : {m_dataPath, m_tokenizer, m_vocabForText})
        connect(e, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
    connect(m_dataKind, &QComboBox::currentIndexChanged, this, [this, dataForm](int kind) {
        dataForm->setRowVisible(m_tokenizer, kind == 1);
        dataForm->setRowVisible(m_vocabForText, kind == 1);
        revalidate();
    });
    dataForm->setRowVisible(m_tokenizer, false);
    dataForm->setRowVisible(m_vocabForText, false);
    return data;
}

// Where the study runs: the device and the output folder.
QWidget* ConfigDialog::buildRunPlace()
{
    auto* run = new QGroupBox(tr("Run"), this);
    auto* runForm = new QFormLayout(run);
    m_device->addItem(tr("auto (first GPU, else CPU)"), QStringLiteral("auto"));
    for (const DeviceInfo& d : m_devices) {
        // The CPU's line is said here, in the user's language; a GPU's is its name.
        QString text = d.id == "cpu" ? tr("CPU, %n core(s)", nullptr, int(std::max(1u, std::thread::hardware_concurrency())))
                                     : QString::fromStdString(d.description);
        if (d.memoryBytes > 0)
            text += QStringLiteral(", ") + QString::fromStdString(formatBytes(d.memoryBytes));
        m_device->addItem(text, QString::fromStdString(d.id));
    }
    runForm->addRow(tr("Device:"), m_device);
    runForm->addRow(tr("Output folder:"), folderRow(this, m_out, tr("Output Folder")));
    m_seeds->setObjectName(QStringLiteral("study.seeds"));
    m_seeds->setPlaceholderText(tr("e.g. 42, or 42, 43, 44"));
    m_seeds->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9, ]*")), m_seeds));
    m_seeds->setToolTip(describeField(QStringLiteral("study.seeds")));
    runForm->addRow(tr("Seeds:"), m_seeds);
    runForm->addRow(tr("Sweep:"), m_sweep);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ConfigDialog::revalidate);
    connect(m_out, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
    connect(m_seeds, &QLineEdit::textChanged, this, &ConfigDialog::revalidate);
    connect(m_sweep, &SweepEditor::changed, this, &ConfigDialog::revalidate);
    return run;
}

QWidget* ConfigDialog::buildEstimateBox()
{
    auto* estimate = new QGroupBox(tr("Estimate"), this);
    auto* estimateRow = new QHBoxLayout(estimate);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    estimateRow->addWidget(m_estimate, 1);
    estimateRow->addWidget(m_measure, 0, Qt::AlignTop);
    connect(m_measure, &QPushButton::clicked, this, &ConfigDialog::measureSpeed);
    return estimate;
}

// Start (checked once more, remembered for the next study) and Cancel.
QWidget* ConfigDialog::buildButtons()
{
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
    return buttons;
}

QWidget* ConfigDialog::makeSection(const char* section)
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    const nlohmann::json values = configToJson(m_base)[section];
    for (const std::string& name : fieldOrder(section, values)) {
        const auto it = values.find(name);
        const QString key = QLatin1String(section) + QLatin1Char('.') + QString::fromStdString(it.key());
        if (shownElsewhere(key))
            continue;
        QWidget* editor = nullptr;
        if (it->is_boolean()) {
            auto* box = new QCheckBox(page);
            connect(box, &QCheckBox::toggled, this, &ConfigDialog::revalidate);
            editor = box;
        } else if (const QStringList options = choicesOf(key); !options.isEmpty()) {
            auto* combo = new QComboBox(page);
            combo->addItems(options);
            connect(combo, &QComboBox::currentTextChanged, this, &ConfigDialog::revalidate);
            editor = combo;
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
        const QString unit = unitOf(key);
        auto* label = new QLabel(unit.isEmpty() ? QString::fromStdString(it.key())
                                                : tr("%1 (%2)").arg(QString::fromStdString(it.key()), unit),
                                 page);
        label->setToolTip(help);
        form->addRow(label, editor);
    }
    return page;
}

} // namespace qks::gui
