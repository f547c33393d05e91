// One condition over several seeds as one curve with a band (issue 22 §4): per-probe means and
// Student-t intervals over the seeds that reached each probe, checked against values worked
// out by hand; runs on another schedule are left out, not averaged in.
#include "results/SeedAggregate.h"

#include <QTest>
#include <cmath>

using namespace qks;

namespace {

// Three probes (0, 100, 200 tokens), two layers; PR values a, b, c per probe.
RunResults run(std::vector<double> pr, std::vector<std::optional<double>> loss)
{
    RunResults r;
    r.tag = "QK";
    for (size_t k = 0; k < pr.size(); ++k) {
        r.tokens.push_back(int64_t(k) * 100);
        r.mean_pr.push_back(pr[k]);
        r.loss.push_back(loss[k]);
        r.val_loss.push_back(k == 0 ? std::nullopt : std::optional<double>(loss[k].value_or(0) + 0.5));
    }
    r.layer_pr = {pr, pr};
    for (double& v : r.layer_pr[1])
        v *= 2;
    r.gamma_cv = {std::vector<double>(pr.size(), 0.1), std::vector<double>(pr.size(), 0.2)};
    return r;
}

} // namespace

class TestSeedAggregate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void meansAndIntervalsPerProbe()
    {
        const RunResults a = run({10, 6, 8}, {std::nullopt, 4.0, 3.0});
        const RunResults b = run({12, 4, 9}, {std::nullopt, 5.0, 3.5});
        const RunResults c = run({11, 5}, {std::nullopt, 6.0}); // still training: two probes
        const SeedAggregate g = aggregateSeeds({{42, &a}, {43, &b}, {44, &c}});
        QCOMPARE(g.seeds, (std::vector<int64_t>{42, 43, 44}));
        QCOMPARE(g.seedsAtProbe, (std::vector<size_t>{3, 3, 2}));
        QCOMPARE(g.mean.tokens, (std::vector<int64_t>{0, 100, 200}));
        // Probe 1: PR 6, 4, 5 → mean 5, sd 1, half-width t(0.975, 2) · 1/√3 = 4.302652729911275 / 1.7320508.
        QCOMPARE(g.meanPr[1]->n, size_t(3));
        QCOMPARE(g.meanPr[1]->mean, 5.0);
        QVERIFY(std::abs(*g.meanPr[1]->sd - 1.0) < 1e-12);
        const double half = 4.302652729911275 / std::sqrt(3.0);
        QVERIFY(std::abs(g.meanPr[1]->ci95->first - (5.0 - half)) < 1e-9);
        QVERIFY(std::abs(g.meanPr[1]->ci95->second - (5.0 + half)) < 1e-9);
        // Probe 2: only two seeds there: 8 and 9 → mean 8.5, sd √0.5, t(0.975, 1) = 12.706204736174707.
        QCOMPARE(g.meanPr[2]->n, size_t(2));
        QCOMPARE(g.meanPr[2]->mean, 8.5);
        QVERIFY(std::abs(g.meanPr[2]->ci95->second - (8.5 + 12.706204736174707 * std::sqrt(0.5) / std::sqrt(2.0))) < 1e-9);
        QCOMPARE(g.mean.mean_pr, (std::vector<double>{11, 5, 8.5}));
        // Layer 1 is twice layer 0; γ-CV constant: a zero-width band.
        QCOMPARE(g.mean.layer_pr[1][1], 10.0);
        QCOMPARE(g.layerPr[1][1]->mean, 10.0);
        QCOMPARE(g.mean.gamma_cv[1][2], 0.2);
        QVERIFY(std::abs(g.gammaCv[1][2]->ci95->second - 0.2) < 1e-12);
        // Losses: none at probe 0 in any seed → none; then 5 and 3.25.
        QVERIFY(!g.mean.loss[0] && !g.loss[0]);
        QCOMPARE(*g.mean.loss[1], 5.0);
        QCOMPARE(*g.mean.loss[2], 3.25);
        QCOMPARE(*g.mean.val_loss[1], 5.5);
        QCOMPARE(g.mean.extra["seeds_at_probe"].get<std::vector<size_t>>(), (std::vector<size_t>{3, 3, 2}));
    }

    void oneSeedHasNoInterval()
    {
        const RunResults a = run({10, 6, 8}, {std::nullopt, 4.0, 3.0});
        const SeedAggregate g = aggregateSeeds({{7, &a}});
        QCOMPARE(g.meanPr[1]->mean, 6.0);
        QVERIFY(!g.meanPr[1]->sd);
        QVERIFY(!g.meanPr[1]->ci95);
    }

    void anotherScheduleIsLeftOut()
    {
        const RunResults a = run({10, 6, 8}, {std::nullopt, 4.0, 3.0});
        RunResults b = run({12, 4, 9}, {std::nullopt, 5.0, 3.5});
        b.tokens[1] = 150;
        const SeedAggregate g = aggregateSeeds({{1, &a}, {2, &b}});
        QCOMPARE(g.seeds, (std::vector<int64_t>{1}));
        QCOMPARE(g.warnings.size(), size_t(1));
        QVERIFY(g.warnings[0].find("seed 2") != std::string::npos);
        QCOMPARE(g.mean.mean_pr, (std::vector<double>{10, 6, 8}));
    }

    void missingValuesAreSkipped()
    {
        RunResults a = run({10, 6, 8}, {std::nullopt, 4.0, 3.0});
        const RunResults b = run({12, 4, 9}, {std::nullopt, 5.0, 3.5});
        a.mean_pr[2] = std::nan("");
        const SeedAggregate g = aggregateSeeds({{1, &a}, {2, &b}});
        QCOMPARE(g.meanPr[2]->n, size_t(1));
        QCOMPARE(g.mean.mean_pr[2], 9.0);
        QVERIFY(aggregateSeeds({}).mean.tokens.empty());
    }
};

QTEST_APPLESS_MAIN(TestSeedAggregate)
#include "test_seed_aggregate.moc"
