#include "charts/SweepFigure.h"

#include "charts/ChartStyle.h"
#include "charts/FigureLegend.h"
#include "config/SweepGrid.h"
#include "results/SweepSummary.h"
#include "store/RunStyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace qks::gui {

namespace {

// One line of the figure: a condition at fixed values of the keys not on the x axis.
struct SweepLine {
    QString tag;
    QString others; // "model.n_heads=2", empty with one key
    int dash = 0;
    QVector<QPointF> points;                             // (x, mean)
    QVector<std::optional<std::pair<double, double>>> ci; // per point
};

} // namespace

QStringList openSweeps(const QVector<OpenStudy>& studies)
{
    QStringList sweeps;
    for (const OpenStudy& s : studies) {
        const QString parent = QFileInfo(s.path).absolutePath();
        if (sweeps.contains(parent))
            continue;
        try {
            if (!sweepFolders(parent.toStdString()).empty())
                sweeps << parent;
        } catch (const std::exception&) {
            // A parent whose config.json does not parse is no sweep.
        }
    }
    return sweeps;
}

QStringList sweptKeys(const QStringList& sweeps)
{
    QStringList keys;
    for (const QString& dir : sweeps) {
        try {
            for (const auto& [point, folder] : sweepFolders(dir.toStdString())) {
                for (const auto& [key, value] : point.assignments)
                    if (!keys.contains(QString::fromStdString(key)))
                        keys << QString::fromStdString(key);
                break;
            }
        } catch (const std::exception&) {
        }
    }
    return keys;
}

QString sweepMetricLabel(const QString& metric)
{
    if (metric == QLatin1String("min_pr"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Minimum key PR");
    if (metric == QLatin1String("final_pr"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Final key PR");
    if (metric == QLatin1String("recovery"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Recovery (final − minimum key PR)");
    if (metric == QLatin1String("min_pr_tokens"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Tokens at the minimum (M)");
    if (metric == QLatin1String("final_val_loss"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Final validation loss");
    if (metric == QLatin1String("init_pr"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Initial key PR");
    if (metric == QLatin1String("final_loss"))
        return QCoreApplication::translate("qks::gui::ChartBuilder", "Final train loss");
    return metric;
}

void buildSweepFigure(BuiltFigure& fig, const QVector<OpenStudy>& studies, const FigureOptions& o, const ChartTheme& theme)
{
    const QStringList sweeps = openSweeps(studies);
    const QString metric = o.sweepMetric.isEmpty() ? QStringLiteral("min_pr") : o.sweepMetric;
    fig.title = QCoreApplication::translate("qks::gui::ChartBuilder", "Sweep: %1").arg(sweepMetricLabel(metric));
    if (sweeps.isEmpty()) {
        fig.emptyReason = QCoreApplication::translate("qks::gui::ChartBuilder", "No sweep is open. Open a sweep's folder (study.sweep): each point opens as a study and "
                             "this figure plots a summary metric against the swept value.");
        return;
    }
    const QStringList keys = sweptKeys(sweeps);
    const QString key = keys.contains(o.sweepKey) ? o.sweepKey : keys.value(0);
    // The x of a value: the number itself when every value of the key is a number, else its
    // place among the values (a category axis names them).
    QStringList categories;
    bool numeric = true;
    std::vector<SweepPointSummary> all;
    for (const QString& dir : sweeps) {
        std::vector<SweepPointSummary> points;
        try {
            points = summarizeSweep(dir.toStdString());
        } catch (const std::exception&) {
            continue;
        }
        for (SweepPointSummary& p : points) {
            for (const auto& [k, v] : p.assignments) {
                if (QString::fromStdString(k) != key)
                    continue;
                const auto parsed = nlohmann::json::parse(v, nullptr, false);
                numeric = numeric && parsed.is_number();
                const QString text = QString::fromStdString(sweepValueText(v));
                if (!categories.contains(text))
                    categories << text;
            }
            all.push_back(std::move(p));
        }
    }
    std::map<std::pair<QString, QString>, SweepLine> lines; // (tag, others) → line
    QStringList otherGroups;
    for (const SweepPointSummary& p : all) {
        double x = 0;
        QString others;
        for (const auto& [k, v] : p.assignments) {
            if (QString::fromStdString(k) == key) {
                const auto parsed = nlohmann::json::parse(v, nullptr, false);
                x = numeric ? parsed.get<double>() : double(categories.indexOf(QString::fromStdString(sweepValueText(v))));
            } else {
                others += (others.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(k) +
                          QLatin1Char('=') + QString::fromStdString(sweepValueText(v));
            }
        }
        if (!otherGroups.contains(others))
            otherGroups << others;
        for (const auto& [tag, metrics] : p.metrics) {
            const auto it = metrics.find(metric.toStdString());
            if (it == metrics.end() || !it->second)
                continue;
            const double scale = metric == QLatin1String("min_pr_tokens") ? 1e-6 : 1.0;
            SweepLine& line = lines[{QString::fromStdString(tag), others}];
            line.tag = QString::fromStdString(tag);
            line.others = others;
            line.dash = int(otherGroups.indexOf(others));
            line.points.push_back(QPointF(x, it->second->mean * scale));
            line.ci.push_back(it->second->ci95 ? std::optional(std::pair{it->second->ci95->first * scale,
                                                                         it->second->ci95->second * scale})
                                               : std::nullopt);
        }
    }
    if (lines.empty()) {
        fig.emptyReason = QCoreApplication::translate("qks::gui::ChartBuilder", "No point of the open sweeps has results for this metric yet.");
        return;
    }
    // Conditions side by side at each x, a little apart, so their error bars do not overlap.
    double span = 1.0;
    if (numeric) {
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& [id, line] : lines)
            for (const QPointF& p : line.points) {
                lo = std::min(lo, p.x());
                hi = std::max(hi, p.x());
            }
        span = hi > lo ? hi - lo : std::max(1e-12, std::abs(hi));
    }
    const QStringList order = {QStringLiteral("QK"), QStringLiteral("QK_frozen"), QStringLiteral("NoQK")};
    const auto rank = [&](const QString& tag) { return order.contains(tag) ? int(order.indexOf(tag)) : int(order.size()); };
    std::vector<SweepLine*> sorted;
    for (auto& [id, line] : lines)
        sorted.push_back(&line);
    std::stable_sort(sorted.begin(), sorted.end(), [&](const SweepLine* a, const SweepLine* b) {
        return rank(a->tag) != rank(b->tag) ? rank(a->tag) < rank(b->tag) : a->dash < b->dash;
    });
    QVector<LegendEntry> conditions, groups;
    for (SweepLine* linePtr : sorted) {
        SweepLine& line = *linePtr;
        std::vector<size_t> byX(size_t(line.points.size()));
        std::iota(byX.begin(), byX.end(), size_t(0));
        std::sort(byX.begin(), byX.end(), [&](size_t a, size_t b) { return line.points[qsizetype(a)].x() < line.points[qsizetype(b)].x(); });
        const double offset = (double(std::max(0, int(order.indexOf(line.tag)))) - 1.0) * span * 0.012;
        const QColor color = theme.runColor(line.tag);
        QVector<QPointF> drawn, exact; // drawn a little apart; the data (CSV, hover) as measured
        for (const size_t i : byX) {
            exact.push_back(line.points[qsizetype(i)]);
            drawn.push_back(QPointF(exact.back().x() + offset, exact.back().y()));
        }
        QString name = conditionLabel(line.tag);
        if (!line.others.isEmpty())
            name += QStringLiteral(" — ") + line.others;
        const QString group = QStringLiteral("s%1").arg(fig.series.size());
        auto* series = new QLineSeries;
        series->setName(name);
        series->setPen(QPen(color, 2.0, studyPenStyle(line.dash), Qt::RoundCap, Qt::RoundJoin));
        series->replace(drawn);
        series->setProperty("qksGroup", group);
        fig.chart->addSeries(series);
        fig.series.push_back({name, line.others, exact, series, false});
        auto* marks = new QScatterSeries;
        marks->setName(name);
        marks->setMarkerSize(8.0);
        marks->setColor(color);
        marks->setBorderColor(theme.background);
        marks->replace(drawn);
        marks->setProperty("qksGroup", group);
        fig.chart->addSeries(marks);
        // Error bars: the 95% interval over the point's seeds, where it has two or more.
        PlottedBand band{name + QCoreApplication::translate("qks::gui::ChartBuilder", " (95% CI)"), {}, {}};
        for (size_t k = 0; k < byX.size(); ++k) {
            const auto& ci = line.ci[qsizetype(byX[k])];
            if (!ci)
                continue;
            const double x = drawn[qsizetype(k)].x(), cap = span * 0.008;
            auto* bar = new QLineSeries;
            bar->append({QPointF(x - cap, ci->first), QPointF(x + cap, ci->first), QPointF(x, ci->first),
                         QPointF(x, ci->second), QPointF(x - cap, ci->second), QPointF(x + cap, ci->second)});
            bar->setPen(QPen(color, 1.2));
            bar->setProperty("qksGroup", group);
            fig.chart->addSeries(bar);
            band.lower.push_back(QPointF(exact[qsizetype(k)].x(), ci->first));
            band.upper.push_back(QPointF(exact[qsizetype(k)].x(), ci->second));
        }
        if (!band.lower.isEmpty())
            fig.bands.push_back(band);
        LegendEntry& c = legendEntryNamed(conditions, conditionLabel(line.tag));
        if (c.groups.isEmpty()) {
            c.pen = QPen(color, 2.2);
            c.marker = 0;
            c.markerColor = color;
        }
        c.groups << group;
        if (otherGroups.size() > 1) {
            LegendEntry& g = legendEntryNamed(groups, line.others);
            if (g.groups.isEmpty())
                g.pen = QPen(theme.text, 2.2, studyPenStyle(line.dash));
            g.groups << group;
        }
    }
    fig.legend = conditions + groups;

    // Axes: x the swept key, y the metric; bounds over means and interval ends.
    QVector<PlottedSeries> extent = fig.series;
    for (const PlottedBand& b : fig.bands)
        extent.push_back({b.name, {}, b.lower + b.upper, nullptr, true});
    const QRectF bounds = dataBounds(extent, false);
    QValueAxis* x = nullptr;
    if (numeric) {
        x = new QValueAxis;
        x->setLabelFormat(QStringLiteral("%.6g"));
        styleAxis(x, theme, key);
        applyRange(x, bounds.left(), bounds.right(), true);
    } else {
        auto* cat = new QCategoryAxis;
        for (int i = 0; i < categories.size(); ++i)
            cat->append(categories[i], i + 0.5);
        cat->setStartValue(-0.5);
        styleAxis(cat, theme, key);
        cat->setRange(-0.5, categories.size() - 0.5);
        x = cat;
    }
    QValueAxis* y = makeYAxis(theme, sweepMetricLabel(metric));
    applyRange(y, bounds.top(), bounds.bottom(), true);
    fig.chart->addAxis(x, Qt::AlignBottom);
    fig.chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : fig.chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    fig.home = QRectF(QPointF(x->min(), y->min()), QPointF(x->max(), y->max()));
    fig.xTitle = key;
    fig.yTitle = sweepMetricLabel(metric);
}

} // namespace qks::gui
