// Golden test in the spirit of llm.c: a tiny model starts from weights written by an
// independent PyTorch implementation (tests/reference/minimal_llm.py) and trains on the same
// batches; every micro-step loss, the key-PR probe and the final weights must match. The
// reference is computed when the test runs, on the same machine with the same libraries and
// CPU kernels (GoldenFixture.h), so the reference kernels match exactly on any x86-64 CPU; CTest
// runs this test again under forced OpenBLAS, oneDNN and ATen kernel choices (tests/CMakeLists.txt).
#include "GoldenFixture.h"
#include "optim/StudyOptimizer.h"
#include "probe/KeyProbe.h"
#include "train/MicroStepper.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qks;

namespace {
// Measured worst over the three conditions (1.13, one thread): loss 4.7e-4, final weights
// 2.5e-3, final layer PR 1.9e-3 relative with OpenBLAS's products; with oneDNN's products and
// the one-pass attention (2026-11-28) loss 3.6e-4, weights 3.7e-3, layer PR 9.2e-3. Each change
// of a summation order draws new values: bf16 Polar Express turns fp32 rounding into
// lr·2^-8-sized steps, and a d_k = 8 layer's PR follows them. The fp64 tests (test_model,
// test_fused_cpu_ops) hold the kernels themselves to 1e-10 and better.
const double kFusedLossTolerance = 2e-3;
const double kFusedPrTolerance = 3e-2;
const double kFusedWeightTolerance = 1e-2;

// The reference computed now against the committed one (tests/fixtures/golden/tiny_golden.json,
// written on an AVX2 machine), measured on 2026-12-07 on an AVX-512 Zen 5 over the forced kernel
// choices: OpenBLAS SkylakeX moves the losses by up to 3.1e-4, the layer PRs by 1.7e-3
// (relative) and the final weights by 2.3e-3; ATen's default (non-AVX) kernels by 7.6e-4,
// 7.2e-3 and 3.6e-3, and the initial weights by 3.2e-8 (normal_'s vectorised draws). The bounds
// below leave about 2.5× that: wide enough for any kernel choice, far too narrow for a change
// in what the reference computes (a wrong RoPE pairing or learning rate moves the losses by 1e-2).
const double kAnchorInitTolerance = 1e-7;
const double kAnchorLossTolerance = 2e-3;
const double kAnchorPrTolerance = 2e-2;
const double kAnchorWeightTolerance = 1e-2;

double largestDifference(const std::vector<double>& a, const std::vector<double>& b, bool relative)
{
    double worst = a.size() == b.size() ? 0.0 : INFINITY;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]) / (relative ? std::abs(b[i]) : 1.0));
    return worst;
}
} // namespace

class TestGoldenTraining final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(1); // the reference ran single-threaded; keep reductions in the same order
        QVERIFY(m_scratch.isValid());
        m_fixture = testing::goldenReference(m_scratch.path());
    }

    void matchesPyTorchReference_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("fused");
        QTest::newRow("QK") << "QK" << int(QkNormMode::Learned) << false;
        QTest::newRow("QK_frozen") << "QK_frozen" << int(QkNormMode::Frozen) << false;
        QTest::newRow("NoQK") << "NoQK" << int(QkNormMode::None) << false;
        QTest::newRow("QK, fused kernels") << "QK" << int(QkNormMode::Learned) << true;
        QTest::newRow("QK_frozen, fused kernels") << "QK_frozen" << int(QkNormMode::Frozen) << true;
        QTest::newRow("NoQK, fused kernels") << "NoQK" << int(QkNormMode::None) << true;
    }

    void matchesPyTorchReference()
    {
        QFETCH(QString, tag);
        QFETCH(int, mode);
        QFETCH(bool, fused);
        // Reference kernels repeat the original's operations, so the match is exact and held to
        // 1e-6. The fused kernels round differently (1e-7 relative), and Muon's bf16
        // orthogonalisation turns that into 2^-8·lr-sized weight differences from the first
        // update on: looser bounds there, still far below what a wrong kernel would give.
        const double lossTolerance = fused ? kFusedLossTolerance : 1e-6;
        const double prTolerance = fused ? kFusedPrTolerance : 1e-6;
        const double weightTolerance = fused ? kFusedWeightTolerance : 1e-6;
        const auto& run = m_fixture.at("runs").at(tag.toStdString());
        const ModelConfig mc = testing::goldenModelConfig(m_fixture);
        TrainConfig tc = testing::goldenTrainConfig(m_fixture);
        tc.kernels = fused ? "fused" : "reference";
        MinimalLlm model(mc, static_cast<QkNormMode>(mode));
        model->setKernels(fused ? Kernels::Fused : Kernels::Reference);
        testing::loadState(model, run.at("initial_state"));
        const auto probeIds = testing::idsTensor(m_fixture.at("probe_batch"));

        auto checkProbe = [&](const nlohmann::json& expected, double tolerance) {
            const KeyProbeResult got = probeKeys(model, probeIds);
            const auto layers = expected.at("layer_pr").get<std::vector<double>>();
            QCOMPARE(got.layerPr.size(), layers.size());
            double worstPr = 0.0;
            for (size_t l = 0; l < layers.size(); ++l)
                worstPr = std::max(worstPr, std::abs(got.layerPr[l] - layers[l]) / layers[l]);
            qInfo("worst layer-PR difference %.3g (relative)", worstPr);
            for (size_t l = 0; l < layers.size(); ++l)
                QVERIFY2(std::abs(got.layerPr[l] - layers[l]) <= tolerance * layers[l],
                         qPrintable(QString("layer %1 PR %2 vs reference %3").arg(l).arg(got.layerPr[l], 0, 'g', 12).arg(layers[l], 0, 'g', 12)));
            QVERIFY(std::abs(got.meanPr - expected.at("mean_pr").get<double>()) <= tolerance * got.meanPr);
        };
        checkProbe(run.at("probe_initial"), 1e-6);

        StudyOptimizer optimizer(*model, tc);
        MicroStepper stepper(model, optimizer, {.accumulation = tc.gradient_accumulation_steps});
        const auto expectedLosses = run.at("losses").get<std::vector<double>>();
        const auto& batches = m_fixture.at("micro_batches");
        QCOMPARE(batches.size(), expectedLosses.size());
        double worst = 0.0;
        for (size_t s = 0; s < batches.size(); ++s) {
            const double loss = stepper.step(testing::idsTensor(batches[s]));
            worst = std::max(worst, std::abs(loss - expectedLosses[s]));
            // The issue asks for 1e-4; with the same LibTorch and one thread the reference
            // kernels' match is exact, so hold it to 1e-6 and any drift in the loop's arithmetic shows.
            QVERIFY2(std::abs(loss - expectedLosses[s]) < lossTolerance,
                     qPrintable(QString("micro-step %1: loss %2 vs reference %3").arg(s).arg(loss, 0, 'g', 10).arg(expectedLosses[s], 0, 'g', 10)));
        }
        qInfo("%s: worst loss difference %.3g over %zu micro-steps", qPrintable(tag), worst, batches.size());
        checkProbe(run.at("probe_final"), prTolerance);

        // The weights after training. Muon's bf16 orthogonalisation would amplify any difference
        // in operation order into 2^-8·lr steps, so agreement here means the same arithmetic.
        double worstWeight = 0.0;
        for (const auto& item : model->named_parameters()) {
            const auto expected = run.at("final_sample").at(item.key()).get<std::vector<double>>();
            const auto got = item.value().detach().flatten();
            for (size_t i = 0; i < expected.size(); ++i)
                worstWeight = std::max(worstWeight, std::abs(got[static_cast<int64_t>(i)].item<double>() - expected[i]));
        }
        qInfo("%s: worst final-weight difference %.3g", qPrintable(tag), worstWeight);
        QVERIFY2(worstWeight < weightTolerance, qPrintable(QString("final weights differ by %1").arg(worstWeight)));
    }

    void learnedAndFrozenDiverge()
    {
        // The fixture must be able to tell the conditions apart, or the test above proves less.
        const auto a = m_fixture.at("runs").at("QK").at("losses").get<std::vector<double>>();
        const auto b = m_fixture.at("runs").at("QK_frozen").at("losses").get<std::vector<double>>();
        QVERIFY(std::abs(a.back() - b.back()) > 1e-6);
    }

    void referenceAgreesWithCommittedAnchor()
    {
        const nlohmann::json anchor = testing::committedGoldenAnchor();
        if (!testing::writtenBySameTorchMajor(anchor) || !testing::writtenBySameTorchMajor(m_fixture))
            QSKIP("the committed anchor was written by torch 1.x; a 2.x reference rounds Muon's coefficients otherwise");
        for (const char* tag : {"QK", "QK_frozen", "NoQK"}) {
            const auto& now = m_fixture.at("runs").at(tag);
            const auto& then = anchor.at("runs").at(tag);
            double init = 0.0, weights = 0.0, pr = 0.0;
            for (const auto& [name, entry] : then.at("initial_state").items())
                init = std::max(init, largestDifference(now.at("initial_state").at(name).at("data").get<std::vector<double>>(),
                                                        entry.at("data").get<std::vector<double>>(), false));
            for (const auto& [name, values] : then.at("final_sample").items())
                weights = std::max(weights, largestDifference(now.at("final_sample").at(name).get<std::vector<double>>(),
                                                              values.get<std::vector<double>>(), false));
            for (const char* probe : {"probe_initial", "probe_final"})
                pr = std::max(pr, largestDifference(now.at(probe).at("layer_pr").get<std::vector<double>>(),
                                                    then.at(probe).at("layer_pr").get<std::vector<double>>(), true));
            const double loss = largestDifference(now.at("losses").get<std::vector<double>>(),
                                                  then.at("losses").get<std::vector<double>>(), false);
            qInfo("%s against the anchor: initial weights %.3g, losses %.3g, layer PR %.3g, final weights %.3g", tag, init,
                  loss, pr, weights);
            QVERIFY2(init <= kAnchorInitTolerance, tag);
            QVERIFY2(loss <= kAnchorLossTolerance, tag);
            QVERIFY2(pr <= kAnchorPrTolerance, tag);
            QVERIFY2(weights <= kAnchorWeightTolerance, tag);
        }
    }

private:
    QTemporaryDir m_scratch;
    nlohmann::json m_fixture;
};

QTEST_APPLESS_MAIN(TestGoldenTraining)
#include "test_golden_training.moc"
