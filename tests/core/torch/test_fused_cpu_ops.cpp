// The one-pass CPU kernels (kernels/FusedCpuOps.h) against the reference modules' operations,
// in fp64 so that any difference beyond rounding shows: outputs and every gradient, on
// non-contiguous inputs as the attention's split hands them over.
#include "TensorDifference.h"
#include "kernels/CpuGemm.h"
#include "kernels/FusedCpuOps.h"
#include "kernels/LinearCrossEntropy.h"
#include "model/RmsNorm.h"
#include "model/Rope.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <torch/torch.h>

using namespace qks;

namespace {

using test::relativeDifference;

// The "fp64" column for tests run once in fp64 (rounding only) and once in fp32 (the products
// on oneDNN's sgemm where QK Studio is built with it).
void addPrecisionRows()
{
    QTest::addColumn<bool>("fp64");
    QTest::newRow("fp64") << true;
    QTest::newRow("fp32 (oneDNN's sgemm where built with it)") << false;
}

// The first part of `got` farther than `tolerance` from `expected` (relativeDifference, taken in
// fp64), named with `what`, or "" when every part is within it.
QString firstPartBeyond(const std::vector<torch::Tensor>& got, const std::vector<torch::Tensor>& expected,
                        double tolerance, const QString& what = "part")
{
    for (size_t i = 0; i < expected.size(); ++i) {
        const double difference = relativeDifference(got[i].to(torch::kDouble), expected[i]);
        if (!(difference < tolerance))
            return QString("%1 %2 differs by %3").arg(what).arg(i).arg(difference);
    }
    return {};
}

// y and ∂(Σ y·probe)/∂inputs for f, so outputs and gradients are compared in one go.
std::vector<torch::Tensor> valueAndGradients(const std::function<torch::Tensor(std::vector<torch::Tensor>&)>& f,
                                             std::vector<torch::Tensor> inputs, const torch::Tensor& probe)
{
    for (auto& t : inputs)
        t = t.detach().clone().set_requires_grad(true);
    const auto y = f(inputs);
    (y * probe).sum().backward();
    std::vector<torch::Tensor> out{y.detach()};
    for (const auto& t : inputs)
        out.push_back(t.grad());
    return out;
}

// A (B, T, H, d) view with the strides of a slice of the merged qkv projection.
torch::Tensor headsView(int64_t B, int64_t T, int64_t H, int64_t d)
{
    const auto merged = torch::randn({B, T, H * d + 7}, torch::kDouble);
    return merged.slice(-1, 3, 3 + H * d).reshape({B, T, H, d});
}

// The original module's attention: K/V repeated per query head, scores masked above the
// diagonal, softmax, weighted sum. (B, T, H, d), (B, T, KV, d) → (B, T, H·d).
torch::Tensor referenceAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v)
{
    const int64_t B = q.size(0), T = q.size(1), H = q.size(2), d = q.size(3), G = H / k.size(2);
    const auto qh = q.transpose(1, 2);
    const auto kh = k.repeat_interleave(G, 2).transpose(1, 2);
    const auto vh = v.repeat_interleave(G, 2).transpose(1, 2);
    auto scores = torch::matmul(qh, kh.transpose(-2, -1)) / std::sqrt(double(d));
    const auto future = torch::ones({T, T}, torch::kBool).triu(1);
    scores = scores.masked_fill(future, -std::numeric_limits<double>::infinity());
    return torch::matmul(torch::softmax(scores, -1), vh).transpose(1, 2).reshape({B, T, H * d});
}

} // namespace

class TestFusedCpuOps final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(11); }

    void rmsNormEqualsReference()
    {
        RmsNorm reference(32, true);
        reference->to(torch::kDouble);
        const auto x = headsView(3, 20, 4, 32) * 3.0;
        const auto gamma = torch::rand({32}, torch::kDouble) + 0.5;
        const auto probe = torch::randn({3, 20, 4, 32}, torch::kDouble);
        const double eps = machineEpsilon(torch::kDouble);
        const auto fused = valueAndGradients([&](auto& in) { return fusedRmsNorm(in[0], in[1], eps); }, {x, gamma}, probe);
        const auto expected = valueAndGradients(
            [&](auto& in) {
                reference->weight = in[1];
                return reference->forward(in[0]);
            },
            {x, gamma}, probe);
        const QString beyond = firstPartBeyond(fused, expected, 1e-13);
        QVERIFY2(beyond.isEmpty(), qPrintable(beyond));
    }

    void frozenGammaGetsNoGradient()
    {
        const auto x = torch::randn({5, 8}, torch::kDouble).set_requires_grad(true);
        const auto gamma = torch::ones({8}, torch::kDouble); // requires_grad = false, as a frozen γ
        fusedRmsNorm(x, gamma, 1e-6).sum().backward();
        QVERIFY(x.grad().defined());
        QVERIFY(!gamma.grad().defined());
    }

    void fp32StaysWithinFp32Rounding()
    {
        const auto x = torch::randn({64, 128});
        const auto gamma = torch::rand({128}) + 0.5;
        RmsNorm reference(128, true);
        torch::NoGradGuard noGrad;
        reference->weight.copy_(gamma);
        const double eps = machineEpsilon(torch::kFloat);
        QVERIFY(relativeDifference(fusedRmsNorm(x, gamma, eps), reference->forward(x)) < 1e-6);
        QVERIFY(relativeDifference(fusedSquaredRelu(x), torch::relu(x).square()) < 1e-7);
    }

    void squaredReluEqualsReference()
    {
        auto x = torch::randn({4, 9, 33}, torch::kDouble).transpose(1, 2); // non-contiguous
        x.select(2, 0).zero_(); // exact zeros: relu's gradient there is 0 in both
        const auto probe = torch::randn({4, 33, 9}, torch::kDouble);
        const auto fused = valueAndGradients([](auto& in) { return fusedSquaredRelu(in[0]); }, {x}, probe);
        const auto expected = valueAndGradients([](auto& in) { return torch::relu(in[0]).square(); }, {x}, probe);
        QVERIFY(relativeDifference(fused[0], expected[0]) < 1e-15);
        QVERIFY(relativeDifference(fused[1], expected[1]) < 1e-15);
    }

    void ropeEqualsReference()
    {
        RotaryTable table(16, 40, 10000.0);
        const auto x = headsView(2, 29, 3, 16); // T shorter than the table
        const auto probe = torch::randn({2, 29, 3, 16}, torch::kDouble);
        const auto fused = valueAndGradients([&](auto& in) { return table.applyFused(in[0]); }, {x}, probe);
        const auto expected = valueAndGradients([&](auto& in) { return table.apply(in[0]); }, {x}, probe);
        QVERIFY2(relativeDifference(fused[0], expected[0]) < 1e-15, "rotation");
        QVERIFY2(relativeDifference(fused[1], expected[1]) < 1e-15, "gradient");
    }

    void ropeIsBitForBitInFp32()
    {
        // Same products and one subtraction or addition per element, so fp32 agrees exactly.
        RotaryTable table(32, 64, 10000.0);
        const auto x = torch::randn({2, 64, 4, 32});
        QVERIFY(torch::equal(table.applyFused(x), table.apply(x)));
    }

    void causalAttentionEqualsReference_data()
    {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::newRow("one block, 3 heads per KV head") << 24 << 6 << 2;
        QTest::newRow("exactly one block, no grouping") << 64 << 4 << 4;
        QTest::newRow("three blocks, the last partial") << 130 << 4 << 2;
        QTest::newRow("one position") << 1 << 2 << 1;
    }

    void causalAttentionEqualsReference()
    {
        QFETCH(int, T);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        const int64_t B = 2, d = 8;
        const auto q = torch::randn({B, T, heads, d}, torch::kDouble) * 2.0;
        const auto k = torch::randn({B, T, kvHeads, d}, torch::kDouble) * 2.0;
        // v as the attention hands it over: a strided view into the merged projection's output.
        const auto vWide = torch::randn({B, T, kvHeads * d + 5}, torch::kDouble);
        const auto probe = torch::randn({B, T, heads * d}, torch::kDouble);
        auto vOf = [&](const torch::Tensor& wide) { return wide.slice(-1, 2, 2 + kvHeads * d).view({B, T, kvHeads, d}); };
        const auto fused = valueAndGradients([&](auto& in) { return fusedCausalAttention(in[0], in[1], vOf(in[2])); },
                                             {q, k, vWide}, probe);
        const auto expected = valueAndGradients([&](auto& in) { return referenceAttention(in[0], in[1], vOf(in[2])); },
                                                {q, k, vWide}, probe);
        const char* parts[] = {"output", "dq", "dk", "dv"};
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(relativeDifference(fused[i], expected[i]) < 1e-12,
                     qPrintable(QString("%1 differs by %2").arg(parts[i]).arg(relativeDifference(fused[i], expected[i]))));
    }

    void causalAttentionIgnoresTheFuture()
    {
        // Changing the last position's keys and values leaves every earlier output alone.
        auto q = torch::randn({1, 100, 4, 16}), k = torch::randn({1, 100, 2, 16}), v = torch::randn({1, 100, 2, 16});
        const auto before = fusedCausalAttention(q, k, v);
        k.select(1, 99).normal_();
        v.select(1, 99).normal_();
        const auto after = fusedCausalAttention(q, k, v);
        QVERIFY(torch::equal(before.slice(1, 0, 99), after.slice(1, 0, 99)));
        QVERIFY(!torch::equal(before.select(1, 99), after.select(1, 99)));
    }

    void causalAttentionFp32StaysWithinFp32Rounding()
    {
        const auto q = torch::randn({2, 130, 4, 32}), k = torch::randn({2, 130, 2, 32}), v = torch::randn({2, 130, 2, 32});
        const auto probe = torch::randn({2, 130, 128});
        const auto fused = valueAndGradients([](auto& in) { return fusedCausalAttention(in[0], in[1], in[2]); },
                                             {q, k, v}, probe);
        const auto expected =
            valueAndGradients([](auto& in) { return referenceAttention(in[0], in[1], in[2]); },
                              {q.to(torch::kDouble), k.to(torch::kDouble), v.to(torch::kDouble)}, probe.to(torch::kDouble));
        const QString beyond = firstPartBeyond(fused, expected, 1e-5);
        QVERIFY2(beyond.isEmpty(), qPrintable(beyond));
    }

    void crossEntropyRejectsTokensOutsideTheVocabulary()
    {
        const auto hidden = torch::randn({4, 8});
        const auto weight = torch::randn({10, 8});
        try {
            linearCrossEntropy(hidden, weight, torch::tensor({1, 2, 10, 3}, torch::kLong));
            QFAIL("a target of 10 with 10 rows passed");
        } catch (const c10::Error& e) {
            QVERIFY2(std::string(e.what()).find("outside the vocabulary of 10") != std::string::npos, e.what());
        }
        const double loss = linearCrossEntropy(hidden, weight, torch::tensor({1, 2, 9, 3}, torch::kLong)).item<double>();
        const double expected = torch::nn::functional::cross_entropy(torch::mm(hidden, weight.t()),
                                                                     torch::tensor({1, 2, 9, 3}, torch::kLong)).item<double>();
        QVERIFY(std::abs(loss - expected) <= 1e-5 * expected);
    }

    void emptyRowPaddedPadsMultiplesOf256()
    {
        const auto padded = emptyRowPadded(3, 512, torch::kFloat);
        QCOMPARE(padded.sizes(), (torch::IntArrayRef{3, 512}));
        QCOMPARE(padded.stride(0), int64_t(528));
        QVERIFY(emptyRowPadded(3, 500, torch::kFloat).is_contiguous());
        QVERIFY(emptyRowPadded(3, 128, torch::kFloat).is_contiguous());
        // The squared ReLU hands its gradient over padded, for the up projection's weight gradient.
        const auto x = torch::randn({2, 5, 512}).set_requires_grad(true);
        const auto gx = torch::autograd::grad({fusedSquaredRelu(x)}, {x}, {torch::randn({2, 5, 512})})[0];
        QCOMPARE(gx.stride(1), int64_t(528));
    }

    void paddedRowsKeepTheArithmetic_data() { addPrecisionRows(); }

    void paddedRowsKeepTheArithmetic()
    {
        // d_ff = 512 and a vocabulary of 512: the squared ReLU's gradient and the logits live in
        // padded rows, read by the products that follow (transposed for the weight gradients).
        QFETCH(bool, fp64);
        const auto type = fp64 ? torch::kDouble : torch::kFloat;
        const double tolerance = fp64 ? 1e-13 : 1e-5;
        const auto asDouble = [](const torch::Tensor& t) { return t.to(torch::kDouble); };
        const auto x = torch::randn({2, 40, 64}, type), up = torch::randn({512, 64}, type) / 8;
        const auto down = torch::randn({64, 512}, type) / 16, probe = torch::randn({2, 40, 64}, type);
        const auto fused = valueAndGradients(
            [](auto& in) { return fusedLinear(fusedSquaredRelu(fusedLinear(in[0], in[1])), in[2]); }, {x, up, down}, probe);
        const auto expected = valueAndGradients(
            [](auto& in) { return torch::matmul(torch::relu(torch::matmul(in[0], in[1].t())).square(), in[2].t()); },
            {asDouble(x), asDouble(up), asDouble(down)}, asDouble(probe));
        const QString feedForward = firstPartBeyond(fused, expected, tolerance, "feed-forward part");
        QVERIFY2(feedForward.isEmpty(), qPrintable(feedForward));

        const auto hidden = torch::randn({80, 64}, type), head = torch::randn({512, 64}, type);
        const auto targets = torch::randint(512, {80}, torch::kLong);
        const auto one = torch::ones({}, type);
        const auto fusedCe = valueAndGradients([&](auto& in) { return linearCrossEntropy(in[0], in[1], targets); },
                                               {hidden, head}, one);
        const auto expectedCe = valueAndGradients(
            [&](auto& in) { return torch::nn::functional::cross_entropy(torch::mm(in[0], in[1].t()), targets); },
            {asDouble(hidden), asDouble(head)}, asDouble(one));
        const QString crossEntropy = firstPartBeyond(fusedCe, expectedCe, tolerance, "cross-entropy part");
        QVERIFY2(crossEntropy.isEmpty(), qPrintable(crossEntropy));
    }

    void linearEqualsMatmul_data() { addPrecisionRows(); }

    void linearEqualsMatmul()
    {
        QFETCH(bool, fp64);
        const auto type = fp64 ? torch::kDouble : torch::kFloat;
        const auto x = torch::randn({3, 50, 48}, type);
        const auto merged = torch::randn({100, 48}, type); // weight = rows 20..83, as wQkv is sliced
        const auto probe = torch::randn({3, 50, 64}, type);
        auto weightOf = [](const torch::Tensor& m) { return m.slice(0, 20, 84); };
        const auto fused = valueAndGradients([&](auto& in) { return fusedLinear(in[0], weightOf(in[1])); }, {x, merged}, probe);
        const auto asDouble = [](const torch::Tensor& t) { return t.to(torch::kDouble); };
        const auto expected = valueAndGradients([&](auto& in) { return torch::matmul(in[0], weightOf(in[1]).t()); },
                                                {asDouble(x), asDouble(merged)}, asDouble(probe));
        const QString beyond = firstPartBeyond(fused, expected, fp64 ? 1e-14 : 1e-5);
        QVERIFY2(beyond.isEmpty(), qPrintable(beyond));
        QVERIFY(fused[2].slice(0, 0, 20).abs().max().item<double>() == 0.0); // rows outside the slice
    }

    void cpuMatmulTakesEveryLayout_data()
    {
        QTest::addColumn<bool>("transposeA");
        QTest::addColumn<bool>("transposeB");
        QTest::addColumn<int>("M");
        QTest::addColumn<int>("N");
        for (int mask = 0; mask < 4; ++mask) {
            const bool ta = mask & 1, tb = mask & 2;
            const QString name = QString("A%1 B%2").arg(ta ? "ᵀ" : "").arg(tb ? "ᵀ" : "");
            QTest::newRow(qPrintable(name + ", tall result")) << ta << tb << 300 << 40; // Aᵀ·B: taken as (Bᵀ·A)ᵀ
            QTest::newRow(qPrintable(name + ", wide result")) << ta << tb << 40 << 300;
        }
    }

    void cpuMatmulTakesEveryLayout()
    {
        QFETCH(bool, transposeA);
        QFETCH(bool, transposeB);
        QFETCH(int, M);
        QFETCH(int, N);
        const int64_t K = 90;
        const auto a = torch::randn(transposeA ? std::vector<int64_t>{K, M} : std::vector<int64_t>{M, K});
        const auto b = torch::randn(transposeB ? std::vector<int64_t>{N, K} : std::vector<int64_t>{K, N});
        const auto got = cpuMatmul(a, transposeA, b, transposeB);
        QCOMPARE(got.sizes(), (torch::IntArrayRef{M, N}));
        QVERIFY(got.is_contiguous());
        const auto a64 = a.to(torch::kDouble), b64 = b.to(torch::kDouble);
        const auto expected = torch::mm(transposeA ? a64.t() : a64, transposeB ? b64.t() : b64);
        QVERIFY(relativeDifference(got.to(torch::kDouble), expected) < 1e-5);
    }

    void rowMajorGemmTakesEveryLayout_data()
    {
        QTest::addColumn<bool>("transposeA");
        QTest::addColumn<bool>("transposeB");
        QTest::addColumn<bool>("accumulate");
        for (int mask = 0; mask < 8; ++mask)
            QTest::newRow(qPrintable(QString("A%1 B%2 %3").arg(mask & 1 ? "ᵀ" : "").arg(mask & 2 ? "ᵀ" : "").arg(mask & 4 ? "β=1" : "β=0")))
                << bool(mask & 1) << bool(mask & 2) << bool(mask & 4);
    }

    void rowMajorGemmTakesEveryLayout()
    {
        QFETCH(bool, transposeA);
        QFETCH(bool, transposeB);
        QFETCH(bool, accumulate);
        const int64_t M = 37, N = 21, K = 70, pad = 3;
        // Stored matrices with rows longer than their columns (leading dimension > width).
        const auto a = torch::randn({transposeA ? K : M, (transposeA ? M : K) + pad}, torch::kDouble);
        const auto b = torch::randn({transposeB ? N : K, (transposeB ? K : N) + pad}, torch::kDouble);
        const auto c = torch::randn({M, N + pad}, torch::kDouble);
        const auto opA = transposeA ? a.slice(1, 0, M).t() : a.slice(1, 0, K);
        const auto opB = transposeB ? b.slice(1, 0, K).t() : b.slice(1, 0, N);
        const double alpha = 0.5, beta = accumulate ? 1.0 : 0.0;
        const auto expected = alpha * torch::mm(opA, opB) + beta * c.slice(1, 0, N);

        auto c64 = c.clone();
        if (!accumulate)
            c64.slice(1, 0, N).fill_(std::numeric_limits<double>::quiet_NaN()); // β = 0 never reads C
        rowMajorGemm<double>(transposeA, transposeB, M, N, K, alpha, a.data_ptr<double>(), a.size(1),
                             b.data_ptr<double>(), b.size(1), beta, c64.data_ptr<double>(), c64.size(1));
        QVERIFY(relativeDifference(c64.slice(1, 0, N), expected) < 1e-14);
        QVERIFY(torch::equal(c64.slice(1, N), c.slice(1, N))); // the padding is not written

        const auto a32 = a.to(torch::kFloat), b32 = b.to(torch::kFloat);
        auto c32 = c.to(torch::kFloat);
        if (!accumulate)
            c32.slice(1, 0, N).fill_(std::numeric_limits<float>::quiet_NaN());
        rowMajorGemm<float>(transposeA, transposeB, M, N, K, float(alpha), a32.data_ptr<float>(), a32.size(1),
                            b32.data_ptr<float>(), b32.size(1), float(beta), c32.data_ptr<float>(), c32.size(1));
        QVERIFY(relativeDifference(c32.slice(1, 0, N).to(torch::kDouble), expected) < 1e-5);
        QVERIFY(torch::equal(c32.slice(1, N), c.slice(1, N).to(torch::kFloat)));
    }
};

QTEST_APPLESS_MAIN(TestFusedCpuOps)
#include "test_fused_cpu_ops.moc"
