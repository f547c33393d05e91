// qkstudio-cli: the headless front end. Parses the subcommand, runs it, and maps core
// errors to the exit codes promised in docs/cli.md. Commands live in their own files.
#include "Commands.h"

#include "common/Error.h"

#include <cstdio>
#include <exception>
#include <iostream>

namespace {

void printHelp()
{
    std::cout << "qkstudio-cli — attention-key rank collapse under QK-Norm, headless\n\n"
                 "usage: qkstudio-cli COMMAND [options]\n\ncommands:\n";
    for (const auto& c : qks::cli::commands())
        std::printf("  %s\n      %s\n", c.usage, c.summary);
    std::cout << "\nqkstudio-cli COMMAND --help prints that command's options.\n"
                 "config-taking commands accept --preset P, --config FILE and repeatable --set section.key=value.\n"
                 "exit codes: 0 done, 2 usage or config error, 3 data error, 4 diverged (results so far kept),\n"
                 "5 out of memory, 1 other failures (an unwritable output folder, a full disk), 130 interrupted.\n";
}

// `qkstudio-cli COMMAND --help`: the command's usage, what it does and every option.
void printCommandHelp(const qks::cli::Command& c)
{
    std::printf("usage: qkstudio-cli %s\n\n%s\n\noptions:\n%s", c.usage, c.summary, c.options);
    std::cout << "\nexit codes: 0 done, 2 usage or config error, 3 data error, 4 diverged, 5 out of memory,\n"
                 "1 other failures, 130 interrupted (docs/cli.md).\n";
}

bool asksForHelp(const std::vector<std::string>& args)
{
    for (const auto& a : args)
        if (a == "--help" || a == "-h")
            return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.size() == 2 && all[0] == "help") { // `help study` as `study --help`
        for (const auto& command : qks::cli::commands())
            if (all[1] == command.name) {
                printCommandHelp(command);
                return qks::cli::kExitOk;
            }
        std::cerr << "qkstudio-cli: unknown command \"" << all[1] << "\" (see qkstudio-cli help)\n";
        return qks::cli::kExitUsage;
    }
    if (all.empty() || all[0] == "help" || all[0] == "--help" || all[0] == "-h") {
        printHelp();
        return all.empty() ? qks::cli::kExitUsage : qks::cli::kExitOk;
    }
    const std::string name = all[0];
    for (const auto& command : qks::cli::commands()) {
        if (name != command.name)
            continue;
        if (asksForHelp({all.begin() + 1, all.end()})) {
            printCommandHelp(command);
            return qks::cli::kExitOk;
        }
        try {
            const qks::cli::CliArgs args({all.begin() + 1, all.end()}, command.switches);
            args.allowPositionals(command.positionals);
            return command.run(args);
        } catch (const qks::Error& e) {
            std::cerr << "qkstudio-cli " << name << ": " << e.what() << "\n";
            if (e.kind() == qks::ErrorKind::Usage)
                std::cerr << "usage: qkstudio-cli " << command.usage << "\n";
            return qks::exitCodeFor(e.kind());
        } catch (const std::exception& e) {
            std::cerr << "qkstudio-cli " << name << ": unexpected error: " << e.what() << "\n";
            return qks::cli::kExitFailure;
        }
    }
    std::cerr << "qkstudio-cli: unknown command \"" << name << "\" (see qkstudio-cli help)\n";
    return qks::cli::kExitUsage;
}
