#include "study/ConfigDialog.h"

#include "app/AppTheme.h"
#include "config/ConfigJson.h"
#include "config/Presets.h"
#include "config/Validation.h"
#include "study/ConfigIssueText.h"
#include "study/FieldHelp.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

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

// A red frame around a field that breaks a rule.
void markBroken(QWidget* field, bool broken)
{
    field->setStyleSheet(broken ? QStringLiteral("border: 1px solid %1;").arg(kErrorColor.name()) : QString());
}

} // namespace

void ConfigDialog::revalidate()
{
    if (m_loading)
        return;
    const StudyConfig c = config(); // fills m_fieldErrors for fields that do not parse
    updateDataPreview(c);           // and adds data problems

    QHash<QString, QString> byField = brokenRules(c);
    const DeviceFit fit = deviceFit(c);
    addMemoryRule(byField, fit);
    showBrokenRules(byField);
    m_preset->setCurrentIndex(matchingPreset(c));

    // Speed: measured only on a device no run is training on.
    const QString busyWith = m_deviceUse ? m_deviceUse(QString::fromStdString(fit.device)) : QString();
    if (!m_measuring)
        updateMeasureButton(fit.device, busyWith);
    m_estimate->setText(composeEstimate(c, fit, busyWith) + probeScheduleNote(c));
}

// Probes closer together than an optimizer step see the same weights twice: the early PR
// curve then rises in steps. Allowed, but said.
QString ConfigDialog::probeScheduleNote(const StudyConfig& c) const
{
    const int64_t accumulation = c.train.gradient_accumulation_steps;
    if (c.probe.early_every <= 0 || accumulation <= 1 || c.probe.early_every % accumulation == 0)
        return {};
    return QStringLiteral("\n\n") +
           tr("Note: probe.early_every (%1 micro-steps) is not a multiple of gradient_accumulation_steps (%2): "
              "probes between two optimizer steps measure the same weights, so the early PR curve rises in "
              "steps.")
               .arg(c.probe.early_every)
               .arg(accumulation);
}

// Memory: the learned-γ condition is the largest, on the device the run would train on
// (auto: the first GPU, as the trainer picks it).
ConfigDialog::DeviceFit ConfigDialog::deviceFit(const StudyConfig& c) const
{
    DeviceFit fit;
    fit.device = deviceFor(m_device->currentData().toString().toStdString(), m_devices);
    const bool cuda = fit.device.rfind("cuda", 0) == 0;
    for (const DeviceInfo& d : m_devices) {
        if (d.id == fit.device)
            fit.availableBytes = d.memoryBytes;
    }
    // As the trainer decides it: auto checkpoints activations only when they would not fit.
    const MemoryTarget target{.cuda = cuda, .fusedAttention = cuda};
    const Activations activations = activationsFor(c, QkNormMode::Learned, target, fit.availableBytes);
    fit.checkpointing = activations == Activations::Checkpointed;
    fit.memory = estimateTrainingMemory(c, QkNormMode::Learned, target, activations);
    return fit;
}

// Field → what is wrong with it, in the user's language: parse errors and data problems
// first, then core's rules, then what only the form asks for.
QHash<QString, QString> ConfigDialog::brokenRules(const StudyConfig& c) const
{
    QHash<QString, QString> byField = m_fieldErrors;
    for (const ConfigIssue& i : validateConfig(c)) {
        const QString field = QString::fromStdString(i.field);
        if (byField.contains(field) || field == QLatin1String("data.path"))
            continue; // the parse error or the data check says it better
        byField.insert(field, configIssueText(i));
    }
    if (c.study.conditions.empty())
        byField.insert(QStringLiteral("study.conditions"), tr("choose at least one condition"));
    if (m_out->text().trimmed().isEmpty())
        byField.insert(QStringLiteral("study.out"), tr("choose an output folder"));
    return byField;
}

void ConfigDialog::addMemoryRule(QHash<QString, QString>& byField, const DeviceFit& fit) const
{
    const int64_t available = fit.availableBytes;
    if (available > 0 && fit.memory.total() > available * 9 / 10 && !byField.contains(QStringLiteral("train.batch_size")))
        byField.insert(QStringLiteral("train.batch_size"),
                       tr("the run needs about %1 of memory but the device has %2: lower train.batch_size "
                          "(raising gradient_accumulation_steps keeps the tokens per step) or the model size")
                           .arg(QString::fromStdString(formatBytes(fit.memory.total())),
                                QString::fromStdString(formatBytes(available))));
}

// Marks the fields, lists the rules, and enables Start only when none is broken.
void ConfigDialog::showBrokenRules(const QHash<QString, QString>& byField)
{
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const bool bad = byField.contains(it.key());
        markBroken(it.value(), bad);
        it.value()->setToolTip(bad ? byField.value(it.key()) : describeField(it.key()));
    }
    markBroken(m_dataPath, byField.contains(QStringLiteral("data.path")));
    markBroken(m_out, byField.contains(QStringLiteral("study.out")));
    markBroken(m_seeds, byField.contains(QStringLiteral("study.seeds")) || byField.contains(QStringLiteral("train.seed")));
    QStringList keys = byField.keys();
    keys.sort();
    QStringList issues;
    for (const QString& k : keys)
        issues << k + QStringLiteral(": ") + byField.value(k);
    m_issues = issues;
    m_issuesLabel->setText(issues.join(QLatin1Char('\n')));
    m_start->setEnabled(issues.isEmpty());
}

// The index of the preset the form still is, else "custom".
int ConfigDialog::matchingPreset(const StudyConfig& c) const
{
    int presetIndex = m_preset->findData(QString());
    for (const std::string& name : presetNames()) {
        if (presetPart(presetConfig(name)) == presetPart(c))
            presetIndex = m_preset->findData(QString::fromStdString(name));
    }
    return presetIndex;
}

} // namespace qks::gui
