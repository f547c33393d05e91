#include "study/ConfigDialog.h"

#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "study/SweepEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

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
    , m_seeds(new QLineEdit(this))
    , m_sweep(new SweepEditor(this))
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
    fitToScreen();
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

namespace {

// Shows `value` in a list of choices; a value outside them (a hand-edited file) is added, so
// the dialog shows it and validation names it rather than hiding it behind the first choice.
void selectChoice(QComboBox* combo, const QString& value)
{
    int index = combo->findText(value);
    if (index < 0) {
        combo->addItem(value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

} // namespace

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
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            selectChoice(combo, QString::fromStdString(v.get<std::string>()));
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
    QStringList seeds;
    for (const int64_t seed : config.study.seeds.size() > 1 ? config.study.seeds : std::vector<int64_t>{config.train.seed})
        seeds << QString::number(seed);
    m_seeds->setText(seeds.join(QStringLiteral(", ")));
    m_sweep->setAxes(config.study.sweep);
    m_loading = false;
    revalidate();
}

void ConfigDialog::applyPreset(const QString& name)
{
    StudyConfig preset = presetConfig(name.toStdString());
    // Keep where the data is and the device: a preset is about the study. The output folder
    // follows the preset while it is a preset's own (runs/tiny-cpu → runs/study-50m); a folder
    // the user chose stays.
    const StudyConfig current = config();
    preset.data = current.data;
    bool presetFolder = false;
    for (const std::string& other : presetNames())
        presetFolder = presetFolder || presetConfig(other).study.out == current.study.out;
    if (!presetFolder)
        preset.study.out = current.study.out;
    preset.train.device = current.train.device;
    setConfig(preset);
}

void ConfigDialog::setFieldText(const QString& key, const QString& text)
{
    if (auto* line = qobject_cast<QLineEdit*>(m_fields.value(key)))
        line->setText(text);
    else if (auto* combo = qobject_cast<QComboBox*>(m_fields.value(key)))
        selectChoice(combo, text);
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
        if (auto* combo = qobject_cast<QComboBox*>(it.value())) {
            patch[section][key] = combo->currentText().toStdString();
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
    readSeeds(c);
    QString sweepError;
    c.study.sweep = m_sweep->axes(&sweepError);
    if (!sweepError.isEmpty())
        m_fieldErrors.insert(QStringLiteral("study.sweep"), sweepError);
    c.train.device = m_device->currentData().toString().toStdString();
    c.data.path = m_dataKind->currentIndex() == 1 ? c.study.out + "/data" : m_dataPath->text().trimmed().toStdString();
    return c;
}

// One seed sets train.seed; several set study.seeds (and train.seed to the first, which the
// runs override seed by seed).
void ConfigDialog::readSeeds(StudyConfig& c) const
{
    std::vector<int64_t> seeds;
    for (const QString& part : m_seeds->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong v = part.toLongLong(&ok);
        if (!ok) {
            m_fieldErrors.insert(QStringLiteral("study.seeds"), tr("seeds are whole numbers separated by commas"));
            return;
        }
        seeds.push_back(v);
    }
    if (seeds.empty()) {
        m_fieldErrors.insert(QStringLiteral("study.seeds"), tr("give at least one seed, e.g. 42"));
        return;
    }
    c.train.seed = seeds.front();
    c.study.seeds = seeds.size() > 1 ? seeds : std::vector<int64_t>{};
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
