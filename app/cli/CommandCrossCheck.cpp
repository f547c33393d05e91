#include "Commands.h"

#include "common/Error.h"
#include "train/DeviceCrossCheck.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

int runCrossCheck(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"device", "against", "steps", "json"});
    args.allowOnly(known);
    StudyConfig config = configFromArgs(args, "tiny-cpu");
    const int64_t steps = args.intValueOr("steps", 8);
    if (steps < 1)
        throw UsageError("--steps must be at least 1");
    const CrossCheckReport r =
        crossCheckDevices(config, args.valueOr("device", "auto"), args.valueOr("against", "cpu"), steps);

    if (args.has("json")) {
        nlohmann::ordered_json j;
        j["candidate"] = r.candidate;
        j["reference"] = r.reference;
        j["candidate_bf16_autocast"] = r.candidateAutocast;
        j["candidate_cuda_graph"] = r.candidateCudaGraph;
        j["candidate_losses"] = r.candidateLosses;
        j["reference_losses"] = r.referenceLosses;
        j["max_loss_relative_difference"] = r.maxLossRelativeDifference;
        j["candidate_initial_mean_pr"] = r.candidateInitialPr;
        j["reference_initial_mean_pr"] = r.referenceInitialPr;
        j["pr_relative_difference"] = r.prRelativeDifference;
        j["tolerance"] = r.tolerance;
        j["agree"] = r.agree;
        std::cout << j.dump(2) << "\n";
    } else {
        std::printf("candidate  %s%s%s\nreference  %s\n", r.candidate.c_str(), r.candidateAutocast ? " (bf16 autocast)" : "",
                    r.candidateCudaGraph ? " (CUDA graph)" : "", r.reference.c_str());
        std::printf("step  candidate loss  reference loss  relative difference\n");
        for (size_t i = 0; i < r.candidateLosses.size(); ++i) {
            const double a = r.candidateLosses[i], b = r.referenceLosses[i];
            std::printf("%4zu  %14.6f  %14.6f  %.2e\n", i, a, b, std::abs(a - b) / std::max(std::abs(a), std::abs(b)));
        }
        std::printf("initial mean key PR  %.6f vs %.6f (relative difference %.2e)\n", r.candidateInitialPr,
                    r.referenceInitialPr, r.prRelativeDifference);
        std::printf("%s: largest relative difference %.2e, tolerance %.0e\n", r.agree ? "AGREE" : "DISAGREE",
                    std::max(r.maxLossRelativeDifference, r.prRelativeDifference), r.tolerance);
    }
    return r.agree ? kExitOk : kExitFailure;
}

} // namespace qks::cli
