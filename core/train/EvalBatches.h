#pragma once

#include "data/TokenDataset.h"
#include "model/MinimalLlm.h"

#include <cstdint>
#include <torch/types.h>
#include <vector>

namespace qks {

// The sequences a run is measured on, defined once for the trainer, `qkstudio-cli probe` and
// `qkstudio-cli eval`, so that what they measure cannot drift apart (docs/design.md §1.7). Both
// come from the validation split and are the same for every condition and at every probe; the
// original study draws them at random instead (docs/design.md §3, D2 and D3).

// The probe batch: the first `count` validation sequences, (count, T) int64 on the CPU. Throws
// DataError naming the shortfall when the split holds fewer.
torch::Tensor probeBatch(const TokenDataset& data, int64_t count);

// How many validation batches of `batchSize` sequences a validation loss averages: `wanted`
// (probe.val_batches), or as many as the split holds when that is fewer.
int64_t validationBatchCount(const TokenDataset& data, int64_t wanted, int64_t batchSize);

// Validation batch `index`: sequences index·B .. index·B + B − 1, (B, T) int64 on the CPU.
torch::Tensor validationBatch(const TokenDataset& data, int64_t index, int64_t batchSize);

// The model's mean loss on each of the first `batches` validation batches, without gradients,
// under bf16 autocast when asked (as the training step runs), on the model's device.
std::vector<double> validationLosses(MinimalLlm& model, const TokenDataset& data, int64_t batches, int64_t batchSize,
                                     const torch::Device& device, bool autocast);

} // namespace qks
