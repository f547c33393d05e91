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
    bool resultsRebuilt = false; // results.json was missing and came from the checkpoint's copy
};

// Restores the run `tag` from its checkpoint `weights` (<dir>/checkpoints/step_N.safetensors):
// the weights and the optimizer state go into `setup`. Refuses (DataError, ConfigError) a
// checkpoint of another condition, one trained with settings that change what the run computes
// or measures (results/RunFolder.h's trajectoryDifferences), a results.json of another run,
// condition or shape, and one holding fewer probes than the checkpoint counted. A missing
// results.json is rebuilt from the checkpoint's own copy.
// results.json as of the checkpoint whose state is `state`: the file at `path`, or, when it is
// gone and the state holds a copy, that copy written back (`rebuilt` says which).
RunResults resultsToContinue(const TrainerState& state, const std::filesystem::path& path, bool* rebuilt);

ResumePoint resumeRun(const std::filesystem::path& weights, TrainingSetup& setup, const StudyConfig& config,
                      const std::string& tag, const std::filesystem::path& resultsPath);

} // namespace qks
