#include "train/EvalBatches.h"

#include "common/Error.h"
#include "model/Autocast.h"

#include <torch/torch.h>

namespace qks {

namespace {

// (count, T) int64: validation sequences first .. first + count − 1.
torch::Tensor validationSequences(const TokenDataset& data, int64_t first, int64_t count)
{
    const int64_t T = data.seqLen();
    auto ids = torch::empty({count, T}, torch::kLong);
    int64_t* out = ids.data_ptr<int64_t>();
    for (int64_t i = 0; i < count; ++i)
        data.copyValSequence(first + i, out + i * T);
    return ids;
}

} // namespace

torch::Tensor probeBatch(const TokenDataset& data, int64_t count)
{
    if (data.valCount() < count)
        throw DataError("the validation split has " + std::to_string(data.valCount()) + " sequences, fewer than the probe "
                        "batch's " + std::to_string(count) + "; prepare more data or use a smaller probe batch");
    return validationSequences(data, 0, count);
}

int64_t validationBatchCount(const TokenDataset& data, int64_t wanted, int64_t batchSize)
{
    return std::min(wanted, data.valCount() / batchSize);
}

torch::Tensor validationBatch(const TokenDataset& data, int64_t index, int64_t batchSize)
{
    return validationSequences(data, index * batchSize, batchSize);
}

std::vector<double> validationLosses(MinimalLlm& model, const TokenDataset& data, int64_t batches, int64_t batchSize,
                                     const torch::Device& device, bool autocast)
{
    torch::NoGradGuard noGrad;
    AutocastScope scope(device, autocast);
    std::vector<double> losses;
    for (int64_t b = 0; b < batches; ++b)
        losses.push_back(model->loss(validationBatch(data, b, batchSize).to(device)).item<double>());
    return losses;
}

} // namespace qks
