// Smoothing and reduction maths of the line figures, against direct float64 computations.
#include "store/SeriesMath.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace qks::gui;

class TestSeriesMath final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emaWeightZeroIsIdentity();
    void emaKeepsAConstantSeriesConstant();
    void emaMatchesTensorBoardFormula();
    void emaPassesNonFiniteValuesThrough();
    void reductionKeepsEveryColumnsExtremes();
    void reductionKeepsPointsJustOutsideTheRange();
    void smallSeriesAreNotReduced();
};

void TestSeriesMath::emaWeightZeroIsIdentity()
{
    const QVector<QPointF> p = {{0, 1}, {1, 5}, {2, -3}};
    QCOMPARE(debiasedEma(p, 0.0), p);
}

void TestSeriesMath::emaKeepsAConstantSeriesConstant()
{
    // Without the debias term the first points would be pulled towards 0.
    QVector<QPointF> p;
    for (int i = 0; i < 50; ++i)
        p.push_back(QPointF(i, 7.25));
    for (const QPointF& s : debiasedEma(p, 0.95))
        QVERIFY(std::abs(s.y() - 7.25) < 1e-12);
}

void TestSeriesMath::emaMatchesTensorBoardFormula()
{
    // s_n = Σ_{k≤n} w^{n-k} (1-w) y_k / (1 - w^{n+1}): the closed form of the debiased EMA.
    std::mt19937 rng(3);
    std::normal_distribution<double> noise;
    QVector<QPointF> p;
    for (int i = 0; i < 200; ++i)
        p.push_back(QPointF(i, 3.0 + noise(rng)));
    const double w = 0.9;
    const QVector<QPointF> s = debiasedEma(p, w);
    for (int n = 0; n < p.size(); ++n) {
        double sum = 0.0;
        for (int k = 0; k <= n; ++k)
            sum += std::pow(w, n - k) * (1 - w) * p[k].y();
        const double expected = sum / (1.0 - std::pow(w, n + 1));
        QVERIFY2(std::abs(s[n].y() - expected) < 1e-10, qPrintable(QString::number(n)));
        QCOMPARE(s[n].x(), p[n].x());
    }
}

void TestSeriesMath::emaPassesNonFiniteValuesThrough()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QVector<QPointF> s = debiasedEma({{0, 2}, {1, nan}, {2, 2}}, 0.5);
    QCOMPARE(s[0].y(), 2.0);
    QVERIFY(std::isnan(s[1].y()));
    QCOMPARE(s[2].y(), 2.0); // the NaN did not enter the average
}

void TestSeriesMath::reductionKeepsEveryColumnsExtremes()
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> value(-1.0, 1.0);
    QVector<QPointF> p;
    for (int i = 0; i < 100000; ++i)
        p.push_back(QPointF(i * 0.01, value(rng) + (i == 51234 ? 40.0 : 0.0)));
    const int columns = 800;
    const double x0 = 0.0, x1 = p.back().x();
    const QVector<QPointF> r = minMaxPerColumn(p, x0, x1, columns);
    QVERIFY(r.size() <= 4 * columns + 2);
    QVERIFY(r.size() > 2 * columns);
    // The spike survives, and per column the reduced min/max equal the full ones.
    double top = -1e9;
    for (const QPointF& q : r)
        top = std::max(top, q.y());
    QCOMPARE(top, p[51234].y());
    QVector<double> lo(columns, 1e9), hi(columns, -1e9), rlo(columns, 1e9), rhi(columns, -1e9);
    const auto column = [&](double x) { return std::min(columns - 1, int((x - x0) / (x1 - x0) * columns)); };
    for (const QPointF& q : p) {
        lo[column(q.x())] = std::min(lo[column(q.x())], q.y());
        hi[column(q.x())] = std::max(hi[column(q.x())], q.y());
    }
    for (const QPointF& q : r) {
        rlo[column(q.x())] = std::min(rlo[column(q.x())], q.y());
        rhi[column(q.x())] = std::max(rhi[column(q.x())], q.y());
    }
    QCOMPARE(rlo, lo);
    QCOMPARE(rhi, hi);
    // Still sorted by x: the line is drawn left to right.
    for (int i = 1; i < r.size(); ++i)
        QVERIFY(r[i].x() >= r[i - 1].x());
}

void TestSeriesMath::reductionKeepsPointsJustOutsideTheRange()
{
    QVector<QPointF> p;
    for (int i = 0; i < 10000; ++i)
        p.push_back(QPointF(i, std::sin(i * 0.01)));
    const QVector<QPointF> r = minMaxPerColumn(p, 2000.5, 3000.5, 100);
    QCOMPARE(r.front().x(), 2000.0); // the last point left of the view, so the line enters it
    QCOMPARE(r.back().x(), 3001.0);
    for (int i = 1; i + 1 < r.size(); ++i)
        QVERIFY(r[i].x() >= 2001.0 && r[i].x() <= 3000.0);
}

void TestSeriesMath::smallSeriesAreNotReduced()
{
    const QVector<QPointF> p = {{0, 1}, {1, 2}, {2, 3}};
    QCOMPARE(minMaxPerColumn(p, 0, 2, 100), p);
}

QTEST_APPLESS_MAIN(TestSeriesMath)
#include "test_series_math.moc"
