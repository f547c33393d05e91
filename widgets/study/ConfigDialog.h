#pragma once

#include "config/ResourceEstimate.h"
#include "config/StudyConfig.h"
#include "data/Prepare.h"
#include "data/TokenDataset.h"
#include "train/Hardware.h"

#include <QDialog>

class QScrollArea;
#include <QHash>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace qks::gui {

// File → New Study: everything a study needs, checked as it is typed. Presets fill the form;
// every model, training, probe and checkpoint setting has a field (named as in config.json and
// `--set`); conditions are checkboxes; the data source is a token folder (prepared, llm.c
// shards or Hugging Face arrow) with a preview, or a text folder to tokenize first. It shows
// the parameter count, a memory estimate against what the device has, and a time estimate
// from a short measured calibration (or the last one). Start stays disabled while any rule
// is broken; the broken rules are listed and their fields marked.
class ConfigDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConfigDialog(QWidget* parent = nullptr);

    void setConfig(const StudyConfig& config);
    // The configuration as the form holds it (fields that do not parse keep their old value).
    StudyConfig config() const;
    // Set when the data source is a text folder: tokenize into <out>/data before training.
    std::optional<PrepareOptions> prepareOptions() const;

    // Every broken rule, "section.key: rule", in field order (empty = Start is enabled).
    QStringList issues() const { return m_issues; }
    QString estimateText() const;
    QPushButton* startButton() const { return m_start; }
    QPushButton* measureButton() const { return m_measure; }

    // What is training on a device right now ("QK of runs/study-1"), or empty: a speed
    // measurement there would share the device and read low, so Measure speed waits for it.
    using DeviceUse = std::function<QString(const QString& device)>;
    void setDeviceUse(DeviceUse use);
    // The runs changed (one started or ended): look at the device again.
    void refreshDeviceUse();
    // The field widget of "section.key" (tests, focus on error).
    QWidget* field(const QString& key) const { return m_fields.value(key); }
    void setFieldText(const QString& key, const QString& text);

    bool loadFile(const QString& path, QString* error);
    bool saveFile(const QString& path, QString* error) const;

private:
    // Where the run would train and what it needs there; the memory rule and the estimate
    // both read it.
    struct DeviceFit {
        std::string device;          // as the trainer picks it ("auto" resolved)
        int64_t availableBytes = 0;  // the device's memory, 0 when unknown
        bool checkpointing = false;  // activation checkpointing, as the trainer decides it
        MemoryEstimate memory;       // of the learned-γ condition, the largest
    };

    // ConfigDialogForm.cpp: the widgets.
    void buildForm();
    void fitToScreen();
    QString probeScheduleNote(const StudyConfig& c) const;
    QLayout* buildPresetRow();
    QWidget* buildConditions();
    QWidget* buildDataSource();
    QWidget* buildRunPlace();
    QWidget* buildEstimateBox();
    QWidget* buildButtons();
    QWidget* makeSection(const char* section);

    // ConfigDialog.cpp: the form and the configuration.
    void applyPreset(const QString& name);
    void readSeeds(StudyConfig& c) const; // the Seeds field into train.seed / study.seeds

    // ConfigDialogChecks.cpp: the rules, checked on every change.
    void revalidate();
    DeviceFit deviceFit(const StudyConfig& c) const;
    QHash<QString, QString> brokenRules(const StudyConfig& c) const;
    void addMemoryRule(QHash<QString, QString>& byField, const DeviceFit& fit) const;
    void showBrokenRules(const QHash<QString, QString>& byField);
    int matchingPreset(const StudyConfig& c) const;

    // ConfigDialogData.cpp: the data source's preview and problems.
    void updateDataPreview(const StudyConfig& c);
    void previewTextFolder(const StudyConfig& c);
    void previewTokenFolder(const StudyConfig& c);

    // ConfigDialogEstimate.cpp: parameters, memory and time, and measuring the speed.
    void updateMeasureButton(const std::string& device, const QString& busyWith);
    QString composeEstimate(const StudyConfig& c, const DeviceFit& fit, const QString& busyWith) const;
    QString timeEstimate(const StudyConfig& c, const std::string& device, const QString& busyWith) const;
    void measureSpeed();

    QComboBox* m_preset;
    QHash<QString, QWidget*> m_fields;     // "model.d_model" → its editor
    mutable QHash<QString, QString> m_fieldErrors; // parse errors of fields, refreshed by config()
    QCheckBox* m_conditions[3];
    QComboBox* m_dataKind;
    QLineEdit* m_dataPath;
    QLineEdit* m_tokenizer;
    QLineEdit* m_vocabForText;
    QLabel* m_dataPreview;
    QComboBox* m_device;
    QLineEdit* m_out;
    QLineEdit* m_seeds; // "42" or "42, 43, 44": train.seed, or study.seeds
    class SweepEditor* m_sweep; // study.sweep
    QLabel* m_estimate;
    QLabel* m_issuesLabel;
    QPushButton* m_measure;
    QPushButton* m_start;
    QTabWidget* m_tabs;
    QScrollArea* m_scroll = nullptr;
    StudyConfig m_base;                    // values of fields that are not shown
    std::vector<DeviceInfo> m_devices;     // listed once: asking CUDA and nvidia-smi is slow
    QStringList m_issues;
    // Opening a token folder scans every shard for its id range: done again only when the
    // folder, the sequence length or the vocabulary changes, not on every keystroke.
    struct DataCheck {
        std::string path;
        int64_t seqLen = -1;
        int64_t vocabSize = -1;
        std::optional<TokenDatasetInfo> info; // set when the folder opened
        QString error;
    };
    DataCheck m_dataCheck;
    DeviceUse m_deviceUse;
    bool m_measuring = false;
    double m_measuredTokensPerSecond = 0.0;
    QString m_measuredFor;                 // the model shape + device the measurement belongs to
    bool m_loading = false;
};

} // namespace qks::gui
