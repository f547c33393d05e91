// A CPU micro-batch trained as shards side by side (train/ShardedMicroStep.h): the summed
// gradients equal one backward over the whole batch (fp64, 1e-12), add into what .grad holds,
// are the same bits on every run, and a shard's error reaches the caller with .grad untouched.
// Also the worker pool under it and the rule that picks the shard count.
#include "SmallModelConfig.h"
#include "TensorDifference.h"
#include "kernels/CpuGemm.h"
#include "model/MinimalLlm.h"
#include "train/ShardWorkers.h"
#include "train/ShardedMicroStep.h"

#include <ATen/Parallel.h>
#include <QtTest>
#include <atomic>
#include <stdexcept>
#include <torch/torch.h>

using namespace qks;

namespace {

using test::relativeDifference;

MinimalLlm makeModel(torch::ScalarType type)
{
    torch::manual_seed(5);
    MinimalLlm model(test::smallModelConfig(), QkNormMode::Learned);
    model->to(type);
    return model;
}

std::vector<torch::Tensor> gradients(MinimalLlm& model)
{
    std::vector<torch::Tensor> out;
    for (const auto& p : model->parameters())
        out.push_back(p.grad().defined() ? p.grad().clone() : torch::Tensor());
    return out;
}

} // namespace

class TestShardedMicroStep final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One intra-op thread: OpenBLAS (the fp64 products' library) then never has to change its
    // global thread count when a shard calls it.
    void initTestCase() { at::set_num_threads(1); }

    void workersRunEveryShareOnce()
    {
        ShardWorkers workers(3);
        for (int round = 0; round < 50; ++round) {
            std::vector<std::atomic<int>> calls(3);
            workers.run([&](int64_t i) { ++calls[static_cast<size_t>(i)]; });
            for (const auto& c : calls)
                QCOMPARE(c.load(), 1);
        }
    }

    void workersRethrowAndCarryOn()
    {
        ShardWorkers workers(2);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, workers.run([](int64_t i) {
            if (i == 1)
                throw std::runtime_error("shard 1 failed");
        }));
        std::atomic<int> calls{0};
        workers.run([&](int64_t) { ++calls; });
        QCOMPARE(calls.load(), 2);
    }

    void shardsSumToOneBackward_data()
    {
        QTest::addColumn<int>("shards");
        QTest::newRow("2 shards of 3") << 2;
        QTest::newRow("4 shards, uneven (1, 2, 1, 2)") << 4;
        QTest::newRow("one sequence each") << 6;
    }

    void shardsSumToOneBackward()
    {
        QFETCH(int, shards);
        const auto ids = torch::randint(100, {6, 24}, torch::kLong);
        const double scale = 0.25; // as 1 / gradient_accumulation_steps
        auto whole = makeModel(torch::kDouble);
        const auto loss = whole->loss(ids);
        (loss * scale).backward();
        const auto expected = gradients(whole);

        auto sharded = makeModel(torch::kDouble);
        ShardedMicroStep step(sharded, shards);
        const double shardedLoss = step.run(ids, scale);
        QVERIFY2(std::abs(shardedLoss - loss.item<double>()) <= 1e-13 * std::abs(loss.item<double>()),
                 qPrintable(QString("loss %1 vs %2").arg(shardedLoss, 0, 'g', 17).arg(loss.item<double>(), 0, 'g', 17)));
        const auto got = gradients(sharded);
        QCOMPARE(got.size(), expected.size());
        for (size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].defined(), expected[i].defined());
            if (got[i].defined())
                QVERIFY2(relativeDifference(got[i], expected[i]) < 1e-12,
                         qPrintable(QString("parameter %1 differs by %2").arg(i).arg(relativeDifference(got[i], expected[i]))));
        }
    }

    void addsIntoExistingGradients()
    {
        const auto a = torch::randint(100, {4, 24}, torch::kLong);
        const auto b = torch::randint(100, {4, 24}, torch::kLong);
        auto whole = makeModel(torch::kDouble);
        whole->loss(a).backward();
        whole->loss(b).backward();
        auto sharded = makeModel(torch::kDouble);
        ShardedMicroStep step(sharded, 2);
        step.run(a, 1.0);
        step.run(b, 1.0);
        const auto expected = gradients(whole), got = gradients(sharded);
        for (size_t i = 0; i < got.size(); ++i)
            QVERIFY(relativeDifference(got[i], expected[i]) < 1e-12);
    }

    void sameBitsEveryRun()
    {
        const auto ids = torch::randint(100, {8, 24}, torch::kLong);
        std::vector<std::vector<torch::Tensor>> runs;
        std::vector<double> losses;
        for (int r = 0; r < 2; ++r) {
            auto model = makeModel(torch::kFloat);
            ShardedMicroStep step(model, 2);
            losses.push_back(step.run(ids, 0.5));
            runs.push_back(gradients(model));
        }
        QCOMPARE(losses[0], losses[1]);
        for (size_t i = 0; i < runs[0].size(); ++i)
            QVERIFY(torch::equal(runs[0][i], runs[1][i]));
    }

    void fp32OnSeveralThreadsEqualsOneBackward()
    {
        // As training runs it: fp32, oneDNN's products, the caller on 2 intra-op threads and the
        // 2 shards on one each. Where the build has no oneDNN the shards must refuse.
        at::set_num_threads(2);
        const auto ids = torch::randint(100, {8, 24}, torch::kLong);
        auto whole = makeModel(torch::kFloat);
        const double loss = whole->loss(ids).item<double>();
        whole->loss(ids).backward();
        const auto expected = gradients(whole);
        auto sharded = makeModel(torch::kFloat);
        if (!cpuMatmulUsesOneDnn()) {
            QVERIFY_THROWS_EXCEPTION(c10::Error, ShardedMicroStep(sharded, 2));
            at::set_num_threads(1);
            return;
        }
        std::vector<std::vector<torch::Tensor>> runs;
        for (int r = 0; r < 2; ++r) {
            sharded->zero_grad();
            ShardedMicroStep step(sharded, 2);
            QCOMPARE(at::get_num_threads(), 2); // the caller keeps its threads
            QVERIFY(std::abs(step.run(ids, 1.0) - loss) <= 1e-5 * loss);
            // ... and each shard keeps its one after LibTorch's own parallel ops ran on it (on
            // 2.x these used to reset it to the caller's 2: scripts/libtorch2-check.sh).
            QCOMPARE(step.workerThreads(), std::vector<int>({1, 1}));
            runs.push_back(gradients(sharded));
        }
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(relativeDifference(runs[0][i], expected[i]) < 1e-4,
                     qPrintable(QString("parameter %1 differs by %2").arg(i).arg(relativeDifference(runs[0][i], expected[i]))));
            QVERIFY(torch::equal(runs[0][i], runs[1][i]));
        }
        at::set_num_threads(1);
    }

    void shardErrorReachesTheCaller()
    {
        auto model = makeModel(torch::kFloat);
        ShardedMicroStep step(model, 2);
        auto ids = torch::randint(100, {4, 24}, torch::kLong);
        ids[3][7] = 100; // outside the vocabulary, in the second shard
        QVERIFY_THROWS_EXCEPTION(c10::Error, step.run(ids, 1.0));
        for (const auto& g : gradients(model))
            QVERIFY(!g.defined());
        ids[3][7] = 1;
        QVERIFY(std::isfinite(step.run(ids, 1.0))); // the workers carry on
    }

    void shardCountRule()
    {
        TrainConfig c;
        c.batch_size = 8;
        const torch::Device cpu(torch::kCPU);
        at::set_num_threads(2);
        const int64_t two = cpuMatmulUsesOneDnn() ? 2 : 1; // without oneDNN: never sharded
        QCOMPARE(cpuShardsFor(c, cpu, false), two);
        c.batch_size = 7; // no count up to 2 threads divides 7 but 1
        QCOMPARE(cpuShardsFor(c, cpu, false), int64_t(1));
        c.batch_size = 8;
        c.cpu_shards = 4;
        QCOMPARE(cpuShardsFor(c, cpu, false), cpuMatmulUsesOneDnn() ? int64_t(4) : int64_t(1));
        QCOMPARE(cpuShardsFor(c, cpu, true), int64_t(1)); // activation checkpointing
        QCOMPARE(cpuShardsFor(c, torch::Device(torch::kCUDA, 0), false), int64_t(1));
        c.kernels = "reference";
        QCOMPARE(cpuShardsFor(c, cpu, false), int64_t(1));
        at::set_num_threads(1);
    }
};

QTEST_APPLESS_MAIN(TestShardedMicroStep)
#include "test_sharded_micro_step.moc"
