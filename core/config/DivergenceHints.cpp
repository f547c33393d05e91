#include "config/DivergenceHints.h"

#include <cstdio>
#include <vector>

namespace qks {

namespace {

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

std::string divergenceHint(const StudyConfig& config, bool firstStep)
{
    const StudyConfig published;
    struct Setting {
        const char* name;
        double value;
        double studyValue;
        bool atInit; // matters before the first update
    };
    const std::vector<Setting> settings = {
        {"model.init_std", config.model.init_std, published.model.init_std, true},
        {"train.weight_decay", config.train.weight_decay, published.train.weight_decay, false},
        {"train.muon_lr", config.train.muon_lr, published.train.muon_lr, false},
        {"train.adamw_lr", config.train.adamw_lr, published.train.adamw_lr, false},
        {"train.adamw_eps", config.train.adamw_eps, published.train.adamw_eps, false},
        {"train.grad_clip", config.train.grad_clip, published.train.grad_clip, false},
        {"train.muon_momentum", config.train.muon_momentum, published.train.muon_momentum, false},
        {"train.adamw_beta1", config.train.adamw_beta1, published.train.adamw_beta1, false},
        {"train.adamw_beta2", config.train.adamw_beta2, published.train.adamw_beta2, false},
    };
    std::string changed;
    for (const Setting& s : settings) {
        if (s.value == s.studyValue || (firstStep && !s.atInit))
            continue;
        changed += (changed.empty() ? "" : ", ") + std::string(s.name) + " = " + number(s.value) + " (the study's " +
                   number(s.studyValue) + ")";
    }
    if (firstStep)
        return changed.empty() ? "It came from the initial weights, before any update: check the token data."
                               : "It came from the initial weights, before any update: " + changed + ".";
    if (!changed.empty())
        return "Settings that differ from the published study's and can make training diverge: " + changed + ".";
    return "Lower train.muon_lr / train.adamw_lr or keep train.grad_clip on.";
}

} // namespace qks
