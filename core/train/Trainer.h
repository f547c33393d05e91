#pragma once

#include "config/Condition.h"
#include "config/RunPlan.h"
#include "config/StudyConfig.h"
#include "data/TokenDataset.h"
#include "results/RunResults.h"
#include "train/TrainEvents.h"

#include <filesystem>
#include <memory>

namespace qks {

// One condition's training run with the loop semantics of the published study (docs/design.md
// §1.6): micro-steps of batch_size sequences, (loss/accum).backward() per micro-step, clip + Muon
// + AdamW every `gradient_accumulation_steps`, a probe at 0 and on the plan's schedule.
// results.json is rewritten atomically after every probe, so a crash loses at most the work
// since the last probe.
class Trainer {
public:
    Trainer(StudyConfig config, Condition condition, const TokenDataset& data, std::filesystem::path resultsPath,
            EventSink sink = {}, std::shared_ptr<CancelToken> cancel = {});
    ~Trainer();

    // Continue from a checkpoint's weights file (<dir>/checkpoints/step_N.safetensors) instead
    // of starting fresh: weights, optimizer state, data position, running loss and the
    // results.json entries up to that point are restored, so the run continues exactly.
    void setResumeFrom(std::filesystem::path weights) { m_resumeFrom = std::move(weights); }

    // Start from these weights (any MinimalLLM safetensors file, e.g. saved by PyTorch) with a
    // fresh optimizer and data order, instead of the seeded initialisation.
    void setInitialWeights(std::filesystem::path weights) { m_initFrom = std::move(weights); }

    // The run's identity (results/RunManifest.h): saved in every checkpoint and in results.json,
    // so that only this run's checkpoints are resumed from and pruned.
    void setRunId(std::string runId) { m_runId = std::move(runId); }

    // Trains to the end (or until cancelled) and returns the results written. Checkpoints go
    // to <results folder>/checkpoints as configured (and on a stop). Throws DivergedError on a
    // NaN/Inf loss after keeping the results so far on disk. Call once.
    RunResults run();

    const RunPlan& plan() const { return m_plan; }
    bool wasCancelled() const { return m_cancelled; }

private:
    struct Run; // what run() sets up and its steps share (Trainer.cpp)

    // The steps of run(), in the order it takes them.
    int64_t validationBatches() const;
    void resume();
    void startProbe(int64_t microStep);
    RunResults stop(int64_t microStep);
    double trainMicroStep(int64_t microStep);
    bool checkpointDue(int64_t microStepsDone) const;
    void checkpoint(int64_t microStepsDone);
    void reportStep(int64_t microStepsDone, double loss) const;
    void finish();

    void log(const std::string& message) const;
    void emit(const TrainEvent& event) const;
    double elapsedSeconds() const;

    StudyConfig m_config;
    Condition m_condition;
    const TokenDataset& m_data;
    std::filesystem::path m_resultsPath;
    EventSink m_sink;
    std::shared_ptr<CancelToken> m_cancel;
    RunPlan m_plan;
    std::filesystem::path m_resumeFrom;
    std::filesystem::path m_initFrom;
    std::string m_runId;
    bool m_cancelled = false;
    std::unique_ptr<Run> m_run;
};

} // namespace qks
