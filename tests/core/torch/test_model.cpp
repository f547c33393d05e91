// MinimalLLM: parameter names and counts equal the original module's, the count formula
// matches an instantiated model, and the pieces follow docs/design.md §1.2 (interleaved RoPE, RMSNorm
// eps, causality, tied head, frozen γ, GQA head mapping), and the fused CPU kernels compute
// what the original operations compute.
#include "config/ParamCount.h"
#include "model/MinimalLlm.h"
#include "SmallModelConfig.h"

#include <QtTest>
#include <cmath>
#include <set>
#include <torch/torch.h>

using namespace qks;

namespace {
using test::smallModelConfig;

// Loss and every parameter's gradient for one batch with the given kernels.
std::pair<double, std::vector<torch::Tensor>> lossAndGradients(MinimalLlm& model, Kernels kernels, const torch::Tensor& ids)
{
    model->setKernels(kernels);
    model->zero_grad();
    const auto loss = model->loss(ids);
    loss.backward();
    std::vector<torch::Tensor> grads;
    for (const auto& p : model->parameters())
        grads.push_back(p.grad().defined() ? p.grad().clone() : torch::Tensor());
    return {loss.item<double>(), grads};
}

double worstRelativeDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b)
{
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        if (!a[i].defined() || !b[i].defined()) {
            if (a[i].defined() != b[i].defined())
                return std::numeric_limits<double>::infinity();
            continue;
        }
        const double scale = std::max(a[i].abs().max().item<double>(), 1e-30);
        worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>() / scale);
    }
    return worst;
}

int64_t countParameters(MinimalLlm& model)
{
    int64_t n = 0;
    for (const auto& p : model->parameters())
        n += p.numel();
    return n;
}
} // namespace

class TestModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void countFormulaMatchesInstantiatedModel()
    {
        for (QkNormMode mode : {QkNormMode::Learned, QkNormMode::Frozen, QkNormMode::None}) {
            MinimalLlm model(smallModelConfig(), mode);
            QCOMPARE(countParameters(model), parameterCount(smallModelConfig(), mode));
        }
    }

    void parameterNamesEqualTheOriginal()
    {
        MinimalLlm model(smallModelConfig(), QkNormMode::Learned);
        std::set<std::string> names;
        for (const auto& item : model->named_parameters())
            names.insert(item.key());
        std::set<std::string> expected = {"token_embedding.weight", "norm.weight"};
        for (int i = 0; i < 3; ++i) {
            const std::string b = "transformer_blocks." + std::to_string(i) + ".";
            for (const char* s : {"attention.qkvo_proj", "attention.q_norm.weight", "attention.k_norm.weight",
                                  "feed_forward.up_proj.weight", "feed_forward.down_proj.weight", "norm1.weight", "norm2.weight"})
                expected.insert(b + s);
        }
        QCOMPARE(names, expected);
        const auto qkvo = model->named_parameters()["transformer_blocks.0.attention.qkvo_proj"];
        QCOMPARE(qkvo.sizes().vec(), (std::vector<int64_t>{48 + 2 * 2 * 8 + 48, 48})); // rows Q, K, V, O

        MinimalLlm noqk(smallModelConfig(), QkNormMode::None);
        for (const auto& item : noqk->named_parameters())
            QVERIFY(item.key().find("q_norm") == std::string::npos && item.key().find("k_norm") == std::string::npos);
    }

    void frozenGammaHasNoGradient()
    {
        MinimalLlm model(smallModelConfig(), QkNormMode::Frozen);
        for (const auto& item : model->named_parameters()) {
            const bool qk = item.key().find("q_norm") != std::string::npos || item.key().find("k_norm") != std::string::npos;
            QCOMPARE(item.value().requires_grad(), !qk);
            if (qk)
                QVERIFY(torch::equal(item.value(), torch::ones_like(item.value())));
        }
    }

    void initialisationHasTheStudysScale()
    {
        ModelConfig c = smallModelConfig();
        c.d_model = 256;
        c.n_heads = 8;
        c.d_ff = 512;
        c.vocab_size = 2000;
        MinimalLlm model(c, QkNormMode::Learned);
        const auto emb = model->token_embedding->weight;
        QVERIFY(std::abs(emb.std().item<double>() - 0.02) < 0.001);
        QVERIFY(std::abs(emb.mean().item<double>()) < 0.001);
        const auto up = model->named_parameters()["transformer_blocks.1.feed_forward.up_proj.weight"];
        QVERIFY(std::abs(up.std().item<double>() - 0.02) < 0.001);
    }

    void causalOutputsIgnoreTheFuture_data()
    {
        QTest::addColumn<bool>("fused");
        QTest::newRow("fused kernels") << true;
        QTest::newRow("reference kernels") << false;
    }

    void causalOutputsIgnoreTheFuture()
    {
        QFETCH(bool, fused);
        MinimalLlm model(smallModelConfig(), QkNormMode::Learned);
        model->setKernels(fused ? Kernels::Fused : Kernels::Reference);
        torch::NoGradGuard noGrad;
        auto ids = torch::randint(0, 100, {2, 24}, torch::kLong);
        auto changed = ids.clone();
        changed.index_put_({torch::indexing::Slice(), torch::indexing::Slice(12)}, (ids.slice(1, 12) + 1) % 100);
        const auto a = model->forward(ids);
        const auto b = model->forward(changed);
        QVERIFY(torch::allclose(a.slice(1, 0, 12), b.slice(1, 0, 12), 1e-5, 1e-6));
        QVERIFY(!torch::allclose(a.slice(1, 12), b.slice(1, 12), 1e-5, 1e-6));
    }

    void fusedKernelsEqualReferenceKernels_data()
    {
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("seqLen");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("fp64");
        QTest::newRow("GQA 6/2, T 24, QK, fp64") << 2 << 24 << int(QkNormMode::Learned) << true;
        QTest::newRow("GQA 6/2, T 17, NoQK, fp64") << 2 << 17 << int(QkNormMode::None) << true;
        QTest::newRow("MHA 6/6, T 24, QK frozen, fp64") << 6 << 24 << int(QkNormMode::Frozen) << true;
        QTest::newRow("GQA 6/3, T 24, QK, fp32") << 3 << 24 << int(QkNormMode::Learned) << false;
    }

    // The fused head + cross entropy and the grouped attention compute the same loss and
    // gradients as the original module's operations: to rounding in fp64, to fp32 rounding.
    void fusedKernelsEqualReferenceKernels()
    {
        QFETCH(int, kvHeads);
        QFETCH(int, seqLen);
        QFETCH(int, mode);
        QFETCH(bool, fp64);
        ModelConfig c = smallModelConfig();
        c.n_kv_heads = kvHeads;
        MinimalLlm model(c, static_cast<QkNormMode>(mode));
        {
            torch::NoGradGuard noGrad;
            for (auto& p : model->parameters())
                p.add_(torch::randn_like(p) * 0.05); // γ away from 1, larger weights than at init
        }
        if (fp64)
            model->to(torch::kDouble);
        const auto ids = torch::randint(0, 100, {3, seqLen}, torch::kLong);
        // The second call on each model reuses the grouped mask; the T-17 row rebuilds it.
        lossAndGradients(model, Kernels::Fused, torch::randint(0, 100, {3, 24}, torch::kLong));
        const auto [fusedLoss, fusedGrads] = lossAndGradients(model, Kernels::Fused, ids);
        const auto [refLoss, refGrads] = lossAndGradients(model, Kernels::Reference, ids);
        const double tolerance = fp64 ? 1e-12 : 2e-5;
        QVERIFY2(std::abs(fusedLoss - refLoss) <= tolerance * refLoss,
                 qPrintable(QString("loss %1 vs %2").arg(fusedLoss, 0, 'g', 17).arg(refLoss, 0, 'g', 17)));
        const double worst = worstRelativeDifference(fusedGrads, refGrads);
        QVERIFY2(worst <= (fp64 ? 1e-10 : 1e-4), qPrintable(QString("gradients differ by %1 (relative)").arg(worst)));

        torch::NoGradGuard noGrad; // the evaluation path forms no gradients
        model->setKernels(Kernels::Fused);
        QVERIFY(std::abs(model->loss(ids).item<double>() - refLoss) <= tolerance * refLoss);
    }

    void activationCheckpointingKeepsLossAndGradients_data()
    {
        QTest::addColumn<int>("kernels");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("fp64");
        QTest::newRow("fused, QK, fp64") << int(Kernels::Fused) << int(QkNormMode::Learned) << true;
        QTest::newRow("reference, QK frozen, fp64") << int(Kernels::Reference) << int(QkNormMode::Frozen) << true;
        QTest::newRow("fused, NoQK, fp32") << int(Kernels::Fused) << int(QkNormMode::None) << false;
        QTest::newRow("reference, QK, fp32") << int(Kernels::Reference) << int(QkNormMode::Learned) << false;
    }

    // Recomputing each block in backward runs the same operations on the same inputs, so the
    // loss is the same bit for bit and the gradients differ at most in the order of their sums;
    // gradients accumulated over two micro-steps too. Without grad mode nothing is recomputed.
    void activationCheckpointingKeepsLossAndGradients()
    {
        QFETCH(int, kernels);
        QFETCH(int, mode);
        QFETCH(bool, fp64);
        MinimalLlm model(smallModelConfig(), static_cast<QkNormMode>(mode));
        {
            torch::NoGradGuard noGrad;
            for (auto& p : model->parameters())
                p.add_(torch::randn_like(p) * 0.05);
        }
        if (fp64)
            model->to(torch::kDouble);
        const auto ids = torch::randint(0, 100, {3, 24}, torch::kLong);
        const auto more = torch::randint(0, 100, {3, 24}, torch::kLong);
        auto twoMicroSteps = [&](bool checkpointing) {
            model->setActivationCheckpointing(checkpointing);
            const auto [loss, grads] = lossAndGradients(model, static_cast<Kernels>(kernels), ids);
            model->loss(more).backward(); // accumulates onto the first micro-step's gradients
            std::vector<torch::Tensor> accumulated;
            for (const auto& p : model->parameters())
                accumulated.push_back(p.grad().defined() ? p.grad().clone() : torch::Tensor());
            return std::make_tuple(loss, grads, accumulated);
        };
        const auto [plainLoss, plainGrads, plainAccumulated] = twoMicroSteps(false);
        const auto [ckptLoss, ckptGrads, ckptAccumulated] = twoMicroSteps(true);
        QVERIFY(model->activationCheckpointing());
        QCOMPARE(ckptLoss, plainLoss);
        const double tolerance = fp64 ? 1e-13 : 1e-6;
        const double worst = worstRelativeDifference(ckptGrads, plainGrads);
        QVERIFY2(worst <= tolerance, qPrintable(QString("gradients differ by %1 (relative)").arg(worst)));
        const double worstAccumulated = worstRelativeDifference(ckptAccumulated, plainAccumulated);
        QVERIFY2(worstAccumulated <= tolerance, qPrintable(QString("accumulated gradients differ by %1").arg(worstAccumulated)));
        for (const auto& g : ckptGrads) // every trained parameter got its gradient
            QVERIFY(!g.defined() || g.abs().sum().item<double>() > 0.0);

        torch::NoGradGuard noGrad;
        QCOMPARE(model->loss(ids).item<double>(), plainLoss);
    }

    void headIsTiedToTheEmbedding()
    {
        ModelConfig c = smallModelConfig();
        c.n_layers = 0;
        MinimalLlm model(c, QkNormMode::Learned);
        torch::NoGradGuard noGrad;
        const auto ids = torch::randint(0, 100, {1, 5}, torch::kLong);
        const auto x = model->token_embedding->forward(ids) * std::sqrt(48.0);
        const auto normed = x / torch::sqrt(x.pow(2).mean(-1, true) + std::numeric_limits<float>::epsilon());
        const auto expected = torch::matmul(normed, model->token_embedding->weight.t());
        QVERIFY(torch::allclose(model->forward(ids), expected, 1e-5, 1e-6));
    }

    void rmsNormUsesTheDtypeEpsilon()
    {
        QCOMPARE(machineEpsilon(torch::kFloat), double(std::numeric_limits<float>::epsilon()));
        QCOMPARE(machineEpsilon(torch::kBFloat16), double(std::numeric_limits<float>::epsilon())); // ATen's op-math eps
        QCOMPARE(machineEpsilon(torch::kDouble), std::numeric_limits<double>::epsilon());
        RmsNorm norm(4, true);
        torch::NoGradGuard noGrad;
        norm->weight.copy_(torch::tensor({1.0f, 2.0f, 0.5f, -1.0f}));
        const auto x = torch::tensor({{1e-4f, -2e-4f, 3e-4f, 0.0f}});
        const double ms = (1e-8 + 4e-8 + 9e-8) / 4.0;
        const double inv = 1.0 / std::sqrt(ms + std::numeric_limits<float>::epsilon());
        const auto y = norm->forward(x);
        QVERIFY(std::abs(y[0][1].item<double>() - (-2e-4 * inv * 2.0)) < 1e-5);
        QVERIFY(std::abs(y[0][2].item<double>() - (3e-4 * inv * 0.5)) < 1e-5);
    }

    void ropeRotatesInterleavedPairs()
    {
        const int64_t dk = 8;
        RotaryTable rope(dk, 16, 10000.0);
        const auto x = torch::randn({1, 16, 1, dk});
        const auto y = rope.apply(x);
        for (int64_t pos : {0, 3, 15})
            for (int64_t i = 0; i < dk / 2; ++i) {
                const double angle = static_cast<double>(pos) * std::pow(10000.0, -2.0 * static_cast<double>(i) / dk);
                const double a = x[0][pos][0][2 * i].item<double>();
                const double b = x[0][pos][0][2 * i + 1].item<double>();
                QVERIFY(std::abs(y[0][pos][0][2 * i].item<double>() - (a * std::cos(angle) - b * std::sin(angle))) < 1e-5);
                QVERIFY(std::abs(y[0][pos][0][2 * i + 1].item<double>() - (b * std::cos(angle) + a * std::sin(angle))) < 1e-5);
            }
    }

    void capturedKeysArePreRopeKNormOutput()
    {
        ModelConfig c = smallModelConfig();
        c.n_layers = 1;
        MinimalLlm model(c, QkNormMode::Learned);
        torch::NoGradGuard noGrad;
        model->named_parameters()["transformer_blocks.0.attention.k_norm.weight"].uniform_(0.5, 1.5);
        const auto ids = torch::randint(0, 100, {2, 10}, torch::kLong);
        KeyCapture capture;
        capture.wantPostRope = true;
        model->setKeyCapture(&capture);
        model->forward(ids);
        model->setKeyCapture(nullptr);
        QCOMPARE(capture.preRope.size(), size_t(1));
        QCOMPARE(capture.preRope[0].sizes().vec(), (std::vector<int64_t>{2, 10, 2, 8}));

        // Recompute: x → norm1 → K rows of qkvo_proj → per-head RMSNorm with γ.
        const auto x = model->token_embedding->forward(ids) * std::sqrt(48.0);
        const auto n1w = model->named_parameters()["transformer_blocks.0.norm1.weight"];
        const auto h = x / torch::sqrt(x.pow(2).mean(-1, true) + std::numeric_limits<float>::epsilon()) * n1w;
        const auto w = model->named_parameters()["transformer_blocks.0.attention.qkvo_proj"];
        const auto k = torch::matmul(h, w.slice(0, 48, 48 + 16).t()).reshape({2, 10, 2, 8});
        const auto gamma = model->named_parameters()["transformer_blocks.0.attention.k_norm.weight"];
        const auto kn = k / torch::sqrt(k.pow(2).mean(-1, true) + std::numeric_limits<float>::epsilon()) * gamma;
        QVERIFY(torch::allclose(capture.preRope[0], kn, 1e-4, 1e-5));
        QVERIFY(!torch::allclose(capture.postRope[0], kn, 1e-4, 1e-5)); // RoPE moved positions > 0
        QVERIFY(torch::allclose(capture.postRope[0].select(1, 0), kn.select(1, 0), 1e-5, 1e-6)); // position 0 unrotated
    }
};

QTEST_APPLESS_MAIN(TestModel)
#include "test_model.moc"
