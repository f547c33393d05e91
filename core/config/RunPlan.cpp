#include "config/RunPlan.h"

namespace qks {

RunPlan makeRunPlan(const StudyConfig& c)
{
    RunPlan plan;
    plan.tokensPerMicroStep = c.train.batch_size * c.model.max_seq_len;
    const int64_t perOptimizerStep = plan.tokensPerMicroStep * c.train.gradient_accumulation_steps;
    if (plan.tokensPerMicroStep <= 0 || perOptimizerStep <= 0 || c.probe.every <= 0)
        return plan;
    // The published loop trains while tokens < target, counting micro-batches: the last
    // micro-step is the first to reach the target, rounded up to a whole optimizer step.
    const int64_t accum = c.train.gradient_accumulation_steps;
    const int64_t micro = (c.train.tokens + plan.tokensPerMicroStep - 1) / plan.tokensPerMicroStep;
    plan.optimizerSteps = (micro + accum - 1) / accum;
    plan.microSteps = plan.optimizerSteps * accum;

    plan.probeSteps.push_back(0);
    const bool early = c.probe.early_every > 0 && c.probe.early_until > 0;
    int64_t step = 0;
    while (true) {
        int64_t next;
        if (early && step < c.probe.early_until)
            next = step + c.probe.early_every;
        else
            next = (step / c.probe.every + 1) * c.probe.every;
        if (next > plan.microSteps)
            break;
        plan.probeSteps.push_back(next);
        step = next;
    }
    if (c.probe.at_end && plan.probeSteps.back() != plan.microSteps)
        plan.probeSteps.push_back(plan.microSteps);
    return plan;
}

} // namespace qks
