#include "Commands.h"

#include "ProgressPrinter.h"
#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/Validation.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"
#include "train/Study.h"

#include <csignal>
#include <iostream>

namespace qks::cli {

namespace {

CancelToken* g_interrupt = nullptr;

extern "C" void onInterrupt(int signal)
{
    if (g_interrupt)
        g_interrupt->cancel(); // lock-free atomic store: safe in a signal handler
    std::signal(signal, SIG_DFL); // a second Ctrl-C ends a run that does not stop
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
    if (args.has("seed"))
        config.train.seed = args.intValueOr("seed", config.train.seed);
    return config;
}

int runConfiguredStudy(const StudyConfig& config, const CliArgs& args)
{
    requireValidConfig(config);
    auto cancel = std::make_shared<CancelToken>();
    ProgressPrinter printer(args.has("quiet"));
    const bool resume = args.has("resume");
    const std::filesystem::path init = args.valueOr("init", "");
    if (resume && !init.empty())
        throw UsageError("--resume continues a run's own checkpoint; --init starts a new run from weights: use one");
    if (resume && args.has("overwrite"))
        throw UsageError("--resume continues the runs in the output folder; --overwrite deletes them: use one");
    const StartMode mode = resume ? StartMode::Resume : args.has("overwrite") ? StartMode::Overwrite : StartMode::Fresh;
    std::vector<RunFinished> runs;
    {
        const InterruptScope interrupts(*cancel);
        runs = runStudy(config, std::ref(printer), cancel, {.mode = mode, .initialWeights = init});
    }

    std::vector<ConditionSummary> rows;
    for (const StudyEntry& entry : listStudy(config.study.out))
        if (entry.ok())
            rows.push_back(summarizeRun(*entry.results));
    std::cout << "\n" << formatSummaryTable(rows) << "\n";
    std::cout << "results: " << config.study.out << "/<condition>/results.json (configuration in " << config.study.out
              << "/config.json)\n";
    bool diverged = false;
    for (const auto& run : runs)
        diverged = diverged || run.errorKind == ErrorKind::Diverged;
    if (diverged)
        return kExitDiverged;
    if (cancel->cancelled())
        return kExitCancelled;
    return kExitOk;
}

const std::vector<std::string> kStudyOptions = {"preset", "config", "set",   "out",       "data", "device",
                                                "seed",   "quiet",  "resume", "overwrite", "init"};

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
    config.study.conditions = {*condition};
    return runConfiguredStudy(config, args);
}

} // namespace qks::cli
