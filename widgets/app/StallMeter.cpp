#include "app/StallMeter.h"

#include <algorithm>

namespace qks::gui {

namespace {
constexpr int kIntervalMs = 10;
}

StallMeter::StallMeter(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(kIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_longest = 0.0;
    m_total = 0.0;
    m_ticks = 0;
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMeter::stop()
{
    m_timer.stop();
}

void StallMeter::pause()
{
    m_timer.stop();
}

void StallMeter::resume()
{
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double gapMs = (now - m_last) / 1e6;
    m_last = now;
    // The part of the gap beyond the timer's own interval is time the loop was busy.
    m_longest = std::max(m_longest, gapMs - kIntervalMs);
    m_total += gapMs;
    ++m_ticks;
}

} // namespace qks::gui
