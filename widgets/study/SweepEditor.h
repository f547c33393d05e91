#pragma once

#include "config/StudyConfig.h"

#include <QWidget>

#include <vector>

class QTableWidget;

namespace qks::gui {

// The New Study dialog's sweep (study.sweep): one row per swept setting, a setting chosen
// from the configuration's keys and its values separated by commas ("0.006, 0.012, 0.024").
// Numbers, true/false and JSON stay what they are; other text is a string ("reference").
class SweepEditor final : public QWidget {
    Q_OBJECT
public:
    explicit SweepEditor(QWidget* parent = nullptr);

    void setAxes(const std::vector<SweepAxis>& axes);
    // The grid as typed. A setting given twice or a row without a setting is named in `error`
    // (the core checks the rest: unknown keys, empty lists, every grid point).
    std::vector<SweepAxis> axes(QString* error) const;

Q_SIGNALS:
    void changed();

private:
    void addRow(const QString& key, const QString& values);

    QTableWidget* m_table;
};

} // namespace qks::gui
