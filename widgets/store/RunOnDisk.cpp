#include "store/RunOnDisk.h"

#include "common/RunLock.h"
#include "results/RunFolder.h"

#include <exception>

namespace qks::gui {

RunOnDisk runOnDisk(const RunEntry& run)
{
    RunOnDisk out;
    const std::filesystem::path dir = run.folder.toStdString();
    const RunLock::Holder holder = RunLock::holderOf(dir);
    if (holder.state == RunLock::Holder::State::Alive)
        out.writer = RunOnDisk::Writer::Alive;
    else if (holder.state == RunLock::Holder::State::OtherHost && run.modified.isValid() &&
             run.modified.secsTo(QDateTime::currentDateTime()) < 120)
        out.writer = RunOnDisk::Writer::Elsewhere;
    if (run.ok()) {
        const nlohmann::ordered_json& extra = run.results->extra;
        if (extra.contains("config") && extra["config"].is_object() && extra["config"].contains("train") &&
            extra["config"]["train"].is_object() && extra["config"]["train"].contains("tokens") &&
            extra["config"]["train"]["tokens"].is_number_integer())
            out.plannedTokens = extra["config"]["train"]["tokens"].get<qint64>();
        out.incomplete = out.plannedTokens > 0 && !run.results->tokens.empty() &&
                         run.results->tokens.back() < out.plannedTokens;
    }
    // Only a run that has not reached its end can continue (and listing checkpoints reads the
    // folder): a finished one has nothing to resume.
    const bool finished = run.ok() && out.plannedTokens > 0 && !out.incomplete;
    if (finished)
        return out;
    try {
        out.resumable = !inspectRunFolder(dir).checkpoints.empty();
    } catch (const std::exception&) {
        out.resumable = false; // an unreadable folder offers nothing to continue from
    }
    return out;
}

} // namespace qks::gui
