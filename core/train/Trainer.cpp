#include "train/Trainer.h"

#include "common/Elapsed.h"
#include "common/FaultInjection.h"
#include "config/ConfigJson.h"
#include "config/DivergenceHints.h"
#include "probe/KeyProbe.h"
#include "results/ResultsJson.h"
#include "train/BatchOrder.h"
#include "train/Checkpoint.h"
#include "train/Device.h"
#include "train/EvalBatches.h"
#include "train/ProbeRecorder.h"
#include "train/Resume.h"
#include "train/TrainingSetup.h"

#include <cmath>
#include <torch/torch.h>

namespace qks {

namespace {

// (B, T) int64 batch of the given training sequences, on `device`.
torch::Tensor trainingBatch(const TokenDataset& data, const std::vector<int64_t>& indices, const torch::Device& device)
{
    const int64_t T = data.seqLen();
    auto batch = torch::empty({static_cast<int64_t>(indices.size()), T}, torch::kLong);
    int64_t* out = batch.data_ptr<int64_t>();
    for (size_t i = 0; i < indices.size(); ++i)
        data.copyTrainSequence(indices[i], out + static_cast<int64_t>(i) * T);
    return batch.to(device);
}

} // namespace

// What run() sets up and the loop's steps share.
struct Trainer::Run {
    Run(const StudyConfig& config, const Condition& condition, const TokenDataset& data, const std::filesystem::path& init,
        const std::filesystem::path& resultsPath, const EventSink& sink, const std::string& runId)
        : setup(config, condition.mode, {.initialWeights = init}),
          order(data.trainCount(), static_cast<uint64_t>(config.train.seed)),
          probeIds(probeBatch(data, config.probe.batch, config.train.seed).to(setup.device)),
          results(newRunResults(condition.tag, condition.label, runId, configToJson(config), config.model.n_layers,
                                condition.mode != QkNormMode::None)),
          recorder(results, resultsPath, sink,
                   {.postRopePrimary = config.probe.key_point == "post_rope", .postRopeExtra = config.probe.post_rope}),
          checkpointDir(resultsPath.parent_path() / "checkpoints")
    {
    }

    TrainingSetup setup;
    BatchOrder order;
    const torch::Tensor probeIds; // (probe.batch, T), fixed for the whole run
    RunResults results;
    ProbeRecorder recorder;
    const std::filesystem::path checkpointDir;
    int64_t validationBatches = 0;
    int64_t firstStep = 0;          // 0, or the micro-step a resume continues at
    size_t nextProbe = 0;           // into RunPlan::probeSteps
    double lossSum = 0.0;           // train loss since the last probe
    int64_t lossCount = 0;
    int64_t nextCheckpointTokens = 0;
    double secondsBefore = 0.0;     // wall time of the run before a resume
    Clock::time_point start = Clock::now();
};

Trainer::Trainer(StudyConfig config, Condition condition, const TokenDataset& data, std::filesystem::path resultsPath,
                 EventSink sink, std::shared_ptr<CancelToken> cancel)
    : m_config(std::move(config)), m_condition(std::move(condition)), m_data(data), m_resultsPath(std::move(resultsPath)),
      m_sink(std::move(sink)), m_cancel(std::move(cancel)), m_plan(makeRunPlan(m_config))
{
}

Trainer::~Trainer() = default;

RunResults Trainer::run()
{
    // ---- set-up: device, seeded model, optimizers, data order, probe batch, empty results ----
    const int64_t validationBatchCount = validationBatches();
    m_run = std::make_unique<Run>(m_config, m_condition, m_data, m_initFrom, m_resultsPath, m_sink, m_runId);
    Run& r = *m_run;
    r.validationBatches = validationBatchCount;
    for (const std::string& note : r.setup.notes())
        log(note);

    // ---- resume: weights, optimizer, data position, running loss, results so far ----
    if (!m_resumeFrom.empty())
        resume();
    log("training " + m_condition.tag + " (" + m_condition.label + ") on " + describeDevice(r.setup.device) + ", " +
        std::to_string(m_plan.microSteps) + " micro-steps, " + std::to_string(m_plan.totalTokens()) + " tokens");
    const int64_t every = m_config.checkpoint.every_tokens;
    r.nextCheckpointTokens = every > 0 ? (r.firstStep * m_plan.tokensPerMicroStep / every + 1) * every : 0;
    r.start = Clock::now();

    // ---- the loop: one iteration per micro-step ----
    const int64_t accum = m_config.train.gradient_accumulation_steps;
    for (int64_t step = r.firstStep; step < m_plan.microSteps; ++step) {
        if (r.nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[r.nextProbe] == step)
            startProbe(step);
        // A stop request finishes the current optimizer step, so the checkpoint holds no
        // half-accumulated gradient.
        if (m_cancel && m_cancel->cancelled() && step % accum == 0)
            return stop(step);
        const double loss = trainMicroStep(step);
        r.lossSum += loss;
        ++r.lossCount;
        r.recorder.finish(); // the probe's solves had this micro-step to finish
        if (checkpointDue(step + 1))
            checkpoint(step + 1);
        reportStep(step + 1, loss);
    }
    if (r.nextProbe < m_plan.probeSteps.size() && m_plan.probeSteps[r.nextProbe] == m_plan.microSteps)
        startProbe(m_plan.microSteps);
    finish();
    return r.results;
}

// ---- the steps of run() ----

int64_t Trainer::validationBatches() const
{
    const int64_t B = m_config.train.batch_size;
    const ProbeConfig& pc = m_config.probe;
    if (m_data.trainCount() < 1)
        throw DataError("the training split is empty; prepare more data");
    if (pc.val_batches == 0) {
        if (m_data.valCount() < pc.batch)
            throw DataError("the validation split has " + std::to_string(m_data.valCount()) + " sequences but the probe "
                            "batch needs " + std::to_string(pc.batch) + "; prepare more data or lower probe.batch");
        return 0;
    }
    if (m_data.valCount() < std::max(pc.batch, B))
        throw DataError("the validation split has " + std::to_string(m_data.valCount()) + " sequences but one batch (" +
                        std::to_string(B) + ") and the probe batch (" + std::to_string(pc.batch) +
                        ") need at least " + std::to_string(std::max(pc.batch, B)) +
                        "; prepare more data or lower train.batch_size / probe.batch");
    const int64_t batches = validationBatchCount(m_data, pc.val_batches, B);
    if (batches < pc.val_batches)
        log("the validation split holds " + std::to_string(batches) + " batches of " + std::to_string(B) +
            "; val loss averages those instead of probe.val_batches = " + std::to_string(pc.val_batches));
    return batches;
}

void Trainer::resume()
{
    Run& r = *m_run;
    ResumePoint point = resumeRun(m_resumeFrom, r.setup, m_config, m_condition.tag, m_resultsPath);
    const TrainerState& at = point.state;
    if (point.resultsRebuilt)
        log(m_resultsPath.string() + " was missing: rebuilt from the checkpoint's own record of its " +
            std::to_string(at.probesDone) + " probes");
    r.results = std::move(point.results);
    r.order.seek(at.orderEpoch, at.orderPosition);
    r.lossSum = at.lossSum;
    r.lossCount = at.lossCount;
    r.nextProbe = static_cast<size_t>(at.probesDone);
    r.firstStep = at.microStep;
    r.secondsBefore = at.elapsedSeconds;
    log("resumed from " + m_resumeFrom.string() + " at micro-step " + std::to_string(r.firstStep));
}

// The probe's validation loss and keys are taken now; its key PR is recorded once the
// eigen-solves, running on the CPU pool meanwhile, are back (ProbeRecorder).
void Trainer::startProbe(int64_t microStep)
{
    Run& r = *m_run;
    r.recorder.finish();
    ProbeEvent event;
    event.tag = m_condition.tag;
    event.index = static_cast<int64_t>(r.results.tokens.size());
    event.microStep = microStep;
    event.tokens = microStep * m_plan.tokensPerMicroStep;
    if (microStep > 0) {
        event.trainLoss = r.lossCount > 0 ? std::optional<double>(r.lossSum / static_cast<double>(r.lossCount)) : std::nullopt;
        if (r.validationBatches > 0) {
            // Under autocast, as the original's val loss and our training step.
            const auto sequences =
                validationSequences(m_data, validationDrawFor(m_config, r.validationBatches), microStep);
            double sum = 0.0;
            for (const double loss : validationLosses(r.setup.model, m_data, sequences, m_config.train.batch_size,
                                                      r.setup.device, r.setup.stepMode.autocast))
                sum += loss;
            event.valLoss = sum / static_cast<double>(r.validationBatches);
        }
    }
    r.lossSum = 0.0;
    r.lossCount = 0;
    // Outside autocast, as the original's probe: fp32 keys on every device.
    const ProbeConfig& pc = m_config.probe;
    PendingKeyProbe keys = startKeyProbe(r.setup.model, r.probeIds,
                                         {.postRope = pc.post_rope || pc.key_point == "post_rope"});
    event.elapsedSeconds = elapsedSeconds();
    r.recorder.start(std::move(event), std::move(keys));
    ++r.nextProbe;
}

RunResults Trainer::stop(int64_t microStep)
{
    Run& r = *m_run;
    m_cancelled = true;
    r.recorder.finish();
    if (m_config.checkpoint.at_end && microStep > r.firstStep)
        checkpoint(microStep);
    log("stopped at micro-step " + std::to_string(microStep) + "; results so far are in " + m_resultsPath.string());
    return r.results;
}

double Trainer::trainMicroStep(int64_t microStep)
{
    Run& r = *m_run;
    if (faultPlan().truncateDataAtStep == microStep)
        for (const std::string& file : m_data.info().files)
            std::filesystem::resize_file(file, 1024); // a shard's header: its tokens are gone
    double loss = 0.0;
    try {
        loss = r.setup.stepper.step(trainingBatch(m_data, r.order.next(m_config.train.batch_size), r.setup.device));
    } catch (...) {
        // Out of memory and the like: the probe taken before this step is still good.
        try {
            r.recorder.finish();
        } catch (...) {
        }
        throw;
    }
    if (std::isfinite(loss))
        return loss;
    // The weights this optimizer step started from gave the bad loss: a checkpoint of them is
    // no good to resume from, the ones before it are.
    removeCheckpointsAfter(r.checkpointDir, microStep - m_config.train.gradient_accumulation_steps, m_runId);
    r.recorder.finish(); // measured before the bad step: worth keeping
    throw DivergedError(m_condition.tag + ": the loss became " + (std::isnan(loss) ? "NaN" : "infinite") +
                        " at micro-step " + std::to_string(microStep) + " (" +
                        std::to_string(microStep * m_plan.tokensPerMicroStep) + " tokens). " +
                        divergenceHint(m_config, microStep < m_config.train.gradient_accumulation_steps));
}

// Only at optimizer-step boundaries, where no gradient is pending, and not at the end (finish
// saves that one).
bool Trainer::checkpointDue(int64_t microStepsDone) const
{
    const Run& r = *m_run;
    const int64_t every = m_config.checkpoint.every_tokens;
    return every > 0 && microStepsDone % m_config.train.gradient_accumulation_steps == 0 &&
           microStepsDone * m_plan.tokensPerMicroStep >= r.nextCheckpointTokens && microStepsDone < m_plan.microSteps;
}

void Trainer::checkpoint(int64_t microStepsDone)
{
    Run& r = *m_run;
    r.recorder.finish();
    TrainerState state;
    state.runId = m_runId;
    state.tag = m_condition.tag;
    state.microStep = microStepsDone;
    state.tokens = microStepsDone * m_plan.tokensPerMicroStep;
    state.orderEpoch = r.order.epoch();
    state.orderPosition = r.order.position();
    state.lossSum = r.lossSum;
    state.lossCount = r.lossCount;
    state.probesDone = static_cast<int64_t>(r.results.tokens.size());
    state.elapsedSeconds = elapsedSeconds();
    state.config = configToJson(m_config);
    state.results = resultsToJsonText(r.results); // lets a resume rebuild a lost results.json
    const auto path = saveCheckpoint(r.checkpointDir, r.setup.model, r.setup.optimizer, state);
    pruneCheckpoints(r.checkpointDir, m_config.checkpoint.keep, m_runId);
    log("checkpoint " + path.string());
    const int64_t every = m_config.checkpoint.every_tokens;
    if (every > 0)
        r.nextCheckpointTokens = (state.tokens / every + 1) * every;
}

void Trainer::reportStep(int64_t microStepsDone, double loss) const
{
    const Run& r = *m_run;
    const int64_t tokens = microStepsDone * m_plan.tokensPerMicroStep;
    const double seconds = elapsedSeconds();
    const double sinceStart = secondsSince(r.start);
    emit(StepEvent{m_condition.tag, microStepsDone, m_plan.microSteps, tokens, m_plan.totalTokens(), loss,
                   seconds > 0 ? static_cast<double>(tokens - r.firstStep * m_plan.tokensPerMicroStep) / sinceStart : 0.0,
                   seconds});
}

// The last probe recorded, the learned γ written, the final checkpoint saved.
void Trainer::finish()
{
    Run& r = *m_run;
    r.recorder.finish();
    if (m_condition.mode == QkNormMode::Learned) {
        std::vector<std::vector<float>> finalGamma;
        for (const auto& gamma : r.setup.model->keyNormWeights()) {
            const auto v = gamma.detach().to(torch::kFloat).cpu().contiguous();
            finalGamma.emplace_back(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
        }
        r.results.gamma_final = std::move(finalGamma);
        writeResults(r.results, m_resultsPath);
    }
    if (m_config.checkpoint.at_end)
        checkpoint(m_plan.microSteps);
}

// ---- events ----

void Trainer::log(const std::string& message) const
{
    emit(LogEvent{m_condition.tag, message});
}

void Trainer::emit(const TrainEvent& event) const
{
    if (m_sink)
        m_sink(event);
}

double Trainer::elapsedSeconds() const
{
    return m_run->secondsBefore + secondsSince(m_run->start);
}

} // namespace qks
