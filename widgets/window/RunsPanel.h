#pragma once

#include <QStringList>
#include <QWidget>

class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace qks::gui {

class StudyStore;
struct OpenStudy;

// The runs panel: study folder → conditions, each with a visibility checkbox, its colour
// swatch, a status (probes, live, or why the file did not load) and the tokens reached.
class RunsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(StudyStore* store, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    // The study's numbers per run (init, minimum and final PR, final losses), under the tree.
    QTableWidget* summary() const { return m_summary; }
    // The selected run's study folder and tag; tag empty when a study row is selected.
    std::pair<QString, QString> selectedRun() const;

Q_SIGNALS:
    void stopRequested(const QString& studyPath, const QString& tag);
    void resumeRequested(const QString& studyPath, const QString& tag);

public Q_SLOTS:
    void rebuild();   // after studies were opened or closed
    void refresh();   // after data changed: status and tokens only

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillRun(QTreeWidgetItem* item, int study, int run);
    void fillSummary();
    QStringList seedSummaryCells(const OpenStudy& s, const QString& tag) const;
    void itemChanged(QTreeWidgetItem* item, int column);
    void showContextMenu(const QPoint& pos);

    StudyStore* m_store;
    QTreeWidget* m_tree;
    QTableWidget* m_summary;
    bool m_filling = false;
};

} // namespace qks::gui
