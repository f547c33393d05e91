#include "charts/LogAxis.h"

#include "charts/ChartStyle.h"
#include "store/SeriesMath.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

constexpr const char* kMinorTwin = "qksLogMinor";

void setCategories(QCategoryAxis* axis, const QVector<double>& values, bool labelled)
{
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    const QLocale locale;
    QString blank;
    for (double v : values) {
        // Category labels must be unique; the minor twin's are distinct invisible strings.
        blank += QChar(0x200B);
        axis->append(labelled ? locale.toString(v, 'g', 6) : blank, std::log10(v));
    }
}

} // namespace

LogTicks logTicks(double lo, double hi)
{
    LogTicks t;
    if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi))
        return t;
    const int d0 = int(std::floor(std::log10(lo)));
    const int d1 = int(std::ceil(std::log10(hi)));
    const auto collect = [&](std::initializer_list<int> multiples) {
        QVector<double> out;
        for (int d = d0; d <= d1; ++d) {
            for (int m : multiples) {
                const double v = m * std::pow(10.0, d);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12))
                    out.push_back(v);
            }
        }
        return out;
    };
    const QVector<double> all = collect({1, 2, 3, 4, 5, 6, 7, 8, 9});
    if (d1 - d0 > 4) {
        t.major = collect({1});
        t.minor = collect({2, 5});
    } else {
        t.major = collect({1, 2, 5});
        if (t.major.size() < 3)
            t.major = all;
        for (double v : all) {
            if (!t.major.contains(v))
                t.minor.push_back(v);
        }
    }
    // A range narrower than one step between integer multiples (15 to 16): round values as on
    // a linear axis, so the axis is never left without a label.
    if (t.major.size() < 2) {
        t.major.clear();
        t.minor.clear();
        const double step = niceTickStep(hi - lo, 4);
        for (double k = std::ceil(lo / step - 1e-9); k * step <= hi * (1 + 1e-12); k += 1)
            t.major.push_back(k * step);
    }
    return t;
}

QCategoryAxis* addLogAxis(QChart* chart, const ChartTheme& theme, const QString& title, Qt::Alignment alignment)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(axis, theme, title);
    auto* minor = new QCategoryAxis;
    minor->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    minor->setLabelsVisible(false);
    minor->setLineVisible(false);
    minor->setTitleVisible(false);
    QColor faint = theme.grid;
    faint.setAlphaF(0.45);
    minor->setGridLinePen(QPen(faint, 1, Qt::DotLine));
    axis->setProperty(kMinorTwin, QVariant::fromValue<QObject*>(minor));
    chart->addAxis(axis, alignment);
    // Opposite side, where its (hidden) labels take no room from the plot.
    chart->addAxis(minor, alignment == Qt::AlignLeft ? Qt::AlignRight : Qt::AlignTop);
    QObject::connect(axis, &QValueAxis::rangeChanged, minor, [minor](qreal lo, qreal hi) { minor->setRange(lo, hi); });
    return axis;
}

void updateLogTicks(QCategoryAxis* axis)
{
    if (!isLogAxis(axis))
        return;
    const LogTicks t = logTicks(std::pow(10.0, axis->min()), std::pow(10.0, axis->max()));
    const double lo = axis->min(), hi = axis->max();
    setCategories(axis, t.major, true);
    axis->setStartValue(lo);
    axis->setRange(lo, hi);
    if (auto* minor = qobject_cast<QCategoryAxis*>(axis->property(kMinorTwin).value<QObject*>())) {
        setCategories(minor, t.minor, false);
        minor->setStartValue(lo);
        minor->setRange(lo, hi);
    }
}

bool isLogAxis(const QObject* axis)
{
    return axis && axis->property(kMinorTwin).isValid();
}

} // namespace qks::gui
