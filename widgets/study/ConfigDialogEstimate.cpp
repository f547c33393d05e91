#include "study/ConfigDialog.h"

#include "config/ConfigJson.h"
#include "config/ParamCount.h"
#include "config/SweepGrid.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace qks::gui {

namespace {

// What a speed measurement belongs to: the model's shape, the batch and where it trains.
QString shapeKey(const StudyConfig& c)
{
    const nlohmann::json j = configToJson(c);
    return QString::fromStdString(j["model"].dump() + j["train"]["batch_size"].dump() + j["train"]["device"].dump() +
                                  j["train"]["threads"].dump());
}

QString durationText(double seconds)
{
    if (seconds < 90)
        return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 s").arg(std::lround(seconds));
    if (seconds < 5400)
        return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 min").arg(std::lround(seconds / 60));
    return QCoreApplication::translate("qks::gui::ConfigDialog", "%1 h").arg(seconds / 3600, 0, 'f', 1);
}

// Where the last speed measured for a shape is remembered between sessions.
QString speedSettingsKey(const QString& shape)
{
    return QStringLiteral("study/speed/") + QString::number(qHash(shape));
}

} // namespace

void ConfigDialog::updateMeasureButton(const std::string& device, const QString& busyWith)
{
    m_measure->setEnabled(busyWith.isEmpty());
    m_measure->setToolTip(busyWith.isEmpty()
                              ? tr("Trains a few micro-steps of this model on random tokens to measure the speed")
                              : tr("%1 is training %2: a measurement now would share the device and read low")
                                    .arg(QString::fromStdString(device), busyWith));
}

// Parameters and memory per run, then the time (timeEstimate), one line each.
QString ConfigDialog::composeEstimate(const StudyConfig& c, const DeviceFit& fit, const QString& busyWith) const
{
    const MemoryEstimate& memory = fit.memory;
    const int64_t params = parameterCount(c.model, QkNormMode::Learned);
    QString text = tr("Parameters: %1 per run.").arg(QLocale().toString(qlonglong(params)));
    text += QLatin1Char('\n') + tr("Memory per run: weights %1 + gradients %2 + optimizer %3 + activations %4 ≈ %5")
                                    .arg(QString::fromStdString(formatBytes(memory.weights)),
                                         QString::fromStdString(formatBytes(memory.gradients)),
                                         QString::fromStdString(formatBytes(memory.optimizer)),
                                         QString::fromStdString(formatBytes(memory.activations)),
                                         QString::fromStdString(formatBytes(memory.total())));
    if (fit.availableBytes > 0)
        text += tr(" (the device has %1)").arg(QString::fromStdString(formatBytes(fit.availableBytes)));
    if (memory.probeBesideGraph > 0)
        text += QLatin1Char('\n') + tr("The CUDA graph keeps its activations for the whole run: the probe's passes "
                                      "need about %1 beside them (in the total).")
                                       .arg(QString::fromStdString(formatBytes(memory.probeBesideGraph)));
    if (fit.checkpointing)
        text += QLatin1Char('\n') + tr("Activation checkpointing is on: each block is recomputed in backward, "
                                      "about a third more compute for far less memory.");
    return text + timeEstimate(c, fit.device, busyWith);
}

// From this shape's measured speed, else the last one remembered; lines that each start
// with a newline, or nothing.
QString ConfigDialog::timeEstimate(const StudyConfig& c, const std::string& device, const QString& busyWith) const
{
    QString text;
    const QString shape = shapeKey(c);
    double speed = m_measuredFor == shape ? m_measuredTokensPerSecond : 0.0;
    bool remembered = false;
    if (speed <= 0.0) {
        speed = QSettings().value(speedSettingsKey(shape), 0.0).toDouble();
        remembered = speed > 0.0;
    }
    // Conditions × seeds × sweep points (validation bounds both factors).
    const int runs = int(c.study.conditions.size() * std::max<size_t>(1, c.study.seeds.size()) *
                         std::max<size_t>(1, std::min(sweepPointCount(c), kMaxSweepPoints)));
    const size_t seeds = std::max<size_t>(1, c.study.seeds.size()), points = std::max<size_t>(1, sweepPointCount(c));
    if (seeds > 1 || points > 1)
        text += QLatin1Char('\n') + tr("Runs: %1 (conditions %2 × seeds %3 × sweep points %4)")
                                        .arg(runs)
                                        .arg(c.study.conditions.size())
                                        .arg(seeds)
                                        .arg(points);
    if (speed > 0.0) {
        const double seconds = double(c.train.tokens) * runs / speed;
        text += QLatin1Char('\n') + tr("Time: about %1 for %n run(s) at %2 tokens/s (%3; probes add a little)", nullptr, runs)
                                        .arg(durationText(seconds), QLocale().toString(qlonglong(std::lround(speed))),
                                             remembered ? tr("last measurement") : tr("measured"));
    } else if (busyWith.isEmpty()) {
        text += QLatin1Char('\n') + tr("Time: press Measure speed for an estimate.");
    }
    if (!busyWith.isEmpty())
        text += QLatin1Char('\n') + tr("Time: %1 is training %2; Measure speed waits until it is free, since a "
                                       "measurement beside a run reads low.")
                                        .arg(QString::fromStdString(device), busyWith);
    return text;
}

void ConfigDialog::measureSpeed()
{
    const StudyConfig c = config();
    if (!m_issues.isEmpty() && !(m_issues.size() == 1 && m_issues.front().startsWith(QLatin1String("data.path"))))
        return;
    m_measuring = true;
    m_measure->setEnabled(false);
    m_measure->setText(tr("Measuring…"));
    const QString shape = shapeKey(c);
    QPointer<ConfigDialog> self(this);
    QThreadPool::globalInstance()->start([self, c, shape] {
        double speed = 0.0;
        QString error;
        try {
            speed = measureTrainingSpeed(c, "QK", 3);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, speed, error, shape] {
            if (!self)
                return;
            self->m_measuring = false;
            self->m_measure->setText(tr("Measure speed"));
            if (!error.isEmpty()) {
                self->revalidate();
                self->m_issuesLabel->setText(error);
                return;
            }
            self->m_measuredTokensPerSecond = speed;
            self->m_measuredFor = shape;
            QSettings().setValue(speedSettingsKey(shape), speed);
            self->revalidate();
        });
    });
}

} // namespace qks::gui
