// The probe as the trainer runs it: layer PR from captured keys equals the mean over kv heads
// of an SVD-based PR (float64) within 1e-9, for Gaussian, rank-deficient and fp32 keys; and
// probeKeys on a model reports per-layer PR and γ statistics as docs/design.md §1.8 defines them; a
// probe finished after the weights moved (solves off the training thread) reports the weights
// it started from.
#include "model/MinimalLlm.h"
#include "probe/KeyProbe.h"
#include "probe/Spectral.h"

#include <Eigen/Dense>
#include <QtTest>
#include <torch/torch.h>

using namespace qks;

namespace {

// Mean over kv heads of the SVD PR of each head's (B·T)×d_k key matrix.
double svdLayerPr(const torch::Tensor& keys)
{
    const auto k = keys.to(torch::kDouble).contiguous();
    const int64_t kv = k.size(2), dk = k.size(3);
    double sum = 0.0;
    for (int64_t h = 0; h < kv; ++h) {
        const auto head = k.select(2, h).reshape({-1, dk}).contiguous(); // (B·T, d_k)
        Eigen::MatrixXd m(head.size(0), dk);
        const double* p = head.data_ptr<double>();
        for (int64_t r = 0; r < head.size(0); ++r)
            for (int64_t c = 0; c < dk; ++c)
                m(r, c) = p[r * dk + c];
        sum += participationRatioBySvd(m);
    }
    return sum / static_cast<double>(kv);
}

double rel(double a, double b) { return std::abs(a - b) / std::abs(b); }

} // namespace

class TestKeyProbe final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(5); }

    void layerPrMatchesSvd_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("gaussian") << "gaussian";
        QTest::newRow("rank-deficient") << "rank";
        QTest::newRow("fp32 anisotropic") << "aniso";
    }
    void layerPrMatchesSvd()
    {
        QFETCH(QString, kind);
        torch::Tensor keys; // (B, T, KV, d_k)
        if (kind == "gaussian") {
            keys = torch::randn({4, 256, 2, 32}, torch::kDouble);
        } else if (kind == "rank") {
            keys = torch::matmul(torch::randn({4, 256, 2, 3}, torch::kDouble), torch::randn({3, 32}, torch::kDouble));
        } else {
            const auto scales = torch::pow(10.0, torch::linspace(-3, 2, 32));
            keys = torch::randn({2, 128, 4, 32}) * scales;
        }
        const double probe = layerParticipationRatio(keys);
        const double svd = svdLayerPr(keys);
        QVERIFY2(rel(probe, svd) < 1e-9, qPrintable(QString("probe %1 svd %2").arg(probe, 0, 'g', 17).arg(svd, 0, 'g', 17)));
        if (kind == "rank")
            QVERIFY(svd <= 3.0 + 1e-9);
    }

    void allLayersAtOnceEqualOneLayerAtATime()
    {
        // Every layer's eigenproblems are solved in parallel on the thread pool; each head is
        // still its own problem, so the result must equal the layer-by-layer one exactly.
        const int previousThreads = torch::get_num_threads();
        torch::set_num_threads(4);
        std::vector<torch::Tensor> layers;
        for (int l = 0; l < 6; ++l)
            layers.push_back(torch::randn({2, 64, 3, 16}, torch::kDouble) * (1.0 + l));
        const std::vector<double> together = layerParticipationRatios(layers);
        torch::set_num_threads(previousThreads);
        QCOMPARE(together.size(), layers.size());
        for (size_t l = 0; l < layers.size(); ++l) {
            QCOMPARE(together[l], layerParticipationRatio(layers[l]));
            QVERIFY(rel(together[l], svdLayerPr(layers[l])) < 1e-9);
        }
        QVERIFY(layerParticipationRatios({}).empty());
    }

    void probeKeysReportsLayersAndGamma()
    {
        ModelConfig c;
        c.d_model = 64; c.n_layers = 3; c.n_heads = 4; c.n_kv_heads = 2; c.d_ff = 128; c.vocab_size = 100; c.max_seq_len = 32;
        const auto ids = torch::randint(0, 100, {4, 32}, torch::kLong);
        for (QkNormMode mode : {QkNormMode::Learned, QkNormMode::Frozen, QkNormMode::None}) {
            MinimalLlm model(c, mode);
            if (mode == QkNormMode::Learned) {
                torch::NoGradGuard noGrad;
                model->named_parameters()["transformer_blocks.1.attention.k_norm.weight"].copy_(torch::linspace(0.5, 1.5, 16));
            }
            const KeyProbeResult r = probeKeys(model, ids, {.postRope = true});
            QCOMPARE(r.layerPr.size(), size_t(3));
            QCOMPARE(r.postRopeLayerPr.size(), size_t(3));
            QVERIFY(std::abs(r.meanPr - (r.layerPr[0] + r.layerPr[1] + r.layerPr[2]) / 3) < 1e-12);
            for (double pr : r.layerPr)
                QVERIFY(pr >= 1.0 && pr <= 16.0);

            // The same numbers straight from captured keys and an SVD.
            KeyCapture capture;
            model->setKeyCapture(&capture);
            {
                torch::NoGradGuard noGrad;
                model->forward(ids);
            }
            model->setKeyCapture(nullptr);
            for (size_t l = 0; l < 3; ++l)
                QVERIFY(rel(r.layerPr[l], svdLayerPr(capture.preRope[l])) < 1e-9);

            QCOMPARE(r.gamma.size(), size_t(mode == QkNormMode::None ? 0 : 3));
            if (mode == QkNormMode::Frozen)
                for (const auto& g : r.gamma)
                    QVERIFY(g.cv == 0.0 && g.mean == 1.0 && g.min == 1.0 && g.max == 1.0);
            if (mode == QkNormMode::Learned) {
                // linspace(0.5, 1.5, 16): mean 1, unbiased std = sqrt(Σ(x-1)²/15)
                double ss = 0.0;
                for (int i = 0; i < 16; ++i)
                    ss += std::pow(0.5 + i / 15.0 - 1.0, 2);
                QVERIFY(std::abs(r.gamma[1].mean - 1.0) < 1e-6);
                QVERIFY(std::abs(r.gamma[1].cv - std::sqrt(ss / 15.0)) < 1e-6);
                QVERIFY(std::abs(r.gamma[1].min - 0.5) < 1e-7 && std::abs(r.gamma[1].max - 1.5) < 1e-7);
            }
        }
    }

    void pendingProbeMeasuresTheWeightsItStartedFrom()
    {
        // The trainer starts a probe, trains a micro-step while the solves run on the pool, then
        // finishes it: the result must be the probe of the weights at the start, bit for bit,
        // however the weights moved in between.
        ModelConfig c;
        c.d_model = 64; c.n_layers = 2; c.n_heads = 4; c.n_kv_heads = 2; c.d_ff = 128; c.vocab_size = 100; c.max_seq_len = 32;
        const auto ids = torch::randint(0, 100, {4, 32}, torch::kLong);
        MinimalLlm model(c, QkNormMode::Learned);
        const KeyProbeResult before = probeKeys(model, ids, {.postRope = true});

        PendingKeyProbe pending = startKeyProbe(model, ids, {.postRope = true});
        {
            torch::NoGradGuard noGrad;
            for (auto& p : model->parameters())
                p.add_(torch::randn_like(p)); // far more than a training step moves them
        }
        const KeyProbeResult after = probeKeys(model, ids, {.postRope = true});
        QVERIFY(after.meanPr != before.meanPr);

        const KeyProbeResult late = pending.finish();
        QVERIFY(pending.solved());
        QVERIFY(pending.solveMs() >= 0.0);
        QCOMPARE(late.layerPr, before.layerPr);
        QCOMPARE(late.postRopeLayerPr, before.postRopeLayerPr);
        QCOMPARE(late.meanPr, before.meanPr);
        QCOMPARE(late.gamma.size(), before.gamma.size());
        for (size_t l = 0; l < late.gamma.size(); ++l)
            QCOMPARE(late.gamma[l].cv, before.gamma[l].cv);
    }

    void droppedPendingProbeIsHarmless()
    {
        // A run that fails mid-probe drops the pending probe; its solve task owns what it uses.
        ModelConfig c;
        c.d_model = 32; c.n_layers = 2; c.n_heads = 2; c.n_kv_heads = 1; c.d_ff = 64; c.vocab_size = 50; c.max_seq_len = 16;
        const auto ids = torch::randint(0, 50, {2, 16}, torch::kLong);
        for (int i = 0; i < 20; ++i) {
            MinimalLlm model(c, QkNormMode::Learned);
            { PendingKeyProbe dropped = startKeyProbe(model, ids); }
        }
        MinimalLlm model(c, QkNormMode::Learned);
        QCOMPARE(startKeyProbe(model, ids).finish().layerPr, probeKeys(model, ids).layerPr);
    }
};

QTEST_APPLESS_MAIN(TestKeyProbe)
#include "test_key_probe.moc"
