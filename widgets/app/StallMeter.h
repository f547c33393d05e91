#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace qks::gui {

// Measures how long the GUI thread's event loop was busy: a 10 ms timer notes how late each
// tick comes; the longest delay is the longest time the window could not react.
class StallMeter final : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(QObject* parent = nullptr);

    void start();
    void stop();
    // Work the application does on purpose (a screenshot) is not a stall: pause around it.
    void pause();
    void resume();
    double longestStallMs() const { return m_longest; }
    double meanTickMs() const { return m_ticks > 0 ? m_total / m_ticks : 0.0; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_longest = 0.0;
    double m_total = 0.0;
    qint64 m_ticks = 0;
};

} // namespace qks::gui
