#pragma once

#include "config/StudyConfig.h"
#include "data/TokenDataset.h"
#include "model/MinimalLlm.h"

#include <cstdint>
#include <torch/types.h>
#include <vector>

namespace qks {

// The sequences a run is measured on, defined once for the trainer, `qkstudio-cli probe` and
// `qkstudio-cli eval`, so that what they measure cannot drift apart (docs/design.md §1.7).
// Both come from the validation split, drawn as the original draws them (seeded, and the same
// for every condition), with our own generator (common/SeededDraw.h).

// The probe batch: `count` validation sequences drawn at random from `seed` (train.seed; the
// original draws after torch.manual_seed(seed + 999)), fixed for the run. (count, T) int64 on
// the CPU. Throws DataError naming the shortfall when the split holds fewer.
torch::Tensor probeBatch(const TokenDataset& data, int64_t count, int64_t seed);

// How the validation loss at a probe picks its sequences (probe.val_sampling, val_batches).
struct ValidationDraw {
    bool shuffled = true;  // fresh batches at every probe (the original) or the same ones
    int64_t seed = 0;      // train.seed
    int64_t batches = 0;   // batches averaged
    int64_t batchSize = 0; // sequences per batch (train.batch_size)
};
ValidationDraw validationDrawFor(const StudyConfig& config, int64_t batches);

// How many validation batches of `batchSize` sequences a validation loss averages: `wanted`
// (probe.val_batches), or as many as the split holds when that is fewer.
int64_t validationBatchCount(const TokenDataset& data, int64_t wanted, int64_t batchSize);

// The validation sequences the val loss of the probe after `microStep` reads, batch after
// batch: shuffled, the first batches·B of a permutation of the split drawn for that micro-step
// (as `list(val_loader)[:batches]` from a shuffled DataLoader, the same in every condition and
// on resume); fixed, sequences 0 .. batches·B − 1 at every probe.
std::vector<int64_t> validationSequences(const TokenDataset& data, const ValidationDraw& draw, int64_t microStep);

// The model's mean loss on each batch of `sequences` (in order, draw.batchSize each), without
// gradients, under bf16 autocast when asked (as the training step runs), on the model's device.
std::vector<double> validationLosses(MinimalLlm& model, const TokenDataset& data, const std::vector<int64_t>& sequences,
                                     int64_t batchSize, const torch::Device& device, bool autocast);

} // namespace qks
