#include "train/EvalBatches.h"

#include "common/Error.h"
#include "common/SeededDraw.h"
#include "model/Autocast.h"

#include <numeric>
#include <torch/torch.h>

namespace qks {

namespace {

// This purpose's streams (common/SeededDraw.h): "probe" and "valid".
constexpr uint64_t kProbeBatchDraws = 0x70726f6265;
constexpr uint64_t kValidationDraws = 0x76616c6964;

// (count, T) int64: the given validation sequences.
torch::Tensor gather(const TokenDataset& data, const int64_t* indices, int64_t count)
{
    const int64_t T = data.seqLen();
    auto ids = torch::empty({count, T}, torch::kLong);
    int64_t* out = ids.data_ptr<int64_t>();
    for (int64_t i = 0; i < count; ++i)
        data.copyValSequence(indices[i], out + i * T);
    return ids;
}

} // namespace

torch::Tensor probeBatch(const TokenDataset& data, int64_t count, int64_t seed)
{
    if (data.valCount() < count)
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences, fewer than the probe "
                        "batch's " + std::to_string(count) + "; prepare more data or use a smaller probe batch");
    const std::vector<int64_t> drawn =
        firstOfPermutation(data.valCount(), count, drawStream(kProbeBatchDraws, static_cast<uint64_t>(seed) + 999));
    return gather(data, drawn.data(), count);
}

ValidationDraw validationDrawFor(const StudyConfig& config, int64_t batches)
{
    return {.shuffled = config.probe.val_sampling != "fixed",
            .seed = config.train.seed,
            .batches = batches,
            .batchSize = config.train.batch_size};
}

int64_t validationBatchCount(const TokenDataset& data, int64_t wanted, int64_t batchSize)
{
    return std::min(wanted, data.valCount() / batchSize);
}

std::vector<int64_t> validationSequences(const TokenDataset& data, const ValidationDraw& draw, int64_t microStep)
{
    const int64_t count = draw.batches * draw.batchSize;
    if (count > data.valCount())
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences, fewer than " +
                        std::to_string(draw.batches) + " batches of " + std::to_string(draw.batchSize));
    if (draw.shuffled)
        return firstOfPermutation(data.valCount(), count,
                                  drawStream(kValidationDraws, static_cast<uint64_t>(draw.seed), static_cast<uint64_t>(microStep)));
    std::vector<int64_t> first(static_cast<size_t>(count));
    std::iota(first.begin(), first.end(), 0);
    return first;
}

std::vector<double> validationLosses(MinimalLlm& model, const TokenDataset& data, const std::vector<int64_t>& sequences,
                                     int64_t batchSize, const torch::Device& device, bool autocast)
{
    torch::NoGradGuard noGrad;
    AutocastScope scope(device, autocast);
    std::vector<double> losses;
    const auto count = static_cast<int64_t>(sequences.size());
    for (int64_t first = 0; first + batchSize <= count; first += batchSize)
        losses.push_back(model->loss(gather(data, sequences.data() + first, batchSize).to(device)).item<double>());
    return losses;
}

} // namespace qks
