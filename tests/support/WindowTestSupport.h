#pragma once

// What the main window's offscreen tests share: the published study, a curve by its name, and
// an answer to a modal question.
#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QLineSeries>
#include <QMessageBox>
#include <QString>
#include <QTimer>

namespace qks::testing {

inline const QString kPublishedStudy = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");

inline QLineSeries* lineNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series()) {
        if (auto* line = qobject_cast<QLineSeries*>(s); line && line->name() == name)
            return line;
    }
    return nullptr;
}

// Clicks the button labelled `text` of the modal message box named `name` (any, when empty)
// once it is up: a dialog's exec() runs its own event loop, so the click comes from a timer.
inline void answerWhenShown(const QString& name, const QString& text, bool* answered)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || (!name.isEmpty() && box->objectName() != name))
            return;
        for (QAbstractButton* b : box->buttons()) {
            if (b->text() == text) {
                *answered = true;
                timer->stop();
                timer->deleteLater();
                b->click();
                return;
            }
        }
    });
    timer->start();
}

} // namespace qks::testing
