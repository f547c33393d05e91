#include "train/Study.h"

#include "config/ConfigJson.h"
#include "config/Validation.h"
#include "data/TokenDataset.h"
#include "train/Trainer.h"

#include <chrono>

namespace qks {

std::vector<RunFinished> runStudy(const StudyConfig& config, const EventSink& sink, std::shared_ptr<CancelToken> cancel)
{
    requireValidConfig(config);
    const TokenDataset data = TokenDataset::open(config.data.path, config.model.max_seq_len, config.model.vocab_size);
    const std::filesystem::path out = config.study.out;
    saveConfigFile(config, out / "config.json");

    std::vector<RunFinished> finished;
    for (const std::string& tag : config.study.conditions) {
        if (cancel && cancel->cancelled())
            break;
        const Condition condition = *conditionForTag(tag);
        RunFinished done;
        done.tag = tag;
        done.resultsPath = out / tag / "results.json";
        const auto start = std::chrono::steady_clock::now();
        Trainer trainer(config, condition, data, done.resultsPath, sink, cancel);
        try {
            const RunResults results = trainer.run();
            done.completed = !trainer.wasCancelled();
            done.cancelled = trainer.wasCancelled();
            done.tokens = results.tokens.empty() ? 0 : results.tokens.back();
        } catch (const DivergedError& e) {
            done.errorKind = ErrorKind::Diverged;
            done.error = e.what();
        }
        done.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (sink)
            sink(done);
        finished.push_back(done);
    }
    return finished;
}

} // namespace qks
