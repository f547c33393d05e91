#pragma once

#include "CliArgs.h"
#include "common/Error.h"

#include <string>
#include <vector>

namespace qks::cli {

// One subcommand of qkstudio-cli. `run` returns the process exit code and may throw
// qks::Error, which main turns into a message and the matching exit code.
struct Command {
    const char* name;
    const char* usage;   // one line: "summary DIR [--json]"
    const char* summary; // what it does
    const char* options; // one line per option, for `qkstudio-cli COMMAND --help`
    std::vector<std::string> switches; // options without a value
    int (*run)(const CliArgs& args);
    size_t positionals = 0; // arguments without -- it takes (inspect's DIR, summary's DIR)
};

// Every command, in the order `qkstudio-cli help` lists them. Defined in Commands.cpp.
const std::vector<Command>& commands();

// Exit codes promised in docs/cli.md ("Progress, Ctrl-C and exit codes").
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,    // usage or config error
    kExitData = 3,     // data error
    kExitDiverged = 4, // NaN/Inf loss; results so far kept
    kExitOutOfMemory = 5,
    kExitCancelled = 130,
};
// The core's error kinds map onto the same codes (qks::exitCodeFor, shared with qkstudio --run).
static_assert(exitCodeFor(ErrorKind::Config) == kExitUsage && exitCodeFor(ErrorKind::Usage) == kExitUsage);
static_assert(exitCodeFor(ErrorKind::Data) == kExitData && exitCodeFor(ErrorKind::Diverged) == kExitDiverged);
static_assert(exitCodeFor(ErrorKind::OutOfMemory) == kExitOutOfMemory);
static_assert(exitCodeFor(ErrorKind::Cancelled) == kExitCancelled && exitCodeFor(ErrorKind::Io) == kExitFailure);

// Each command lives in its own file as `int runX(const CliArgs&)`.
int runConfig(const CliArgs& args);
int runParams(const CliArgs& args);
int runSummary(const CliArgs& args);
int runPrepare(const CliArgs& args);
int runInspect(const CliArgs& args);
int runStudy(const CliArgs& args);
int runTrain(const CliArgs& args);
int runInit(const CliArgs& args);
int runProbe(const CliArgs& args);
int runEval(const CliArgs& args);
int runTokenize(const CliArgs& args);
int runBench(const CliArgs& args);
int runCrossCheck(const CliArgs& args);

} // namespace qks::cli
