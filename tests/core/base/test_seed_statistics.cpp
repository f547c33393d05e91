// Means with Student-t 95% intervals over seeds, and differences paired by seed
// (results/SeedStatistics.h), against values computed independently: the t quantiles of the
// standard tables and a long-double computation of mean and spread; and `summary` of a folder
// of seed_<n> studies (results/SeedSummary.h) as a user runs it.
#include "results/SeedStatistics.h"

#include "CliProcess.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

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

    void summaryOfASeedFolderGivesIntervalsAndPairedEffects()
    {
        // Three seeds made from the published study: seed k scales the PR curves by 1 + k/100
        // (QK_frozen by 1 + k/50), so every number below is known.
        QTemporaryDir dir;
        const std::string study = QKS_FIXTURES_DIR "/published/qk_norm_50m_study/";
        const std::vector<int> seeds = {42, 43, 44};
        std::map<std::string, std::vector<double>> finalPr;
        for (size_t k = 0; k < seeds.size(); ++k) {
            for (const std::string tag : {"QK", "QK_frozen", "NoQK"}) {
                std::ifstream in(study + tag + "/results.json");
                nlohmann::ordered_json r = nlohmann::ordered_json::parse(in);
                const double scale = 1.0 + double(k) / (tag == "QK_frozen" ? 50.0 : 100.0);
                for (auto& v : r["mean_pr"])
                    v = v.get<double>() * scale;
                finalPr[tag].push_back(r["mean_pr"].back().get<double>());
                const std::string folder = dir.path().toStdString() + "/seed_" + std::to_string(seeds[k]) + "/" + tag;
                QVERIFY(QDir().mkpath(QString::fromStdString(folder)));
                std::ofstream(folder + "/results.json") << r.dump();
            }
        }
        const auto expected = [](const std::vector<double>& v) {
            long double mean = 0, squares = 0;
            for (double x : v)
                mean += x;
            mean /= v.size();
            for (double x : v)
                squares += (x - mean) * (x - mean);
            const double half = kTable.at(v.size() - 1) * double(std::sqrt(squares / (v.size() - 1))) / std::sqrt(double(v.size()));
            return std::make_pair(double(mean), half);
        };

        const auto run = qks::testing::runCli({QStringLiteral("summary"), dir.path(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const nlohmann::ordered_json j = nlohmann::ordered_json::parse(run.out.toStdString());
        QCOMPARE(j["seeds"], nlohmann::ordered_json({42, 43, 44}));
        for (const std::string tag : {"QK", "QK_frozen", "NoQK"}) {
            const auto& e = j["conditions"][tag]["final_pr"];
            const auto [mean, half] = expected(finalPr[tag]);
            QCOMPARE(e["n"].get<int>(), 3);
            QVERIFY(near(e["mean"].get<double>(), mean, 1e-12));
            QVERIFY(near(e["ci95"][1].get<double>() - e["mean"].get<double>(), half, 1e-7));
            QCOMPARE(j["conditions"][tag]["mean_pr"].size(), size_t(26));
            QCOMPARE(j["conditions"][tag]["final_loss"]["sd"].get<double>(), 0.0); // the loss was not scaled
        }
        // The γ effect paired by seed: QK − QK_frozen per seed, then its interval.
        std::vector<double> gamma;
        for (size_t k = 0; k < seeds.size(); ++k)
            gamma.push_back(finalPr["QK"][k] - finalPr["QK_frozen"][k]);
        const auto [gmean, ghalf] = expected(gamma);
        const auto& g = j["differences"]["QK-QK_frozen"]["final_pr"];
        QVERIFY(near(g["mean"].get<double>(), gmean, 1e-12));
        QVERIFY(near(g["ci95"][1].get<double>() - g["mean"].get<double>(), ghalf, 1e-7));
        QVERIFY(j["differences"].contains("QK_frozen-NoQK"));

        const auto text = qks::testing::runCli({QStringLiteral("summary"), dir.path()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("seeds 42, 43, 44")) && text.out.contains(QStringLiteral(" ± ")) &&
                     text.out.contains(QStringLiteral("(3)")) && text.out.contains(QStringLiteral("γ effect (QK − QK_frozen)")),
                 qPrintable(text.out));

        // One seed: the values, with no interval (null, not zero).
        QTemporaryDir single;
        QVERIFY(QDir().mkpath(single.path() + QStringLiteral("/seed_7/QK")));
        QVERIFY(QFile::copy(QString::fromStdString(study + "QK/results.json"), single.path() + QStringLiteral("/seed_7/QK/results.json")));
        const auto one = qks::testing::runCli({QStringLiteral("summary"), single.path(), QStringLiteral("--json")});
        QCOMPARE(one.exitCode, 0);
        const auto e = nlohmann::ordered_json::parse(one.out.toStdString())["conditions"]["QK"]["final_pr"];
        QCOMPARE(e["n"].get<int>(), 1);
        QVERIFY(e["sd"].is_null() && e["ci95"].is_null());
    }
};

QTEST_APPLESS_MAIN(TestSeedStatistics)
#include "test_seed_statistics.moc"
