#include "checkpoint/CheckpointFiles.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <algorithm>
#include <cstdio>
#include <regex>

namespace qks {

namespace fs = std::filesystem;

fs::path checkpointStem(const fs::path& dir, int64_t microStep)
{
    char name[32];
    std::snprintf(name, sizeof name, "step_%09lld", static_cast<long long>(microStep));
    return dir / name;
}

fs::path stemOfWeights(const fs::path& weights)
{
    std::string s = weights.string();
    const std::string suffix = ".safetensors";
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
        s.resize(s.size() - suffix.size());
    return s;
}

int64_t checkpointMicroStep(const fs::path& weightsPath)
{
    static const std::regex name(R"(step_(\d{9})(\..*)?)");
    std::smatch m;
    const std::string file = weightsPath.filename().string();
    return std::regex_match(file, m, name) ? std::stoll(m[1].str()) : -1;
}

std::string trainerStateJson(const TrainerState& state)
{
    const nlohmann::json j = {
        {"format", "qkstudio-checkpoint"},
        {"version", 2},
        {"run_id", state.runId},
        {"tag", state.tag},
        {"micro_step", state.microStep},
        {"tokens", state.tokens},
        {"data_order", {{"epoch", state.orderEpoch}, {"position", state.orderPosition}}},
        {"loss_sum", state.lossSum},
        {"loss_count", state.lossCount},
        {"probes_done", state.probesDone},
        {"elapsed_seconds", state.elapsedSeconds},
        {"config", state.config},
        {"results", state.results},
    };
    return j.dump(2) + "\n";
}

namespace {

// An integer field: a JSON integer within int64. nlohmann's conversion of 8.9e19 or of a
// float would be undefined behaviour (the fuzzer found it), not a wrong number.
int64_t integerField(const nlohmann::json& v, const std::string& path, const char* name)
{
    if (v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)))
        return v.get<int64_t>();
    throw DataError(path + ": \"" + name + "\" must be an integer, is " + v.dump());
}

} // namespace

TrainerState readTrainerState(const fs::path& weightsPath)
{
    const std::string path = stemOfWeights(weightsPath).string() + ".json";
    const std::string text = readFile(path);
    requireJsonDepth(text, path, "; not a QK Studio checkpoint state");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(path + ": not a QK Studio checkpoint state (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("format", "") != "qkstudio-checkpoint")
        throw DataError(path + ": not a QK Studio checkpoint state");
    TrainerState s;
    try {
        s.runId = j.value("run_id", std::string(kLegacyRunId)); // version 1 files have none
        s.tag = j.at("tag");
        s.microStep = integerField(j.at("micro_step"), path, "micro_step");
        s.tokens = integerField(j.at("tokens"), path, "tokens");
        s.orderEpoch = integerField(j.at("data_order").at("epoch"), path, "data_order.epoch");
        s.orderPosition = integerField(j.at("data_order").at("position"), path, "data_order.position");
        s.lossSum = j.at("loss_sum");
        s.lossCount = integerField(j.at("loss_count"), path, "loss_count");
        s.probesDone = integerField(j.at("probes_done"), path, "probes_done");
        s.elapsedSeconds = j.value("elapsed_seconds", 0.0);
        s.config = j.at("config");
        s.results = j.value("results", "");
    } catch (const nlohmann::json::exception& e) {
        throw DataError(path + ": " + e.what());
    }
    return s;
}

std::vector<fs::path> checkpointStems(const fs::path& dir)
{
    std::vector<fs::path> stems;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return stems;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const int64_t step = checkpointMicroStep(entry.path());
        if (step >= 0)
            stems.push_back(checkpointStem(dir, step));
    }
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return stems;
}

std::vector<fs::path> listCheckpoints(const fs::path& dir, const std::optional<std::string>& runId)
{
    std::vector<fs::path> out;
    for (const fs::path& stem : checkpointStems(dir)) {
        const fs::path weights = stem.string() + ".safetensors";
        std::error_code ec;
        if (!fs::is_regular_file(weights, ec) || !fs::is_regular_file(stem.string() + ".optim.safetensors", ec) ||
            !fs::is_regular_file(stem.string() + ".json", ec))
            continue;
        if (runId) {
            try {
                if (readTrainerState(weights).runId != *runId)
                    continue;
            } catch (const Error&) {
                continue; // a torn .json: not a checkpoint anyone can resume from
            }
        }
        out.push_back(weights);
    }
    return out;
}

void removeCheckpointFiles(const fs::path& stem)
{
    std::error_code ec;
    fs::remove(stem.string() + ".json", ec); // first: what remains is visibly incomplete
    // The rest: the weights, the optimizer state, and what an interrupted atomic write left
    // (<file>.tmp.<pid>).
    const std::string prefix = stem.filename().string() + ".";
    for (const auto& entry : fs::directory_iterator(stem.parent_path(), ec))
        if (entry.path().filename().string().rfind(prefix, 0) == 0)
            fs::remove(entry.path(), ec);
}

void pruneCheckpoints(const fs::path& dir, int64_t keep, const std::string& runId)
{
    const auto ours = listCheckpoints(dir, runId);
    const size_t kept = static_cast<size_t>(std::max<int64_t>(keep, 0));
    for (size_t i = 0; i + kept < ours.size(); ++i)
        removeCheckpointFiles(stemOfWeights(ours[i]));
    if (ours.empty() || kept == 0)
        return;
    // Incomplete stems older than the oldest checkpoint kept: an interrupted save's debris.
    // Only one run writes a folder (RunLock), so they are this run's or an aborted start's.
    const int64_t oldestKept = checkpointMicroStep(ours[ours.size() - std::min(kept, ours.size())]);
    const auto complete = listCheckpoints(dir);
    for (const fs::path& stem : checkpointStems(dir)) {
        const bool isComplete =
            std::find(complete.begin(), complete.end(), fs::path(stem.string() + ".safetensors")) != complete.end();
        if (!isComplete && checkpointMicroStep(stem) < oldestKept)
            removeCheckpointFiles(stem);
    }
}

void removeCheckpointsAfter(const fs::path& dir, int64_t microStep, const std::string& runId)
{
    for (const auto& weights : listCheckpoints(dir, runId))
        if (checkpointMicroStep(weights) > microStep)
            removeCheckpointFiles(stemOfWeights(weights));
}

} // namespace qks
