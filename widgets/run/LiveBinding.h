#pragma once

#include "run/LiveTypes.h"

#include <QObject>

class QPlainTextEdit;

namespace qks::gui {

class StudyController;
class StudyStore;

// Connects the controller's signals to what the window shows: runs appear in the store as
// soon as they are queued, progress and the per-step loss go into their live state, every
// probe re-reads the run's results.json (only that file), and the core's log lines go to the
// log panel. A finished run drops its live loss, so it looks exactly like the folder opened
// from disk.
class LiveBinding final : public QObject {
    Q_OBJECT
public:
    LiveBinding(StudyController* controller, StudyStore* store, QPlainTextEdit* log, QObject* parent = nullptr);

    void appendLog(const QString& who, const QString& message, bool error);

Q_SIGNALS:
    void runFailed(const qks::gui::JobOutcome& outcome);

private:
    StudyController* m_controller;
    StudyStore* m_store;
    QPlainTextEdit* m_log;
};

} // namespace qks::gui
