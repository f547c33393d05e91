// γ statistics per layer: mean, unbiased std, cv = std/|mean| (0 near a zero mean), min, max.
#include "common/Error.h"
#include "probe/GammaStats.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace qks;

class TestGammaStats final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void frozenGammaHasNoSpread()
    {
        const std::vector<float> ones(128, 1.0f);
        const GammaStats s = gammaStats(ones);
        QCOMPARE(s.mean, 1.0);
        QCOMPARE(s.std, 0.0);
        QCOMPARE(s.cv, 0.0);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 1.0);
    }

    void knownValues()
    {
        const std::vector<float> g = {1.0f, 2.0f, 3.0f, 4.0f};
        const GammaStats s = gammaStats(g);
        QCOMPARE(s.mean, 2.5);
        QCOMPARE(s.std, std::sqrt(5.0 / 3.0)); // unbiased: Σ(x-2.5)² = 5, n-1 = 3
        QCOMPARE(s.cv, std::sqrt(5.0 / 3.0) / 2.5);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 4.0);
    }

    void negativeMeanUsesItsMagnitude()
    {
        const std::vector<float> g = {-1.0f, -3.0f};
        const GammaStats s = gammaStats(g);
        QCOMPARE(s.mean, -2.0);
        QCOMPARE(s.std, std::sqrt(2.0));
        QCOMPARE(s.cv, std::sqrt(2.0) / 2.0);
        QCOMPARE(s.min, -3.0);
        QCOMPARE(s.max, -1.0);
    }

    void nearZeroMeanGivesCvZero()
    {
        const std::vector<float> g = {1.0f, -1.0f};
        const GammaStats s = gammaStats(g);
        QCOMPARE(s.mean, 0.0);
        QCOMPARE(s.std, std::sqrt(2.0));
        QCOMPARE(s.cv, 0.0);

        // |mean| = 5e-9 < 1e-8: still 0; |mean| = 2e-8: a real ratio.
        QCOMPARE(gammaStats(std::vector<float>{1e-8f, 0.0f}).cv, 0.0);
        const GammaStats above = gammaStats(std::vector<float>{4e-8f, 0.0f});
        QVERIFY(above.cv > 1.0);
    }

    void singleValueHasNoSpread()
    {
        const GammaStats s = gammaStats(std::vector<float>{0.75f});
        QCOMPARE(s.mean, 0.75);
        QCOMPARE(s.std, 0.0);
        QCOMPARE(s.cv, 0.0);
    }

    void emptyGammaIsAnError()
    {
        bool thrown = false;
        try {
            gammaStats(std::vector<float>{});
        } catch (const DataError& e) {
            thrown = std::string(e.what()).find("at least one") != std::string::npos;
        }
        QVERIFY(thrown);
    }

    // γ after training sits near 1 with a spread of a few percent (published cv ≈ 0.07-0.17);
    // a one-pass Σx²−n·mean² in float would lose it. Compared with a long double reference.
    void smallSpreadAroundOneIsAccurate()
    {
        std::mt19937_64 rng(128);
        std::normal_distribution<float> n(1.0f, 1e-4f);
        std::vector<float> g(128);
        for (float& x : g)
            x = n(rng);
        long double sum = 0;
        for (float x : g)
            sum += x;
        const long double mean = sum / g.size();
        long double sq = 0;
        for (float x : g)
            sq += (x - mean) * (x - mean);
        const double refStd = static_cast<double>(std::sqrt(sq / (g.size() - 1)));

        const GammaStats s = gammaStats(g);
        QVERIFY(std::abs(s.mean - double(mean)) < 1e-15);
        QVERIFY(std::abs(s.std - refStd) < 1e-12 * refStd);
        QVERIFY(std::abs(s.cv - refStd / double(mean)) < 1e-11 * s.cv);
        QVERIFY(s.std > 5e-5 && s.std < 2e-4);
        QCOMPARE(s.min, double(*std::min_element(g.begin(), g.end())));
        QCOMPARE(s.max, double(*std::max_element(g.begin(), g.end())));
    }
};

QTEST_APPLESS_MAIN(TestGammaStats)
#include "test_gamma_stats.moc"
