#include "Commands.h"

#include "common/Error.h"
#include "results/SeedSummary.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

// `summary DIR [--json]`: the report's table (initial, minimum and final mean PR, final losses)
// for every condition under a study folder, or for one condition folder; for a folder of
// seed_<n> studies, each metric as mean ± 95% interval over the seeds, and the effects
// paired by seed. Conditions that fail
// to load are listed after the table; the command fails only when none loaded.
int runSummary(const CliArgs& args)
{
    namespace fs = std::filesystem;
    args.allowOnly({"json"});
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one folder: a study folder with one subfolder per condition, "
                         "or a condition folder holding results.json");
    const fs::path dir = args.positionals().front();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw UsageError(dir.string() + " is not a folder");

    // A folder of seed_<n> studies: each condition's metrics as mean ± 95% interval over seeds.
    if (const auto seeds = seedFolders(dir); !seeds.empty()) {
        const MultiSeedSummary s = summarizeSeeds(seeds);
        for (const std::string& w : s.warnings)
            std::cerr << "warning: " << w << "\n";
        if (args.has("json")) {
            nlohmann::ordered_json out = {{"study", dir.string()}};
            out.update(multiSeedSummaryToJson(s));
            nlohmann::ordered_json failures = nlohmann::ordered_json::array();
            for (const StudyEntry& e : s.failed)
                failures.push_back({{"tag", e.tag}, {"folder", e.folder.string()}, {"error", e.error}});
            out["failed"] = failures;
            std::cout << out.dump(2) << "\n";
        } else {
            if (!s.tags.empty())
                std::cout << formatMultiSeedTable(s);
            for (const StudyEntry& e : s.failed)
                std::cerr << "not loaded: " << e.folder.string() << ": " << e.error << "\n";
        }
        if (s.tags.empty())
            throw DataError("no results.json in the seed folders of " + dir.string());
        return kExitOk;
    }

    const std::vector<StudyEntry> entries = listStudy(dir);
    if (entries.empty())
        throw DataError("no results.json in " + dir.string() + " or its subfolders; point summary at the study "
                        "folder a run wrote (e.g. runs/study) or at one condition inside it");

    std::vector<ConditionSummary> rows;
    std::vector<const StudyEntry*> failed;
    for (const auto& e : entries) {
        if (e.ok())
            rows.push_back(summarizeRun(*e.results));
        else
            failed.push_back(&e);
    }

    for (const auto& e : entries)
        if (!e.warning.empty())
            std::cerr << "warning: " << e.warning << "\n";
    if (args.has("json")) {
        nlohmann::ordered_json failures = nlohmann::ordered_json::array();
        for (const StudyEntry* e : failed)
            failures.push_back({{"tag", e->tag}, {"folder", e->folder.string()}, {"error", e->error}});
        nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
        for (const auto& e : entries)
            if (!e.warning.empty())
                warnings.push_back({{"tag", e.tag}, {"folder", e.folder.string()}, {"warning", e.warning}});
        const nlohmann::ordered_json out = {{"study", dir.string()},
                                            {"conditions", summaryToJson(rows)},
                                            {"failed", failures},
                                            {"warnings", warnings}};
        std::cout << out.dump(2) << "\n";
    } else {
        if (!rows.empty())
            std::cout << formatSummaryTable(rows);
        for (const StudyEntry* e : failed)
            std::cerr << "not loaded: " << e->tag << ": " << e->error << "\n";
    }
    return rows.empty() ? kExitData : kExitOk;
}

} // namespace qks::cli
