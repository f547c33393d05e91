#pragma once

#include "config/StudyConfig.h"
#include "results/RunFolder.h"
#include "train/TrainEvents.h"

#include <memory>
#include <vector>

namespace qks {

// How a study's runs begin (results/RunFolder.h says what each mode does with a folder that
// holds a run already).
struct StudyStart {
    // Fresh: a new run in each condition's folder, refused where one holds a run. Resume:
    // continue each condition's run from its newest checkpoint (a finished one is skipped; an
    // empty folder starts fresh). Overwrite: remove the runs the folders hold, then start.
    StartMode mode = StartMode::Fresh;
    // Start every condition from this weights file instead of the seeded draw.
    std::filesystem::path initialWeights{};
    // With Resume: train.tokens may be raised above each run's own (--extend-tokens), which
    // run.json and results.json record; without it a changed train.tokens is refused.
    bool extendTokens = false;
    // With Resume: refuse (ConfigError) when no condition's folder holds a run to continue
    // (--resume); without it such a study simply starts (--resume-or-start, the desktop queue).
    bool requireRunToResume = false;
};

// Runs the configured conditions one after another with the same seed and data order, each
// into <study.out>/<tag>/results.json, and saves the configuration as <study.out>/config.json.
// Every condition's folder is locked and checked before anything is written (a refusal is a
// ConfigError), and stays locked until the study ends.
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
