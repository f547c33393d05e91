// The one-pass CPU kernels (model/FusedCpuOps.h) against the reference modules' operations,
// in fp64 so that any difference beyond rounding shows: outputs and every gradient, on
// non-contiguous inputs as the attention's split hands them over.
#include "model/FusedCpuOps.h"
#include "model/RmsNorm.h"
#include "model/Rope.h"

#include <QtTest>
#include <torch/torch.h>

using namespace qks;

namespace {

double relativeDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>() / std::max(b.abs().max().item<double>(), 1e-300);
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
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(relativeDifference(fused[i], expected[i]) < 1e-13,
                     qPrintable(QString("part %1 differs by %2").arg(i).arg(relativeDifference(fused[i], expected[i]))));
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
};

QTEST_APPLESS_MAIN(TestFusedCpuOps)
#include "test_fused_cpu_ops.moc"
