#include "Commands.h"

#include "common/Error.h"
#include "config/SweepGrid.h"
#include "results/SeedSummary.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// One folder's summary: its JSON, its table, and whether anything loaded.
struct FolderSummary {
    ordered_json json;
    std::string table;
    std::vector<std::string> problems; // for stderr
    bool loaded = false;
};

// A folder of seed_<n> studies: each condition's metrics as mean ± 95% interval over the seeds.
FolderSummary seedsSummary(const fs::path& dir, const std::vector<std::pair<int64_t, fs::path>>& seeds)
{
    FolderSummary out;
    const MultiSeedSummary s = summarizeSeeds(seeds);
    for (const std::string& w : s.warnings)
        out.problems.push_back("warning: " + w);
    out.json = {{"study", dir.string()}};
    out.json.update(multiSeedSummaryToJson(s));
    ordered_json failures = ordered_json::array();
    for (const StudyEntry& e : s.failed) {
        failures.push_back({{"tag", e.tag}, {"folder", e.folder.string()}, {"error", e.error}});
        out.problems.push_back("not loaded: " + e.folder.string() + ": " + e.error);
    }
    out.json["failed"] = failures;
    if (!s.tags.empty())
        out.table = formatMultiSeedTable(s);
    out.loaded = !s.tags.empty();
    return out;
}

// A study folder (one subfolder per condition) or one condition folder.
FolderSummary studySummary(const fs::path& dir)
{
    FolderSummary out;
    const std::vector<StudyEntry> entries = listStudy(dir);
    std::vector<ConditionSummary> rows;
    ordered_json failures = ordered_json::array(), warnings = ordered_json::array();
    for (const auto& e : entries) {
        if (e.ok()) {
            rows.push_back(summarizeRun(*e.results));
        } else {
            failures.push_back({{"tag", e.tag}, {"folder", e.folder.string()}, {"error", e.error}});
            out.problems.push_back("not loaded: " + e.tag + ": " + e.error);
        }
        if (!e.warning.empty()) {
            warnings.push_back({{"tag", e.tag}, {"folder", e.folder.string()}, {"warning", e.warning}});
            out.problems.push_back("warning: " + e.warning);
        }
    }
    out.json = {{"study", dir.string()}, {"conditions", summaryToJson(rows)}, {"failed", failures}, {"warnings", warnings}};
    if (!rows.empty())
        out.table = formatSummaryTable(rows);
    out.loaded = !rows.empty();
    return out;
}

FolderSummary anySummary(const fs::path& dir)
{
    if (const auto seeds = seedFolders(dir); !seeds.empty())
        return seedsSummary(dir, seeds);
    return studySummary(dir);
}

} // namespace

// `summary DIR [--json]`: the report's table (initial, minimum and final mean PR, final losses)
// for every condition under a study folder, or for one condition folder; for a folder of
// seed_<n> studies, each metric as mean ± 95% interval over the seeds, and the effects paired
// by seed; for a sweep, that for each point. Conditions that fail to load are listed after the
// table; the command fails only when none loaded.
int runSummary(const CliArgs& args)
{
    args.allowOnly({"json"});
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one folder: a study folder with one subfolder per condition, "
                         "or a condition folder holding results.json");
    const fs::path dir = args.positionals().front();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw UsageError(dir.string() + " is not a folder");

    std::vector<std::pair<SweepPoint, fs::path>> points;
    try {
        points = sweepFolders(dir);
    } catch (const ConfigError& e) {
        std::cerr << "warning: " << e.what() << "; summarizing what the folder holds without it\n";
    }
    if (!points.empty()) {
        ordered_json all = ordered_json::array();
        bool any = false;
        for (const auto& [point, folder] : points) {
            ordered_json assignments = ordered_json::object();
            for (const auto& [key, value] : point.assignments)
                assignments[key] = ordered_json::parse(value);
            if (!fs::is_directory(folder, ec)) {
                all.push_back({{"point", point.name}, {"values", assignments}, {"summary", nullptr}});
                if (!args.has("json"))
                    std::cout << "== " << point.name << ": not run yet\n\n";
                continue;
            }
            const FolderSummary s = anySummary(folder);
            any = any || s.loaded;
            for (const std::string& p : s.problems)
                std::cerr << point.name << ": " << p << "\n";
            all.push_back({{"point", point.name}, {"values", assignments}, {"summary", s.loaded ? s.json : ordered_json()}});
            if (!args.has("json"))
                std::cout << "== " << point.name << "\n" << (s.loaded ? s.table : std::string("no results yet\n")) << "\n";
        }
        if (args.has("json"))
            std::cout << ordered_json{{"sweep", dir.string()}, {"points", all}}.dump(2) << "\n";
        if (!any)
            throw DataError("no point of the sweep in " + dir.string() + " has results yet");
        return kExitOk;
    }

    const bool seeds = !seedFolders(dir).empty();
    if (!seeds && listStudy(dir).empty())
        throw DataError("no results.json in " + dir.string() + " or its subfolders; point summary at the study "
                        "folder a run wrote (e.g. runs/study) or at one condition inside it");
    const FolderSummary s = anySummary(dir);
    for (const std::string& p : s.problems)
        std::cerr << p << "\n";
    if (args.has("json"))
        std::cout << s.json.dump(2) << "\n";
    else
        std::cout << s.table;
    if (seeds && !s.loaded)
        throw DataError("no results.json in the seed folders of " + dir.string());
    return s.loaded ? kExitOk : kExitData;
}

} // namespace qks::cli
