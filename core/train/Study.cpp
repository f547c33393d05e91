#include "train/Study.h"

#include "config/ConfigJson.h"
#include "config/Validation.h"
#include "data/TokenDataset.h"
#include "config/RunPlan.h"
#include "train/Checkpoint.h"
#include "train/Trainer.h"

#include <algorithm>
#include <chrono>

namespace qks {

namespace {

// One condition on an opened dataset; the body of the study's loop.
RunFinished runCondition(const StudyConfig& config, const TokenDataset& data, const std::string& tag,
                         const EventSink& sink, const std::shared_ptr<CancelToken>& cancel, bool resume,
                         const std::filesystem::path& initialWeights, bool* skipped)
{
    const std::filesystem::path out = config.study.out;
    const int64_t lastStep = makeRunPlan(config).microSteps;
    const Condition condition = *conditionForTag(tag);
    RunFinished done;
    done.tag = tag;
    done.resultsPath = out / tag / "results.json";
    *skipped = false;
    Trainer trainer(config, condition, data, done.resultsPath, sink, cancel);
    if (!initialWeights.empty())
        trainer.setInitialWeights(initialWeights);
    if (resume) {
        const auto checkpoints = listCheckpoints(out / tag / "checkpoints");
        if (!checkpoints.empty()) {
            if (checkpointMicroStep(checkpoints.back()) >= lastStep) {
                if (sink)
                    sink(LogEvent{tag, "already finished (" + checkpoints.back().string() + "); skipped"});
                *skipped = true;
                done.completed = true;
                return done;
            }
            trainer.setResumeFrom(checkpoints.back());
        }
    }
    const auto start = std::chrono::steady_clock::now();
    auto report = [&](ErrorKind kind, const std::string& message) {
        done.errorKind = kind;
        done.error = message;
        done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
        done.error = e.what();
    } catch (const Error& e) {
        report(e.kind(), e.what());
        throw;
    } catch (const std::exception& e) {
        // LibTorch reports allocation failures as c10::Error with this text.
        const std::string what = e.what();
        if (what.find("out of memory") != std::string::npos || what.find("DefaultCPUAllocator") != std::string::npos) {
            const std::string message = tag + ": out of memory. Lower train.batch_size (and raise "
                                        "train.gradient_accumulation_steps to keep the tokens per step), or use a "
                                        "smaller model. Results up to the last probe are kept in " + done.resultsPath.string() + ".";
            report(ErrorKind::OutOfMemory, message);
            throw OutOfMemoryError(message);
        }
        report(ErrorKind::Internal, what);
        throw;
    }
    done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (sink)
        sink(done);
    return done;
}

} // namespace

RunFinished runStudyCondition(const StudyConfig& config, const std::string& tag, const EventSink& sink,
                              std::shared_ptr<CancelToken> cancel, bool resume)
{
    requireValidConfig(config);
    if (std::find(config.study.conditions.begin(), config.study.conditions.end(), tag) == config.study.conditions.end())
        throw ConfigError("condition " + tag + " is not in study.conditions");
    const TokenDataset data = TokenDataset::open(config.data.path, config.model.max_seq_len, config.model.vocab_size);
    bool skipped = false;
    return runCondition(config, data, tag, sink, cancel, resume, {}, &skipped);
}

std::vector<RunFinished> runStudy(const StudyConfig& config, const EventSink& sink, std::shared_ptr<CancelToken> cancel,
                                  bool resume, const std::filesystem::path& initialWeights)
{
    requireValidConfig(config);
    const TokenDataset data = TokenDataset::open(config.data.path, config.model.max_seq_len, config.model.vocab_size);
    saveConfigFile(config, std::filesystem::path(config.study.out) / "config.json");

    std::vector<RunFinished> finished;
    for (const std::string& tag : config.study.conditions) {
        if (cancel && cancel->cancelled())
            break;
        bool skipped = false;
        RunFinished done = runCondition(config, data, tag, sink, cancel, resume, initialWeights, &skipped);
        if (!skipped)
            finished.push_back(done);
    }
    return finished;
}

} // namespace qks
