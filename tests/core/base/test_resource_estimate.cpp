// The memory estimate of the New Study dialog, worked by hand for a model small enough to
// count, and its scaling; with activation checkpointing, when auto turns it on, and what a CUDA
// graph adds. The GPU path's per-block count against what autograd keeps in the reference model's
// own operations, and the whole micro-step against the peak it allocates
// (tests/fixtures/saved_activations.json, from tests/reference/saved_activations.py).
#include "config/ParamCount.h"
#include "config/Presets.h"
#include "config/ResourceEstimate.h"

#include <QTest>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace qks;

namespace {

const MemoryTarget kCpu{.cuda = false, .fusedAttention = false};
const MemoryTarget kCudaFused{.cuda = true, .fusedAttention = true};

StudyConfig handSized()
{
    StudyConfig c;
    c.model = {8, 1, 2, 1, 16, 10, 4, 10000.0, 0.02}; // d 8, 1 layer, 2 heads (d_k 4), 1 kv head, d_ff 16, vocab 10, T 4
    c.train.batch_size = 2;
    c.train.bf16_autocast = true;
    return c;
}

} // namespace

class TestResourceEstimate final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsAHandSizedModel();
    void scalesWithBatchAndAttention();
    void checkpointingKeepsBlockInputs();
    void theGpuCountsAreWhatTheReferenceStepHolds();
    void autoCheckpointsOnlyWhenMemoryRequires();
    void aCudaGraphAddsTheProbeBesideIt();
    void formatsBytes();
    void aCpuRunThatCannotFitSaysWhichPart();
};

void TestResourceEstimate::countsAHandSizedModel()
{
    const StudyConfig c = handSized();
    // embedding 80; q 64 + k 32 + v 32 + o 64; FFN 128 + 128; two block norms 16; q/k γ 8; final norm 8.
    QCOMPARE(parameterCount(c.model, QkNormMode::Learned), int64_t(560));
    const MemoryEstimate e = estimateTrainingMemory(c, QkNormMode::Learned, kCpu);
    QCOMPARE(e.weights, int64_t(560 * 4));
    QCOMPARE(e.gradients, int64_t(560 * 4));
    // Muon momentum for the 448 block-matrix weights; AdamW's two moments for 80 + 32.
    QCOMPARE(e.optimizer, int64_t(448 * 4 + 2 * 112 * 4));
    // 8 tokens × 1 layer × (14·8 + 2·16 + 2·2·4 attention scores) × 4 bytes + 2 × 8 × 10 logits × 4.
    QCOMPARE(e.activations, int64_t(8 * 160 * 4 + 640));
    QCOMPARE(e.total(), e.weights + e.gradients + e.optimizer + e.activations);
}

void TestResourceEstimate::scalesWithBatchAndAttention()
{
    StudyConfig c = handSized();
    const MemoryEstimate one = estimateTrainingMemory(c, QkNormMode::None, kCpu);
    c.train.batch_size = 4;
    const MemoryEstimate two = estimateTrainingMemory(c, QkNormMode::None, kCpu);
    QCOMPARE(two.activations, 2 * one.activations); // activations follow the batch
    QCOMPARE(two.weights, one.weights);               // state does not
    // Fused attention (CUDA, LibTorch 2) keeps no score matrix. Per token under bf16 autocast:
    // norms 2·(8·8 + 4) fp32, two bf16 projection inputs 2·2·8, SDPA 4·2·8 + 4·2 heads, FFN 8·16.
    // The head: the final norm 8·8 + 4 and its bf16 copy 2·8 per token; fp32 log-probabilities
    // 4·10 and int64 targets 8 for each of the 4 × 3 predicted positions; and the log-softmax
    // backward's two fp32 gradients, 8·10 per predicted position (above the merged q/k/v/o
    // matrix's 4 × 24·8 bytes of gradient).
    const MemoryEstimate fused = estimateTrainingMemory(c, QkNormMode::None, kCudaFused);
    QCOMPARE(fused.activations,
             int64_t(16 * (136 + 32 + 64 + 8 + 128) + 16 * (8 * 8 + 4 + 2 * 8) + 12 * (4 * 10 + 8) + 12 * 8 * 10));
    QCOMPARE(headAndTransientBytes(c, Precision::Bf16Autocast), int64_t(16 * 84 + 12 * 48 + 960));
    // With a vocabulary this small the largest weight gradient is the bigger transient.
    c.train.batch_size = 1; // 3 predicted positions: 8·10·3 = 240 < 4 × 192
    QCOMPARE(headAndTransientBytes(c, Precision::Bf16Autocast), int64_t(4 * 84 + 3 * 48 + 4 * 192));
    c.train.batch_size = 4;
    // ... and the weights' bf16 copies: 2 bytes for each of the 552 parameters but the 24 of the norms.
    QCOMPARE(fused.weights, int64_t(552 * 4 + (552 - 24) * 2));
    // NoQK has no q/k γ: 8 fewer parameters, all AdamW-trained.
    QCOMPARE(one.weights, int64_t(552 * 4));
}

void TestResourceEstimate::checkpointingKeepsBlockInputs()
{
    StudyConfig c = handSized();
    c.model.n_layers = 4;
    const MemoryEstimate plain = estimateTrainingMemory(c, QkNormMode::Learned, kCpu);
    const MemoryEstimate ckpt = estimateTrainingMemory(c, QkNormMode::Learned, kCpu, Activations::Checkpointed);
    QVERIFY(ckpt.activationCheckpointing && !plain.activationCheckpointing);
    // 8 tokens: 4 layers × 160 values × 4 bytes, against 4 block inputs of d_model fp32 values
    // plus one block's 160 recomputed values; the 640 bytes of logits either way.
    QCOMPARE(plain.activations, int64_t(8 * 4 * 160 * 4 + 640));
    QCOMPARE(ckpt.activations, int64_t(8 * 4 * 8 * 4 + 8 * 160 * 4 + 640));
    QCOMPARE(ckpt.weights + ckpt.gradients + ckpt.optimizer, plain.weights + plain.gradients + plain.optimizer);
}

void TestResourceEstimate::theGpuCountsAreWhatTheReferenceStepHolds()
{
    std::ifstream in(QKS_FIXTURES_DIR "/saved_activations.json");
    QVERIFY(in.good());
    const nlohmann::json fixture = nlohmann::json::parse(in);
    QVERIFY(fixture["shapes"].size() >= 4);
    for (const auto& [name, shape] : fixture["shapes"].items()) {
        StudyConfig c;
        const auto& m = shape["model"];
        c.model.d_model = m["d_model"];
        c.model.n_layers = fixture["layers"];
        c.model.n_heads = m["n_heads"];
        c.model.n_kv_heads = m["n_kv_heads"];
        c.model.d_ff = m["d_ff"];
        c.model.vocab_size = m["vocab_size"];
        c.model.max_seq_len = m["max_seq_len"];
        c.train.batch_size = shape["batch"];
        for (const auto& [tag, mode] : {std::pair{"QK", QkNormMode::Learned}, std::pair{"QK_frozen", QkNormMode::Frozen},
                                        std::pair{"NoQK", QkNormMode::None}}) {
            const auto& counted = shape[tag];
            QVERIFY(counted["operations_matched"].get<int>() > 100); // the CPU run did what CUDA autocast does
            const int64_t tokens = counted["tokens"];
            for (const int64_t block : counted["block_bytes"])
                QVERIFY2(block == tokens * blockActivationBytesPerToken(c.model, mode, kCudaFused, Precision::Bf16Autocast),
                         qPrintable(QStringLiteral("%1 %2: autograd keeps %3 bytes per token and block, the estimate says %4")
                                        .arg(QString::fromStdString(name), QString::fromLatin1(tag))
                                        .arg(block / tokens)
                                        .arg(blockActivationBytesPerToken(c.model, mode, kCudaFused, Precision::Bf16Autocast))));
            const MemoryEstimate e = estimateTrainingMemory(c, mode, kCudaFused);
            const int64_t casts = e.weights - parameterCount(c.model, mode) * 4;
            QCOMPARE(casts, counted["weight_cast_bytes"].get<int64_t>());
            // The whole micro-step: what the allocator held at its peak beyond parameters and
            // gradients, against activations (blocks, head, transient) and the weight copies.
            const double ratio = double(e.activations + casts) / counted["peak_bytes"].get<double>();
            QVERIFY2(ratio > 0.98 && ratio < 1.02,
                     qPrintable(QStringLiteral("%1 %2: estimate / measured peak = %3")
                                    .arg(QString::fromStdString(name), QString::fromLatin1(tag))
                                    .arg(ratio, 0, 'f', 4)));
        }
    }
}

void TestResourceEstimate::autoCheckpointsOnlyWhenMemoryRequires()
{
    StudyConfig c = handSized();
    const int64_t need = estimateTrainingMemory(c, QkNormMode::Learned, kCudaFused).total();
    // auto: on above 90% of the device's memory, off below it and when the memory is unknown.
    QVERIFY(activationsFor(c, QkNormMode::Learned, kCudaFused, need) == Activations::Checkpointed);
    QVERIFY(activationsFor(c, QkNormMode::Learned, kCudaFused, need * 2) == Activations::Kept);
    QVERIFY(activationsFor(c, QkNormMode::Learned, kCudaFused, 0) == Activations::Kept);
    c.train.activation_checkpointing = "on";
    QVERIFY(activationsFor(c, QkNormMode::Learned, kCudaFused, need * 2) == Activations::Checkpointed);
    c.train.activation_checkpointing = "off";
    QVERIFY(activationsFor(c, QkNormMode::Learned, kCudaFused, need / 2) == Activations::Kept);

    // study-50m at micro-batch 8 (102 GiB) does not fit an H100 80GB (nvidia-smi: 81559 MiB):
    // auto checkpoints there, and then it fits; an H200 (143771 MiB) needs no checkpointing. At
    // 32 both checkpoint, and then it fits the H200 only: the loss's fp32 log-probabilities and
    // their backward's two gradients (12 bytes × 49152 × 65504 predicted positions, 36 GiB) stay.
    StudyConfig big = presetConfig("study-50m");
    big.train.batch_size = 8;
    const int64_t h100 = 81559LL * 1024 * 1024, h200 = 143771LL * 1024 * 1024;
    QVERIFY(activationsFor(big, QkNormMode::Learned, kCudaFused, h100) == Activations::Checkpointed);
    QVERIFY(estimateTrainingMemory(big, QkNormMode::Learned, kCudaFused, Activations::Checkpointed).total() < h100);
    QVERIFY(activationsFor(big, QkNormMode::Learned, kCudaFused, h200) == Activations::Kept);
    big.train.batch_size = 32;
    QVERIFY(activationsFor(big, QkNormMode::Learned, kCudaFused, h200) == Activations::Checkpointed);
    QVERIFY(estimateTrainingMemory(big, QkNormMode::Learned, kCudaFused, Activations::Checkpointed).total() < h200 * 9 / 10);
    QVERIFY(estimateTrainingMemory(big, QkNormMode::Learned, kCudaFused, Activations::Checkpointed).total() > h100 * 9 / 10);
}

void TestResourceEstimate::aCudaGraphAddsTheProbeBesideIt()
{
    StudyConfig c = handSized();
    c.train.cuda_graph = true;
    // On CUDA: one block of 8 tokens (368 bytes each as above, and the q/k norms' 8·8 + 8·4 +
    // 4·2 + 4·1), and the 640 bytes of logits.
    const MemoryEstimate graph = estimateTrainingMemory(c, QkNormMode::Learned, kCudaFused);
    QCOMPARE(graph.probeBesideGraph, int64_t(8 * (368 + 108) + 640));
    QCOMPARE(graph.total(), graph.weights + graph.gradients + graph.optimizer + graph.activations + graph.probeBesideGraph);
    // The CPU ignores the setting, and without it CUDA adds nothing.
    QCOMPARE(estimateTrainingMemory(c, QkNormMode::Learned, kCpu).probeBesideGraph, int64_t(0));
    c.train.cuda_graph = false;
    const MemoryEstimate eager = estimateTrainingMemory(c, QkNormMode::Learned, kCudaFused);
    QCOMPARE(eager.probeBesideGraph, int64_t(0));
    QCOMPARE(graph.total() - eager.total(), graph.probeBesideGraph);
}

void TestResourceEstimate::formatsBytes()
{
    QCOMPARE(QString::fromStdString(formatBytes(512)), QStringLiteral("512 B"));
    QCOMPARE(QString::fromStdString(formatBytes(3 * 1024)), QStringLiteral("3 KiB"));
    QCOMPARE(QString::fromStdString(formatBytes(820LL * 1024 * 1024)), QStringLiteral("820 MiB"));
    QCOMPARE(QString::fromStdString(formatBytes(int64_t(1.5 * 1024 * 1024 * 1024))), QStringLiteral("1.5 GiB"));
    QVERIFY(physicalMemoryBytes() > 0);
}

// The CPU pre-flight: the weights' state alone, or the activations on top, against what the
// process may allocate; the message names the part and what to change.
void TestResourceEstimate::aCpuRunThatCannotFitSaysWhichPart()
{
    MemoryEstimate e;
    e.weights = 4LL << 30;
    e.gradients = 4LL << 30;
    e.optimizer = 8LL << 30;
    e.activations = 10LL << 30;
    QVERIFY(cpuMemoryShortfall(e, {40LL << 30, "MemAvailable"}).empty());
    QVERIFY(cpuMemoryShortfall(e, {0, ""}).empty()); // nothing known: no refusal
    const std::string activations = cpuMemoryShortfall(e, {20LL << 30, "the cgroup's memory.max"});
    QVERIFY2(activations.find("activations of one micro-batch 10.0 GiB") != std::string::npos, activations.c_str());
    QVERIFY(activations.find("lower train.batch_size") != std::string::npos);
    QVERIFY(activations.find("20.0 GiB available (the cgroup's memory.max)") != std::string::npos);
    const std::string state = cpuMemoryShortfall(e, {12LL << 30, "ulimit -v"});
    QVERIFY2(state.find("weights, gradients and optimizer state alone need about 16.0 GiB") != std::string::npos,
             state.c_str());
    QVERIFY(state.find("no micro-batch size changes that") != std::string::npos);
    QVERIFY(state.find("batch_size") == std::string::npos);
    // This machine's reading: something, and never more than its physical memory plus swap's worth.
    const AvailableMemory here = availableMemory();
    QVERIFY(here.bytes > 0);
    QVERIFY(!here.limitedBy.empty());
}

QTEST_APPLESS_MAIN(TestResourceEstimate)
#include "test_resource_estimate.moc"
