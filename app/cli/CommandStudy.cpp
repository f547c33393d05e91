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

extern "C" void onInterrupt(int)
{
    if (g_interrupt)
        g_interrupt->cancel(); // lock-free atomic store: safe in a signal handler
}

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

int runConfiguredStudy(const StudyConfig& config, bool quiet)
{
    requireValidConfig(config);
    auto cancel = std::make_shared<CancelToken>();
    g_interrupt = cancel.get();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ProgressPrinter printer(quiet);
    const auto runs = runStudy(config, std::ref(printer), cancel);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_interrupt = nullptr;

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

const std::vector<std::string> kStudyOptions = {"preset", "config", "set", "out", "data", "device", "seed", "quiet"};

} // namespace

int runStudy(const CliArgs& args)
{
    auto known = kStudyOptions;
    known.push_back("conditions");
    args.allowOnly(known);
    StudyConfig config = studyConfigFromArgs(args);
    if (const auto v = args.value("conditions"))
        applyConfigOverride(config, "study.conditions=" + *v);
    return runConfiguredStudy(config, args.has("quiet"));
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
    return runConfiguredStudy(config, args.has("quiet"));
}

} // namespace qks::cli
