#include "study/SweepEditor.h"

#include "config/ConfigJson.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

// Every setting a sweep may vary: the configuration's keys outside the study section.
QStringList sweepableKeys()
{
    QStringList keys;
    const nlohmann::json all = configToJson(StudyConfig{});
    for (auto section = all.begin(); section != all.end(); ++section) {
        if (section.key() == "study")
            continue;
        for (auto key = section->begin(); key != section->end(); ++key)
            keys << QString::fromStdString(section.key() + "." + key.key());
    }
    return keys;
}

// "0.006" stays a number, "true" a boolean, "reference" becomes "\"reference\"".
std::string valueJson(const QString& text)
{
    const std::string s = text.trimmed().toStdString();
    const auto parsed = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
    return parsed.is_discarded() || parsed.is_string() ? nlohmann::json(parsed.is_string() ? parsed.get<std::string>() : s).dump()
                                                       : parsed.dump();
}

QString valueText(const std::string& json)
{
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    return QString::fromStdString(parsed.is_string() ? parsed.get<std::string>() : json);
}

} // namespace

SweepEditor::SweepEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setObjectName(QStringLiteral("sweep-table"));
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Values (comma-separated)")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, 250); // "train.activation_checkpointing" whole
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMaximumHeight(120);
    m_table->setToolTip(tr("Each point of the grid is a study of its own, in a folder named by its values; "
                           "empty: no sweep"));
    auto* add = new QPushButton(tr("Add Setting"), this);
    add->setObjectName(QStringLiteral("sweep-add"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("sweep-remove"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        // The first setting of the usual ones not swept yet, so a new row is not a duplicate.
        QStringList used;
        for (int row = 0; row < m_table->rowCount(); ++row)
            used << static_cast<QComboBox*>(m_table->cellWidget(row, 0))->currentText();
        QString key;
        for (const QString& candidate : {QStringLiteral("train.muon_lr"), QStringLiteral("model.n_heads"),
                                         QStringLiteral("train.tokens"), QStringLiteral("train.adamw_lr"),
                                         QStringLiteral("model.d_model"), QStringLiteral("train.batch_size")})
            if (key.isEmpty() && !used.contains(candidate))
                key = candidate;
        for (const QString& candidate : sweepableKeys())
            if (key.isEmpty() && !used.contains(candidate))
                key = candidate;
        addRow(key, QString());
        Q_EMIT changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1;
        if (row >= 0)
            m_table->removeRow(row);
        Q_EMIT changed();
    });
}

void SweepEditor::addRow(const QString& key, const QString& values)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* setting = new QComboBox(m_table);
    setting->addItems(sweepableKeys());
    setting->setCurrentText(key);
    auto* edit = new QLineEdit(values, m_table);
    edit->setPlaceholderText(tr("e.g. 0.006, 0.012, 0.024"));
    m_table->setCellWidget(row, 0, setting);
    m_table->setCellWidget(row, 1, edit);
    connect(setting, &QComboBox::currentTextChanged, this, &SweepEditor::changed);
    connect(edit, &QLineEdit::textChanged, this, &SweepEditor::changed);
}

void SweepEditor::setAxes(const std::vector<SweepAxis>& axes)
{
    m_table->setRowCount(0);
    for (const SweepAxis& axis : axes) {
        QStringList values;
        for (const std::string& v : axis.values)
            values << valueText(v);
        addRow(QString::fromStdString(axis.key), values.join(QStringLiteral(", ")));
    }
}

std::vector<SweepAxis> SweepEditor::axes(QString* error) const
{
    std::vector<SweepAxis> out;
    QSet<QString> seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = static_cast<QComboBox*>(m_table->cellWidget(row, 0))->currentText();
        const QString text = static_cast<QLineEdit*>(m_table->cellWidget(row, 1))->text();
        if (seen.contains(key)) {
            *error = tr("sweeps %1 twice; keep one row for it").arg(key);
            continue;
        }
        seen.insert(key);
        SweepAxis axis{key.toStdString(), {}};
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                axis.values.push_back(valueJson(part));
        out.push_back(std::move(axis));
    }
    return out;
}

} // namespace qks::gui
