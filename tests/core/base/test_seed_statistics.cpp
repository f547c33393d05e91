// Means with Student-t 95% intervals over seeds, and differences paired by seed
// (results/SeedStatistics.h), against values computed independently: the t quantiles of the
// standard tables and a long-double computation of mean and spread.
#include "results/SeedStatistics.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace qks;

namespace {

// t(0.975, ν) from the standard tables (to nine significant digits).
const std::map<size_t, double> kTable = {{1, 12.7062047}, {2, 4.30265273}, {3, 3.18244631},  {4, 2.77644511},
                                         {5, 2.57058184}, {10, 2.22813885}, {30, 2.04227246}, {100, 1.98397152}};

bool near(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::abs(b);
}

} // namespace

class TestSeedStatistics final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void studentQuantilesMatchTheTables()
    {
        for (const auto& [dof, t] : kTable)
            QVERIFY2(near(studentT975(dof), t, 1e-7), qPrintable(QStringLiteral("ν=%1: %2").arg(dof).arg(studentT975(dof), 0, 'g', 12)));
        QVERIFY(std::isnan(studentT975(0)));
    }

    void meanSpreadAndIntervalOfSeveralSeeds()
    {
        const std::vector<double> pr = {63.25, 65.70, 64.10, 66.02, 64.88};
        long double sum = 0, squares = 0;
        for (double v : pr)
            sum += v;
        const long double mean = sum / pr.size();
        for (double v : pr)
            squares += (v - mean) * (v - mean);
        const double sd = double(std::sqrt(squares / (pr.size() - 1)));
        const double half = kTable.at(4) * sd / std::sqrt(5.0);

        const auto e = estimate(pr);
        QVERIFY(e);
        QCOMPARE(e->n, size_t(5));
        QVERIFY(near(e->mean, double(mean), 1e-15));
        QVERIFY(e->sd && near(*e->sd, sd, 1e-13));
        QVERIFY(e->ci95);
        QVERIFY(near(e->ci95->first, double(mean) - half, 1e-8));
        QVERIFY(near(e->ci95->second, double(mean) + half, 1e-8));

        const nlohmann::ordered_json j = estimateToJson(e);
        QCOMPARE(j["n"].get<size_t>(), size_t(5));
        QCOMPARE(j["ci95"].size(), size_t(2));
        QCOMPARE(j["sd"].get<double>(), *e->sd);
    }

    void oneSeedHasNoSpreadAndNonFiniteValuesAreLeftOut()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto one = estimate({65.7, nan});
        QVERIFY(one);
        QCOMPARE(one->n, size_t(1));
        QCOMPARE(one->mean, 65.7);
        QVERIFY(!one->sd && !one->ci95); // absent, not zero
        const nlohmann::ordered_json j = estimateToJson(one);
        QVERIFY(j["sd"].is_null() && j["ci95"].is_null());
        QVERIFY(!estimate({}));
        QVERIFY(!estimate({nan, std::numeric_limits<double>::infinity()}));
        QVERIFY(estimateToJson(std::nullopt).is_null());
    }

    void differencesArePairedBySeed()
    {
        const std::map<int64_t, double> learned = {{42, 65.7}, {43, 64.1}, {44, 66.0}};
        const std::map<int64_t, double> frozen = {{44, 60.0}, {42, 59.5}, {45, 58.0}};
        QCOMPARE(pairedDifferences(learned, frozen), (std::vector<double>{65.7 - 59.5, 66.0 - 60.0}));
    }
};

QTEST_APPLESS_MAIN(TestSeedStatistics)
#include "test_seed_statistics.moc"
