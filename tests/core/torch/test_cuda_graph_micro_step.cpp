// A micro-step's forward and backward replayed as a captured CUDA graph (train/CudaGraphMicroStep.h).
// What is checked depends on what this build and machine have, and every case asserts something:
// - a build without CUDA graphs (Debian's LibTorch, CPU only) refuses train.cuda_graph and says
//   which setting to turn off, and the MicroStepper that would hold the graph refuses likewise;
// - a CUDA build on a CUDA machine: the graph trains as the eager step does (losses and final
//   weights, fp32, over several optimizer steps), and a batch of another shape is refused;
// - a CUDA build without a device: a batch on the CPU is refused.
// scripts/gpu-bench.sh also runs `crosscheck --device cuda --against cuda --set train.cuda_graph=true`.
#include "common/Error.h"
#include "model/MinimalLlm.h"
#include "optim/StudyOptimizer.h"
#include "train/CudaGraphMicroStep.h"
#include "train/MicroStepper.h"
#include "ErrorMessage.h"
#include "SmallModelConfig.h"
#include "TensorDifference.h"

#include <QtTest>
#include <torch/cuda.h>
#include <torch/torch.h>

using namespace qks;

namespace {

struct Training {
    explicit Training(const torch::Device& device)
    {
        torch::manual_seed(11);
        model = MinimalLlm(test::smallModelConfig(), QkNormMode::Learned);
        model->to(device);
        optimizer = std::make_unique<StudyOptimizer>(*model, TrainConfig{});
    }
    MinimalLlm model{nullptr};
    std::unique_ptr<StudyOptimizer> optimizer;
};

// Two batches in turn, so the loss falls and a graph that read stale weights would show.
std::vector<torch::Tensor> batches(const torch::Device& device)
{
    const auto& m = test::smallModelConfig();
    torch::manual_seed(3);
    std::vector<torch::Tensor> out;
    for (int i = 0; i < 2; ++i)
        out.push_back(torch::randint(m.vocab_size, {4, m.max_seq_len}, torch::kLong).to(device));
    return out;
}

} // namespace

class TestCudaGraphMicroStep final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutCudaGraphsTheSettingIsRefusedByName()
    {
        if (cudaGraphsBuilt())
            return; // a CUDA build: the next two tests are its checks
        Training t(torch::kCPU);
        const QString direct = errorMessageOf<ConfigError>([&] { CudaGraphMicroStep graph(t.model, 2, false); });
        QVERIFY2(direct.contains("train.cuda_graph = false") && direct.contains(TORCH_VERSION), qPrintable(direct));
        const QString stepper =
            errorMessageOf<ConfigError>([&] { MicroStepper s(t.model, *t.optimizer, {.accumulation = 2, .cudaGraph = true}); });
        QCOMPARE(stepper, direct);
    }

    void onCudaTheGraphTrainsAsTheEagerStepDoes()
    {
        if (!cudaGraphsBuilt())
            return; // checked by the test above
        if (!torch::cuda::is_available()) {
            // A CUDA build on a machine without a GPU: the graph takes CUDA batches only.
            Training t(torch::kCPU);
            CudaGraphMicroStep graph(t.model, 2, false);
            const QString message = errorMessageOf<c10::Error>([&] { graph.run(batches(torch::kCPU).front()); });
            QVERIFY2(message.contains("CUDA device"), qPrintable(message));
            return;
        }
        const torch::Device cuda(torch::kCUDA, 0);
        const auto data = batches(cuda);
        Training eager(cuda), captured(cuda);
        MicroStepper eagerSteps(eager.model, *eager.optimizer, {.accumulation = 2});
        MicroStepper graphSteps(captured.model, *captured.optimizer, {.accumulation = 2, .cudaGraph = true});
        std::vector<double> eagerLosses, graphLosses;
        for (int s = 0; s < 12; ++s) {
            eagerLosses.push_back(eagerSteps.step(data[s % 2]));
            graphLosses.push_back(graphSteps.step(data[s % 2]));
        }
        QVERIFY2(eagerLosses.back() < eagerLosses.front() - 0.1, "the losses must fall for the comparison to mean much");
        for (size_t i = 0; i < eagerLosses.size(); ++i)
            QVERIFY2(std::abs(eagerLosses[i] - graphLosses[i]) <= 1e-4 * std::abs(eagerLosses[i]),
                     qPrintable(QStringLiteral("micro-step %1: eager %2, graph %3")
                                    .arg(i)
                                    .arg(eagerLosses[i], 0, 'g', 9)
                                    .arg(graphLosses[i], 0, 'g', 9)));
        const auto a = eager.model->parameters(), b = captured.model->parameters();
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY2(test::relativeDifference(b[i], a[i]) < 1e-3, qPrintable(QString::number(i)));
    }

    void onCudaAnotherBatchShapeIsRefused()
    {
        if (!cudaGraphsBuilt() || !torch::cuda::is_available())
            return; // nothing captured without a device; the tests above cover those builds
        const torch::Device cuda(torch::kCUDA, 0);
        Training t(cuda);
        CudaGraphMicroStep graph(t.model, 1, false);
        const auto data = batches(cuda);
        graph.run(data.front());
        QVERIFY(graph.captured());
        const QString message = errorMessageOf<c10::Error>([&] { graph.run(data.front().narrow(0, 0, 2)); });
        QVERIFY2(message.contains("captured shape"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestCudaGraphMicroStep)
#include "test_cuda_graph_micro_step.moc"
