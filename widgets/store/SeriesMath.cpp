#include "store/SeriesMath.h"

#include <algorithm>
#include <cmath>

namespace qks::gui {

QVector<QPointF> debiasedEma(const QVector<QPointF>& points, double weight)
{
    if (weight <= 0.0)
        return points;
    QVector<QPointF> out;
    out.reserve(points.size());
    double last = 0.0;
    double debias = 0.0;
    for (const QPointF& p : points) {
        if (!std::isfinite(p.y())) {
            out.push_back(p);
            continue;
        }
        last = last * weight + (1.0 - weight) * p.y();
        debias = debias * weight + (1.0 - weight);
        out.push_back(QPointF(p.x(), last / debias));
    }
    return out;
}

QVector<QPointF> minMaxPerColumn(const QVector<QPointF>& points, double xMin, double xMax, int columns)
{
    if (columns <= 0 || points.size() <= 4 * qsizetype(columns) + 2 || !(xMax > xMin))
        return points;

    const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
    const qsizetype first = std::lower_bound(points.begin(), points.end(), xMin, byX) - points.begin();
    const qsizetype end = std::upper_bound(points.begin(), points.end(), xMax,
                                           [](double x, const QPointF& p) { return x < p.x(); }) -
                          points.begin();

    QVector<QPointF> out;
    out.reserve(4 * columns + 2);
    if (first > 0)
        out.push_back(points[first - 1]);

    const double scale = columns / (xMax - xMin);
    qsizetype i = first;
    while (i < end) {
        const int column = std::min(columns - 1, int((points[i].x() - xMin) * scale));
        qsizetype lo = i, hi = i, last = i;
        qsizetype j = i + 1;
        for (; j < end && std::min(columns - 1, int((points[j].x() - xMin) * scale)) == column; ++j) {
            // NaN compares false both ways, so a gap never becomes the column's extreme.
            if (points[j].y() < points[lo].y())
                lo = j;
            if (points[j].y() > points[hi].y())
                hi = j;
            last = j;
        }
        // First, extremes in x order, last: the line drawn through them has the column's shape.
        qsizetype picks[4] = {i, std::min(lo, hi), std::max(lo, hi), last};
        for (int k = 0; k < 4; ++k) {
            if (k == 0 || picks[k] != picks[k - 1])
                out.push_back(points[picks[k]]);
        }
        i = j;
    }
    if (end < points.size())
        out.push_back(points[end]);
    return out;
}

double niceTickStep(double span, int ticks)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw * (1.0 - 1e-12))
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace qks::gui
