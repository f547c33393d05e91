#include "train/Study.h"

#include "checkpoint/CheckpointFiles.h"
#include "common/RunLock.h"
#include "config/ConfigJson.h"
#include "config/OutputFolderCheck.h"
#include "config/RunPlan.h"
#include "config/SeedStudies.h"
#include "config/SweepGrid.h"
#include "config/Validation.h"
#include "data/TokenDataset.h"
#include "results/ResultsJson.h"
#include "results/RunManifest.h"
#include "results/SeedSummary.h"
#include "train/Checkpoint.h"
#include "train/Resume.h"
#include "train/Trainer.h"

#include <algorithm>
#include <chrono>

namespace qks {

namespace {

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

// Half the micro-batch, twice the accumulation: the same tokens per optimizer step, so the run
// stays the same study. Activation checkpointing, if it was off, is the other way to keep it.
std::string smallerMicroBatch(const StudyConfig& config)
{
    const int64_t batch = config.train.batch_size;
    const int64_t accumulation = config.train.gradient_accumulation_steps;
    const std::string checkpointing = config.train.activation_checkpointing == "on"
                                          ? ""
                                          : " Or keep the micro-batch and recompute activations in backward: "
                                            "--set train.activation_checkpointing=on (slower, far less memory).";
    if (batch <= 1)
        return "The micro-batch is already 1: use a smaller model (model.*) or shorter sequences (model.max_seq_len)." +
               checkpointing;
    // The largest proper divisor keeps the tokens per optimizer step exactly (a prime batch: 1).
    int64_t smaller = 1;
    for (int64_t d = batch / 2; d > 1; --d)
        if (batch % d == 0) {
            smaller = d;
            break;
        }
    return "Use a smaller micro-batch with more accumulation, e.g. --set train.batch_size=" + std::to_string(smaller) +
           " --set train.gradient_accumulation_steps=" + std::to_string(accumulation * (batch / smaller)) +
           " (the same tokens per optimizer step); these change the run, so start it again with them (--overwrite, "
           "or another --out): a resume keeps the run's own settings." + checkpointing;
}

// Where a run that stopped on an error left its work.
std::string keptSoFar(const std::filesystem::path& resultsPath, const std::string& runId)
{
    std::error_code ec;
    if (!std::filesystem::exists(resultsPath, ec))
        return "Nothing of this run was written (it stopped before its first probe).";
    std::string text = "Results up to the last probe are kept in " + resultsPath.string();
    const auto checkpoints = listCheckpoints(resultsPath.parent_path() / "checkpoints", runId);
    if (!checkpoints.empty())
        text += "; the last checkpoint is " + checkpoints.back().string() + " (continue with --resume)";
    return text + ".";
}

// One condition's folder, claimed for the study before anything is written: its lock, held
// until the run ends, and how its run begins there.
struct ClaimedRun {
    std::string tag;
    std::unique_ptr<RunLock> lock;
    StartPlan plan;
};

ClaimedRun claimRun(const StudyConfig& config, const std::string& tag, const StudyStart& start, const EventSink& sink)
{
    const std::filesystem::path dir = std::filesystem::path(config.study.out) / tag;
    const auto log = [&](const std::string& message) {
        if (sink)
            sink(LogEvent{tag, message});
    };
    ClaimedRun run{tag, std::make_unique<RunLock>(dir, log), {}};
    run.plan = planRunStart(dir, tag, configToJson(config), start.mode, makeRunPlan(config).microSteps,
                            start.extendTokens);
    return run;
}

// Checks the claimed runs together, then says what each plan noted. A --resume that finds no
// run anywhere is refused: a mistyped --out would otherwise start a new study in silence.
void beginRuns(const StudyConfig& config, const std::vector<ClaimedRun>& runs, const StudyStart& start,
               const EventSink& sink)
{
    const bool nothingToResume = std::all_of(runs.begin(), runs.end(), [](const ClaimedRun& r) {
        return r.plan.action == StartPlan::Action::Fresh;
    });
    if (start.mode == StartMode::Resume && start.requireRunToResume && nothingToResume)
        throw ConfigError("nothing to resume in " + config.study.out +
                          ": no condition's folder holds a run (run.json, results.json or a checkpoint). Start it "
                          "without --resume, or use --resume-or-start to continue what exists and start the rest");
    for (const ClaimedRun& run : runs)
        if (!run.plan.note.empty() && sink)
            sink(LogEvent{run.tag, run.plan.note});
}

// A finished run that is skipped still owes its results.json: one deleted is rebuilt from the
// final checkpoint's own copy; one that cannot be read is a data error, not a quiet "done".
void requireFinishedResults(const std::filesystem::path& resultsPath, const std::filesystem::path& checkpoint,
                            const EventSink& sink, const std::string& tag)
{
    std::error_code ec;
    if (!std::filesystem::exists(resultsPath, ec)) {
        bool rebuilt = false;
        const TrainerState state = readTrainerState(checkpoint);
        if (state.results.empty())
            throw DataError(resultsPath.string() + " is missing and " + checkpoint.string() +
                            " holds no copy of it (written before QK Studio kept one); run the condition again "
                            "with --overwrite");
        (void)resultsToContinue(state, resultsPath, &rebuilt);
        if (sink)
            sink(LogEvent{tag, resultsPath.string() + " was missing: rebuilt from the final checkpoint's own record"});
        return;
    }
    try {
        (void)readResults(resultsPath);
    } catch (const Error& e) {
        throw DataError(std::string(e.what()) + ". The run is finished: move the file away and resume again to rebuild "
                                                 "it from the final checkpoint");
    }
}

// One condition on an opened dataset; the body of the study's loop.
RunFinished runCondition(const StudyConfig& config, const TokenDataset& data, const ClaimedRun& run,
                         const EventSink& sink, const std::shared_ptr<CancelToken>& cancel,
                         const std::filesystem::path& initialWeights, bool* skipped)
{
    const std::filesystem::path dir = std::filesystem::path(config.study.out) / run.tag;
    const Condition condition = *conditionForTag(run.tag);
    RunFinished done;
    done.tag = run.tag;
    done.resultsPath = dir / "results.json";
    *skipped = run.plan.action == StartPlan::Action::Finished;
    if (*skipped) {
        if (sink)
            sink(LogEvent{run.tag, "already finished (" + run.plan.checkpoint.string() + "); skipped"});
        requireFinishedResults(done.resultsPath, run.plan.checkpoint, sink, run.tag);
        done.completed = true;
        return done;
    }
    // The manifest goes down when the run starts (a queued condition's folder stays empty), and
    // when a folder from before run ids is continued.
    if (run.plan.action == StartPlan::Action::Fresh || run.plan.extended || !readRunManifest(dir))
        writeRunManifest(dir, run.plan.manifest);
    Trainer trainer(config, condition, data, done.resultsPath, sink, cancel);
    trainer.setRunId(run.plan.manifest.runId);
    if (!initialWeights.empty())
        trainer.setInitialWeights(initialWeights);
    if (run.plan.action == StartPlan::Action::Continue)
        trainer.setResumeFrom(run.plan.checkpoint);
    const auto started = std::chrono::steady_clock::now();
    auto report = [&](ErrorKind kind, const std::string& message) {
        done.errorKind = kind;
        done.error = message;
        done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (sink)
            sink(done);
    };
    try {
        const RunResults results = trainer.run();
        done.completed = !trainer.wasCancelled();
        done.cancelled = trainer.wasCancelled();
        done.tokens = results.tokens.empty() ? 0 : results.tokens.back();
    } catch (const DivergedError& e) {
        done.errorKind = ErrorKind::Diverged; // the next condition may well train: go on
        done.error = std::string(e.what()) + " " + keptSoFar(done.resultsPath, run.plan.manifest.runId);
    } catch (const IoError& e) {
        // A full disk or a vanished folder mid-run: every file was replaced atomically, so what
        // was written before is whole; say where it is and how to go on.
        const std::string message = run.tag + ": " + e.what() + ". " + keptSoFar(done.resultsPath, run.plan.manifest.runId);
        report(ErrorKind::Io, message);
        throw IoError(message);
    } catch (const Error& e) {
        report(e.kind(), e.what());
        throw;
    } catch (const std::exception& e) {
        // LibTorch reports allocation failures as c10::OutOfMemoryError (CUDA) or c10::Error
        // from the CPU allocator, both with this text.
        const std::string what = e.what();
        if (what.find("out of memory") != std::string::npos || what.find("DefaultCPUAllocator") != std::string::npos) {
            const std::string message = run.tag + ": out of memory (" + firstLine(what) + "). " + smallerMicroBatch(config) +
                                        " " + keptSoFar(done.resultsPath, run.plan.manifest.runId);
            report(ErrorKind::OutOfMemory, message);
            throw OutOfMemoryError(message);
        }
        report(ErrorKind::Internal, what);
        throw;
    }
    done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (sink)
        sink(done);
    return done;
}

// Whether any run of the study `config` describes (every sweep point, every seed, every
// condition) has left something in its folder. Reads only.
bool anyRunHeld(const StudyConfig& config)
{
    for (const StudyConfig& point : pointStudies(config))
        for (const StudyConfig& seed : seedStudies(point))
            for (const std::string& tag : seed.study.conditions)
                if (inspectRunFolder(std::filesystem::path(seed.study.out) / tag).holdsRun())
                    return true;
    return false;
}

// A folder holds one study: a multi-seed study is not written beside a one-seed study's
// condition folders, nor one-seed runs beside seed folders or sweep points, whatever the start
// mode (--overwrite clears only the folders of the study it starts).
void refuseMixedLayouts(const StudyConfig& config)
{
    const std::filesystem::path out = config.study.out;
    const std::string resumeHint = "Continue that study with --config " + (out / "config.json").string() + " --out " +
                                   out.string() + " --resume, or use another --out";
    bool sweep = false;
    try {
        sweep = !sweepFolders(out).empty();
    } catch (const ConfigError&) {
        sweep = false; // a broken config.json: what else the folder holds decides below
    }
    if (sweep && config.study.sweep.empty())
        throw ConfigError(out.string() + " holds a sweep (its config.json lists study.sweep); a study is not mixed with "
                          "it. " + resumeHint);
    if (isMultiSeed(config)) {
        for (const Condition& c : studyConditions())
            if (inspectRunFolder(out / c.tag).holdsRun())
                throw ConfigError(out.string() + " holds a one-seed study (" + (out / c.tag).string() +
                                  "); a study of " + std::to_string(config.study.seeds.size()) +
                                  " seeds writes seed_<n> folders and is not mixed with it: use another --out");
        return;
    }
    for (const auto& [seed, folder] : seedFolders(out))
        throw ConfigError(out.string() + " holds a multi-seed study (" + folder.string() + "); a one-seed study is not "
                          "mixed with it. " + resumeHint + ", or --out " + folder.string() + " for that seed alone");
}

// A multi-seed study or a sweep whose folder holds runs continues only with the same settings:
// its config.json must agree with `config` in everything that changes what a run computes or
// measures (seeds may be added). Otherwise runs of two studies would be averaged as one.
void refuseOtherSettings(const StudyConfig& config, StartMode mode)
{
    const std::filesystem::path file = std::filesystem::path(config.study.out) / "config.json";
    std::error_code ec;
    if (mode == StartMode::Overwrite || !std::filesystem::is_regular_file(file, ec))
        return;
    StudyConfig saved;
    try {
        saved = loadConfigFile(file);
    } catch (const ConfigError& e) {
        throw ConfigError(std::string(e.what()) + "; the study in " + config.study.out +
                          " cannot be compared with this one: use another --out, or --overwrite to replace it");
    }
    saved.study.out = config.study.out; // the folder as it is now, also when it was moved
    if (!anyRunHeld(saved))
        return;
    std::vector<std::string> differing = trajectoryDifferences(configToJson(saved), configToJson(config));
    if (saved.study.sweep != config.study.sweep)
        differing.push_back("study.sweep");
    if (differing.empty())
        return;
    std::string list;
    for (const std::string& d : differing)
        list += (list.empty() ? "" : ", ") + d;
    throw ConfigError(config.study.out + " holds a study with other settings (" + list + ", against its config.json); "
                      "its runs and these would be averaged as one. Use another --out, continue it with --config " +
                      file.string() + " --out " + config.study.out + ", or --overwrite to replace it");
}

// --overwrite on a multi-seed folder replaces the study: seed folders outside the new list
// would stay and be averaged in, so they are refused rather than silently kept.
void refuseLeftoverSeeds(const StudyConfig& config, StartMode mode)
{
    if (mode != StartMode::Overwrite || !isMultiSeed(config))
        return;
    std::string extra;
    for (const auto& [seed, folder] : seedFolders(config.study.out))
        if (std::find(config.study.seeds.begin(), config.study.seeds.end(), seed) == config.study.seeds.end())
            extra += (extra.empty() ? "" : ", ") + folder.string();
    if (!extra.empty())
        throw ConfigError("--overwrite replaces the study in " + config.study.out + " but " + extra +
                          " is not among --seeds and would stay beside the new seeds: delete it first, or list its seed");
}

} // namespace

RunFinished runStudyCondition(const StudyConfig& config, const std::string& tag, const EventSink& sink,
                              std::shared_ptr<CancelToken> cancel, const StudyStart& start)
{
    requireValidConfig(config);
    if (isMultiSeed(config) || !config.study.sweep.empty())
        throw ConfigError("runStudyCondition trains one seed of one study: give it one of seedStudies(config), or "
                          "of sweepPoints(config)");
    if (std::find(config.study.conditions.begin(), config.study.conditions.end(), tag) == config.study.conditions.end())
        throw ConfigError("condition " + tag + " is not in study.conditions");
    const TokenDataset data = TokenDataset::open(config.data.path, config.model.max_seq_len, config.model.vocab_size);
    refuseMixedLayouts(config);
    checkOutputFolder(config, {tag});
    std::vector<ClaimedRun> runs;
    runs.push_back(claimRun(config, tag, start, sink));
    beginRuns(config, runs, start, sink);
    if (start.mode == StartMode::Overwrite)
        clearRunFolder(std::filesystem::path(config.study.out) / tag);
    bool skipped = false;
    return runCondition(config, data, runs.front(), sink, cancel, start.initialWeights, &skipped);
}

namespace {

// A sweep: every point validated first (requireValidConfig checks each grid point), then each
// point run as a study of its own in its folder, one after another.
std::vector<RunFinished> runSweep(const StudyConfig& config, const EventSink& sink, const std::shared_ptr<CancelToken>& cancel,
                                  const StudyStart& start)
{
    const std::vector<SweepPoint> points = sweepPoints(config);
    const std::filesystem::path out = config.study.out;
    for (const Condition& c : studyConditions())
        if (inspectRunFolder(out / c.tag).holdsRun())
            throw ConfigError(out.string() + " holds a study (" + (out / c.tag).string() +
                              "); a sweep writes one folder per point and is not mixed with it: use another --out");
    if (!seedFolders(out).empty())
        throw ConfigError(out.string() + " holds a multi-seed study; a sweep is not mixed with it: use another --out");
    refuseOtherSettings(config, start.mode);
    if (start.mode == StartMode::Resume && start.requireRunToResume) {
        bool any = false;
        for (const SweepPoint& p : points)
            for (const StudyConfig& seed : seedStudies(p.config))
                for (const std::string& tag : seed.study.conditions)
                    any = any || inspectRunFolder(std::filesystem::path(seed.study.out) / tag).holdsRun();
        if (!any)
            throw ConfigError("nothing to resume in " + out.string() + ": no point of the sweep holds a run. Start it "
                              "without --resume, or use --resume-or-start");
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    saveConfigFile(config, out / "config.json");
    StudyStart each = start;
    each.requireRunToResume = false;
    std::vector<RunFinished> finished;
    for (size_t i = 0; i < points.size(); ++i) {
        if (cancel && cancel->cancelled())
            break;
        if (sink)
            sink(LogEvent{"sweep", "point " + std::to_string(i + 1) + " of " + std::to_string(points.size()) + ": " +
                                       points[i].name});
        for (RunFinished& done : runStudy(points[i].config, sink, cancel, each))
            finished.push_back(std::move(done));
    }
    return finished;
}

} // namespace

std::vector<RunFinished> runStudy(const StudyConfig& config, const EventSink& sink, std::shared_ptr<CancelToken> cancel,
                                  const StudyStart& start)
{
    requireValidConfig(config);
    if (!config.study.sweep.empty())
        return runSweep(config, sink, cancel, start);
    const TokenDataset data = TokenDataset::open(config.data.path, config.model.max_seq_len, config.model.vocab_size);
    refuseMixedLayouts(config);
    if (isMultiSeed(config)) {
        refuseOtherSettings(config, start.mode);
        refuseLeftoverSeeds(config, start.mode);
    }
    // A --resume that finds nothing is refused before any folder is made or locked, so a
    // mistyped --out leaves nothing behind.
    if (start.mode == StartMode::Resume && start.requireRunToResume && !anyRunHeld(config))
        throw ConfigError("nothing to resume in " + config.study.out +
                          ": no condition's folder holds a run (run.json, results.json or a checkpoint). Start it "
                          "without --resume, or use --resume-or-start to continue what exists and start the rest");
    const std::vector<StudyConfig> studies = seedStudies(config);
    for (const StudyConfig& study : studies)
        checkOutputFolder(study, study.study.conditions);
    // Every folder of every seed locked and checked first: a refusal leaves the study's files
    // as they were.
    std::vector<ClaimedRun> runs;
    std::vector<const StudyConfig*> runStudies;
    for (const StudyConfig& study : studies)
        for (const std::string& tag : study.study.conditions) {
            try {
                runs.push_back(claimRun(study, tag, start, sink));
            } catch (const ConfigError& e) {
                if (studies.size() == 1 || start.mode == StartMode::Overwrite)
                    throw;
                // --overwrite on the whole study would restart every seed's runs: say how to
                // restart only the one that cannot go on.
                throw ConfigError(std::string(e.what()) + ". In a study of several seeds, --overwrite restarts every "
                                  "seed; to restart only this run: --out " + study.study.out + " --seed " +
                                  std::to_string(study.train.seed) + " --overwrite with the same settings, then "
                                  "--resume the whole study");
            }
            runStudies.push_back(&study);
        }
    beginRuns(config, runs, start, sink);
    // --overwrite clears the whole study before its first run, so a stop half way leaves no
    // condition of the old study beside the new one.
    if (start.mode == StartMode::Overwrite)
        for (size_t i = 0; i < runs.size(); ++i)
            clearRunFolder(std::filesystem::path(runStudies[i]->study.out) / runs[i].tag);
    const bool anyRuns = std::any_of(runs.begin(), runs.end(), [](const ClaimedRun& r) {
        return r.plan.action != StartPlan::Action::Finished;
    });
    if (anyRuns) {
        // One seed: the configuration the runs used (train.seed from a one-entry study.seeds).
        saveConfigFile(isMultiSeed(config) ? config : studies.front(), std::filesystem::path(config.study.out) / "config.json");
        // Each seed's folder is a complete study of its own (summary and the app open it alone).
        if (isMultiSeed(config))
            for (const StudyConfig& study : studies)
                saveConfigFile(study, std::filesystem::path(study.study.out) / "config.json");
    }

    // Seed by seed: a study stopped half way has whole seeds to compare.
    std::vector<RunFinished> finished;
    for (size_t i = 0; i < runs.size(); ++i) {
        if (cancel && cancel->cancelled())
            break;
        bool skipped = false;
        RunFinished done = runCondition(*runStudies[i], data, runs[i], sink, cancel, start.initialWeights, &skipped);
        if (!skipped)
            finished.push_back(done);
    }
    return finished;
}

} // namespace qks
