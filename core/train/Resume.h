#pragma once

#include "config/StudyConfig.h"
#include "results/RunResults.h"
#include "train/Checkpoint.h"
#include "train/TrainingSetup.h"

#include <filesystem>
#include <string>

namespace qks {

// Where a resumed run continues: the loop's counters saved with the checkpoint, and the run's
// results.json cut to the probes taken up to it.
struct ResumePoint {
    TrainerState state;
    RunResults results;
};

// Restores the run `tag` from its checkpoint `weights` (<dir>/checkpoints/step_N.safetensors):
// the weights and the optimizer state go into `setup`. Refuses (DataError, ConfigError) a
// checkpoint of another condition, one trained with another batch size, accumulation, seed or
// model shape, and a results.json holding fewer probes than the checkpoint counted.
ResumePoint resumeRun(const std::filesystem::path& weights, TrainingSetup& setup, const StudyConfig& config,
                      const std::string& tag, const std::filesystem::path& resultsPath);

} // namespace qks
