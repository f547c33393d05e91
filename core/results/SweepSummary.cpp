#include "results/SweepSummary.h"

#include "config/SweepGrid.h"
#include "results/SeedSummary.h"
#include "results/StudyFolder.h"
#include "results/Summary.h"

#include <cmath>

namespace qks {

const std::vector<std::string>& sweepMetricNames()
{
    static const std::vector<std::string> names = {"min_pr",         "final_pr", "recovery", "min_pr_tokens",
                                                   "final_val_loss", "init_pr",  "final_loss"};
    return names;
}

namespace {

// A metric of one run, recovery included.
std::optional<double> metricOf(const ConditionSummary& s, const std::string& metric)
{
    if (metric == "recovery") {
        if (!s.final_pr || !s.min_pr)
            return std::nullopt;
        return *s.final_pr - *s.min_pr;
    }
    return seedMetricValue(s, metric);
}

} // namespace

std::vector<SweepPointSummary> summarizeSweep(const std::filesystem::path& dir)
{
    std::vector<SweepPointSummary> out;
    for (auto& [point, folder] : sweepFolders(dir)) {
        SweepPointSummary p;
        p.name = point.name;
        p.assignments = point.assignments;
        p.folder = folder;
        // The point is a study of one seed or of several.
        std::vector<std::filesystem::path> studies;
        for (const auto& [seed, seedFolder] : seedFolders(folder))
            studies.push_back(seedFolder);
        if (studies.empty())
            studies.push_back(folder);
        std::map<std::string, std::map<std::string, std::vector<double>>> values; // tag → metric → per seed
        std::error_code ec;
        for (const auto& study : studies) {
            if (!std::filesystem::is_directory(study, ec))
                continue;
            for (const StudyEntry& e : listStudy(study)) {
                if (!e.ok())
                    continue;
                p.ran = true;
                const ConditionSummary s = summarizeRun(*e.results);
                for (const std::string& metric : sweepMetricNames())
                    if (const auto v = metricOf(s, metric); v && std::isfinite(*v))
                        values[e.tag][metric].push_back(*v);
            }
        }
        for (const auto& [tag, byMetric] : values)
            for (const std::string& metric : sweepMetricNames()) {
                const auto it = byMetric.find(metric);
                p.metrics[tag][metric] = it == byMetric.end() ? std::nullopt : estimate(it->second);
            }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace qks
