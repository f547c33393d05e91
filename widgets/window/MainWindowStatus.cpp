#include "window/MainWindow.h"

#include "store/FigureData.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QTime>

#include <cmath>

namespace qks::gui {

void MainWindow::updateStatus()
{
    int runs = 0, errors = 0, noSteps = 0;
    const XAxisKind x = XAxisKind(m_xAxis->currentData().toInt());
    for (const OpenStudy& s : m_store->studies()) {
        for (const RunEntry& r : s.runs) {
            ++runs;
            errors += r.error.isEmpty() ? 0 : 1;
            if (r.ok() && r.visible && !probeXValues(*r.results, x))
                ++noSteps;
        }
    }
    QString text = tr("%n study(ies)", nullptr, int(m_store->studies().size())) + QStringLiteral(" · ") +
                   tr("%n run(s)", nullptr, runs);
    if (errors > 0)
        text += QStringLiteral(" · ") + tr("%n with errors", nullptr, errors);
    if (noSteps > 0)
        text += QStringLiteral(" · ") + tr("%n run(s) do not record this x axis", nullptr, noSteps);
    const QString live = liveStatusText();
    if (!live.isEmpty())
        text = live + QStringLiteral(" · ") + text;
    m_statusRuns->setText(text);
}

QString MainWindow::liveStatusText() const
{
    int queued = 0;
    QString running;
    for (const OpenStudy& s : m_store->studies()) {
        for (const RunEntry& r : s.runs) {
            if (!r.live)
                continue;
            if (r.live->state == JobState::Queued)
                ++queued;
            if (r.live->state == JobState::Running && r.live->totalTokens > 0) {
                const double done = double(r.live->tokens) / double(r.live->totalTokens);
                running = tr("Training %1 (%2): %3% · %4 tokens/s · ETA %5")
                              .arg(conditionLabel(r.tag), s.name)
                              .arg(int(done * 100))
                              .arg(QLocale().toString(qlonglong(std::lround(r.live->tokensPerSecond))))
                              .arg(r.live->etaSeconds >= 0 ? QTime(0, 0).addSecs(int(r.live->etaSeconds)).toString(QStringLiteral("H:mm:ss"))
                                                            : QStringLiteral("–"));
            }
        }
    }
    if (queued > 0)
        running += (running.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("%n queued", nullptr, queued);
    return running;
}

} // namespace qks::gui
