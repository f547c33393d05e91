#pragma once

#include "config/StudyConfig.h"
#include "train/TrainEvents.h"

#include <memory>
#include <vector>

namespace qks {

// How a study's runs begin.
struct StudyStart {
    // Continue each condition whose checkpoints folder holds a checkpoint from the newest one (a
    // finished one is skipped); the others start fresh.
    bool resume = false;
    // Start every condition from this weights file instead of the seeded draw (runStudy only).
    std::filesystem::path initialWeights{};
};

// Runs the configured conditions one after another with the same seed and data order, each
// into <study.out>/<tag>/results.json, and saves the configuration as <study.out>/config.json.
// A diverged condition is reported and the next one still runs; data and configuration errors
// stop the study (they would stop every condition alike). Returns one RunFinished per
// condition that started.
// Any other error is reported as that condition's RunFinished and then rethrown.
std::vector<RunFinished> runStudy(const StudyConfig& config, const EventSink& sink = {},
                                  std::shared_ptr<CancelToken> cancel = {}, const StudyStart& start = {});

// One condition of a study, as runStudy runs it (config.json is not written): for callers
// that schedule conditions themselves, such as the desktop application's queue. `tag` must be
// one of config.study.conditions. Reports and rethrows like runStudy; a diverged run returns
// its RunFinished with errorKind Diverged.
RunFinished runStudyCondition(const StudyConfig& config, const std::string& tag, const EventSink& sink = {},
                              std::shared_ptr<CancelToken> cancel = {}, const StudyStart& start = {});

} // namespace qks
