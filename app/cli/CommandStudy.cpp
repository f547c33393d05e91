#include "Commands.h"

#include "ProgressPrinter.h"
#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/SeedStudies.h"
#include "config/SweepGrid.h"
#include "config/Validation.h"
#include "results/SeedSummary.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"
#include "train/Study.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <unistd.h>

namespace qks::cli {

namespace {

CancelToken* g_interrupt = nullptr;

// A second Ctrl-C or SIGTERM ends the process at once, for a micro-step that takes long to
// reach its end. Checkpoints and results.json are replaced by rename, so whatever was last
// written whole survives; the lock goes with the process.
extern "C" void onSecondInterrupt(int)
{
    static const char msg[] = "\nqkstudio-cli: second interrupt: stopped at once; the checkpoints and "
                              "results.json written so far are kept (continue with --resume from the newest "
                              "checkpoint; a run stopped before its first one starts again with --overwrite)\n";
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    ::_exit(kExitCancelled);
}

extern "C" void onInterrupt(int signal)
{
    if (g_interrupt)
        g_interrupt->cancel(); // lock-free atomic store: safe in a signal handler
    std::signal(signal, onSecondInterrupt);
    std::signal(signal == SIGINT ? SIGTERM : SIGINT, onSecondInterrupt);
}

// Routes SIGINT/SIGTERM to `token` for its lifetime, also when the study throws.
class InterruptScope {
public:
    explicit InterruptScope(CancelToken& token)
    {
        g_interrupt = &token;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptScope()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        g_interrupt = nullptr;
    }
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

// The shared options of study and train on top of --preset/--config/--set.
StudyConfig studyConfigFromArgs(const CliArgs& args)
{
    StudyConfig config = configFromArgs(args, "tiny-cpu");
    if (const auto v = args.value("out"))
        config.study.out = *v;
    if (const auto v = args.value("data"))
        config.data.path = *v;
    if (const auto v = args.value("device"))
        config.train.device = *v;
    if (args.has("seed") && args.has("seeds"))
        throw UsageError("--seed trains one seed and --seeds several: give one");
    if (args.has("seed")) {
        config.train.seed = args.intValueOr("seed", config.train.seed);
        config.study.seeds.clear();
    }
    if (const auto v = args.value("seeds"))
        applyConfigOverride(config, "study.seeds=" + *v);
    if (args.has("extend-tokens"))
        config.train.tokens = args.intValueOr("extend-tokens", config.train.tokens);
    return config;
}

// How the runs begin: --resume, --resume-or-start, --overwrite, --extend-tokens, --init.
StudyStart studyStartFromArgs(const CliArgs& args)
{
    const bool resume = args.has("resume") || args.has("resume-or-start");
    const std::filesystem::path init = args.valueOr("init", "");
    if (args.has("resume") && args.has("resume-or-start"))
        throw UsageError("--resume-or-start includes --resume: give one");
    if (resume && !init.empty())
        throw UsageError("--resume continues a run's own checkpoint; --init starts a new run from weights: use one");
    if (resume && args.has("overwrite"))
        throw UsageError("--resume continues the runs in the output folder; --overwrite deletes them: use one");
    if (args.has("extend-tokens") && !resume)
        throw UsageError("--extend-tokens trains a run on past its train.tokens: use it with --resume");
    return {.mode = resume ? StartMode::Resume : args.has("overwrite") ? StartMode::Overwrite : StartMode::Fresh,
            .initialWeights = init,
            .extendTokens = args.has("extend-tokens"),
            .requireRunToResume = args.has("resume")};
}

// `tag`: train's one condition (runStudyCondition, which leaves the study's config.json alone);
// empty for study, every configured condition.
int runConfiguredStudy(const StudyConfig& config, const CliArgs& args, const std::string& tag = {})
{
    requireValidConfig(config);
    auto cancel = std::make_shared<CancelToken>();
    ProgressPrinter printer(args.has("quiet"));
    const StudyStart start = studyStartFromArgs(args);
    std::vector<RunFinished> runs;
    {
        const InterruptScope interrupts(*cancel);
        if (tag.empty())
            runs = runStudy(config, std::ref(printer), cancel, start);
        else
            runs.push_back(runStudyCondition(config, tag, std::ref(printer), cancel, start));
    }

    if (!config.study.sweep.empty()) {
        std::cout << "\nsweep of " << sweepPointCount(config) << " points; each point's summary: qkstudio-cli summary "
                  << config.study.out << "\nresults: " << config.study.out << "/<key>=<value>,…/"
                  << (isMultiSeed(config) ? "seed_<n>/" : "") << "<condition>/results.json (configuration in "
                  << config.study.out << "/config.json)\n";
    } else if (isMultiSeed(config)) {
        const MultiSeedSummary summary = summarizeSeeds(seedFolders(config.study.out));
        if (!summary.tags.empty())
            std::cout << "\n" << formatMultiSeedTable(summary) << "\n";
        std::cout << "results: " << config.study.out << "/seed_<n>/<condition>/results.json (configuration in "
                  << config.study.out << "/config.json)\n";
    } else {
        std::vector<ConditionSummary> rows;
        for (const StudyEntry& entry : listStudy(config.study.out))
            if (entry.ok())
                rows.push_back(summarizeRun(*entry.results));
        std::cout << "\n" << formatSummaryTable(rows) << "\n";
        if (tag.empty())
            std::cout << "results: " << config.study.out << "/<condition>/results.json (configuration in "
                      << config.study.out << "/config.json)\n";
        else
            std::cout << "results: " << (std::filesystem::path(config.study.out) / tag / "results.json").string()
                      << " (configuration in " << (std::filesystem::path(config.study.out) / tag / "run.json").string()
                      << ")\n";
    }
    bool diverged = false;
    for (const auto& run : runs)
        diverged = diverged || run.errorKind == ErrorKind::Diverged;
    if (diverged)
        return kExitDiverged;
    if (cancel->cancelled())
        return kExitCancelled;
    return kExitOk;
}

const std::vector<std::string> kStudyOptions = {"preset", "config", "set",       "out",
                                                "data",   "device", "seed",      "seeds",     "quiet",
                                                "resume", "resume-or-start", "overwrite", "init",
                                                "extend-tokens"};

} // namespace

int runStudy(const CliArgs& args)
{
    auto known = kStudyOptions;
    known.push_back("conditions");
    args.allowOnly(known);
    StudyConfig config = studyConfigFromArgs(args);
    if (const auto v = args.value("conditions"))
        applyConfigOverride(config, "study.conditions=" + *v);
    return runConfiguredStudy(config, args);
}

int runTrain(const CliArgs& args)
{
    auto known = kStudyOptions;
    known.push_back("condition");
    args.allowOnly(known);
    const auto condition = args.value("condition");
    if (!condition)
        throw UsageError("train needs --condition QK, QK_frozen or NoQK");
    StudyConfig config = studyConfigFromArgs(args);
    if (!config.study.sweep.empty())
        throw UsageError("train runs one condition of one study: study.sweep lists a grid; use study for a sweep");
    if (isMultiSeed(config))
        throw UsageError("train runs one condition of one seed: give --seed N (study.seeds lists " +
                         std::to_string(config.study.seeds.size()) + "), or use study --seeds for all of them");
    // The run's condition belongs to the study; the study's list itself is left as configured.
    if (std::find(config.study.conditions.begin(), config.study.conditions.end(), *condition) ==
        config.study.conditions.end())
        config.study.conditions.push_back(*condition);
    return runConfiguredStudy(config, args, *condition);
}

} // namespace qks::cli
