#include "FuzzEntries.h"

#include "checkpoint/CheckpointFiles.h"
#include "checkpoint/Safetensors.h"
#include "common/Error.h"
#include "config/ConfigJson.h"
#include "config/ParamCount.h"
#include "config/ResourceEstimate.h"
#include "config/StudyConfig.h"
#include "config/Validation.h"
#include "data/ArrowTokenFile.h"
#include "data/BpeTokenizer.h"
#include "data/TokenShard.h"
#include "data/TokenizerJson.h"
#include "results/ResultsJson.h"
#include "results/RunManifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <unistd.h>

namespace qks::fuzz {

namespace {

std::string_view asText(const uint8_t* data, size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// The path readers need a file: one per process and target, rewritten on every call, so
// libFuzzer's millions of runs neither fill the disk nor pay for creating files. /dev/shm keeps
// it off the disk where it exists.
std::filesystem::path scratchFile(const char* target)
{
    static const std::filesystem::path dir = [] {
        std::error_code ec;
        return std::filesystem::is_directory("/dev/shm", ec) ? std::filesystem::path("/dev/shm")
                                                             : std::filesystem::temp_directory_path();
    }();
    return dir / ("qks-fuzz-" + std::to_string(::getpid()) + "-" + target);
}

// Removes the scratch files when the process exits normally (libFuzzer's time limit, the end of
// the regression test); after a crash the file is the input, which is worth keeping anyway.
struct ScratchFiles {
    std::vector<std::filesystem::path> paths;
    ~ScratchFiles()
    {
        for (const std::filesystem::path& p : paths) {
            std::error_code ec;
            std::filesystem::remove(p, ec);
        }
    }
};

std::filesystem::path writeScratch(const char* target, const uint8_t* data, size_t size)
{
    static ScratchFiles files;
    const std::filesystem::path path = scratchFile(target);
    if (std::find(files.paths.begin(), files.paths.end(), path) == files.paths.end())
        files.paths.push_back(path);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out)
        // Not the reader's fault: stop rather than fuzz a stale file.
        throw std::runtime_error("fuzz: cannot write the scratch file " + path.string());
    return path;
}

// Runs `body`; the documented failures of bad input count as a clean refusal.
template <typename Body>
bool refusesCleanly(std::string* refusal, Body&& body)
{
    try {
        body();
        return true;
    } catch (const Error& e) {
        if (refusal)
            *refusal = e.what();
    } catch (const nlohmann::json::exception& e) {
        if (refusal)
            *refusal = e.what();
    }
    return false;
}

// checkIds(largest id) must refuse the data, naming where the first such id lies: that runs the
// code locating a token (row, position, byte), which only a refusal reaches. With every id 0
// the limit is 0, which means "no check".
template <typename Check>
void expectIdError(Check&& check, int64_t largestId)
{
    try {
        check();
    } catch (const DataError&) {
        return;
    }
    if (largestId > 0)
        throw std::logic_error("checkIds(" + std::to_string(largestId) + ") accepted an id equal to the limit");
}

// Whatever a reader accepted, its writer must write in a form the reader accepts again: a
// refusal there is a bug in one of the two, so it escapes as a logic_error.
template <typename Body>
void mustReadBack(const char* what, Body&& body)
{
    try {
        body();
    } catch (const Error& e) {
        throw std::logic_error(std::string(what) + ": the reader refused what the writer wrote: " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw std::logic_error(std::string(what) + ": the reader refused what the writer wrote: " + e.what());
    }
}

} // namespace

bool fuzzResultsJson(const uint8_t* data, size_t size, std::string* refusal)
{
    return refusesCleanly(refusal, [&] {
        const RunResults r = parseResults(asText(data, size), "fuzz/results.json");
        // Writing back runs the float formatting and the schema ordering on whatever was read.
        const std::string written = resultsToJsonText(r);
        mustReadBack("results.json", [&] { (void)parseResults(written, "fuzz/rewritten results.json"); });
    });
}

bool fuzzArrow(const uint8_t* data, size_t size, std::string* refusal)
{
    const std::filesystem::path path = writeScratch("arrow", data, size);
    return refusesCleanly(refusal, [&] {
        const ArrowTokenFile f = ArrowTokenFile::open(path);
        // open() checked the offsets; reading every id is what training does with them.
        std::vector<int64_t> ids(static_cast<size_t>(f.size()));
        f.copyTo(0, f.size(), ids.data());
        // Small pieces cross record batch (segment) boundaries at every possible place.
        for (int64_t at = 0; at < f.size(); at += 7) {
            int64_t piece[7];
            f.copyTo(at, std::min<int64_t>(7, f.size() - at), piece);
        }
        const ArrowTokenFile::Range range = f.idRange();
        f.checkIds(range.max + 1); // must pass
        expectIdError([&] { f.checkIds(range.max); }, range.max);
    });
}

bool fuzzShard(const uint8_t* data, size_t size, std::string* refusal)
{
    const std::filesystem::path path = writeScratch("shard", data, size);
    return refusesCleanly(refusal, [&] {
        const TokenShard s = TokenShard::open(path);
        std::vector<int64_t> ids(static_cast<size_t>(s.size()));
        s.copyTo(0, s.size(), ids.data());
        for (int64_t i = 0; i < s.size(); ++i)
            (void)s.at(i);
        const TokenShard::Range range = s.idRange();
        s.checkIds(static_cast<int64_t>(range.max) + 1); // must pass
        expectIdError([&] { s.checkIds(static_cast<int64_t>(range.max)); }, range.max);
    });
}

bool fuzzTokenizerJson(const uint8_t* data, size_t size, std::string* refusal)
{
    const std::string text(asText(data, size));
    return refusesCleanly(refusal, [&] {
        const BpeTokenizer tok = tokenizerFromJsonText(text, "fuzz/tokenizer.json");
        // Text that reaches every stage: specials, non-ASCII, digits, spaces, invalid UTF-8, and
        // the input's own last bytes, which hold vocabulary strings and added-token contents.
        std::string sample = "Hello world <|endoftext|> ünïcödé 1234 \t\n  x\xff\xc3";
        sample += text.substr(text.size() - std::min<size_t>(text.size(), 48));
        for (const SpecialTokens special : {SpecialTokens::AsText, SpecialTokens::Match}) {
            const std::vector<int32_t> ids = tok.encode(sample, special);
            (void)tok.decode(ids);
        }
        const std::string written = tokenizerToJsonText(tok);
        mustReadBack("tokenizer.json", [&] { (void)tokenizerFromJsonText(written, "fuzz/rewritten tokenizer.json"); });
    });
}

bool fuzzConfig(const uint8_t* data, size_t size, std::string* refusal)
{
    const std::string_view text = asText(data, size);
    const size_t newline = text.rfind('\n');
    const std::string_view document = newline == std::string_view::npos ? text : text.substr(0, newline);
    const std::string assignment(newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1));

    // Through the file, as --config and the GUI's "Open configuration" read it.
    const std::filesystem::path path =
        writeScratch("config", reinterpret_cast<const uint8_t*>(document.data()), document.size());
    const bool accepted = refusesCleanly(refusal, [&] {
        StudyConfig config = loadConfigFile(path);
        (void)validateConfig(config);
        if (!assignment.empty())
            applyConfigOverride(config, assignment);
        requireValidConfig(config); // accepted means usable, as the CLI checks before a run
        // What `qkstudio-cli params` and the configuration dialog compute from a valid config.
        for (const QkNormMode mode : {QkNormMode::Learned, QkNormMode::Frozen, QkNormMode::None}) {
            (void)parameterCount(config.model, mode);
            for (const bool cuda : {false, true})
                (void)estimateTrainingMemory(config, mode, {.cuda = cuda, .fusedAttention = cuda}).total();
        }
        // The round trip the CLI's `config` command and the GUI's save both take.
        mustReadBack("configuration", [&] { (void)configFromJson(configToJson(config)); });
    });
    // The override path also on the defaults, so it is reached when the document is broken.
    if (!assignment.empty())
        refusesCleanly(nullptr, [&] {
            StudyConfig config;
            applyConfigOverride(config, assignment);
            (void)validateConfig(config);
        });
    return accepted;
}

bool fuzzSafetensors(const uint8_t* data, size_t size, std::string* refusal)
{
    const std::filesystem::path path = writeScratch("safetensors", data, size);
    return refusesCleanly(refusal, [&] {
        const SafetensorsFile file = SafetensorsFile::open(path);
        // Every byte a reader would copy, and the file written again and read back.
        size_t sum = 0;
        for (const SafetensorsTensor& t : file.tensors())
            for (size_t i = 0; i < t.bytes; ++i)
                sum += static_cast<const uint8_t*>(t.data)[i];
        (void)sum;
        std::map<std::string, std::string> metadata = file.metadata();
        metadata.erase(kSafetensorsChecksumKey); // the writer adds its own
        const std::filesystem::path again = writeScratch("safetensors-rewritten", data, 0);
        writeSafetensors(again, file.tensors(), metadata);
        mustReadBack("safetensors", [&] { (void)SafetensorsFile::open(again); });
    });
}

bool fuzzCheckpointState(const uint8_t* data, size_t size, std::string* refusal)
{
    // readTrainerState reads the .json beside a weights path.
    const std::filesystem::path json = writeScratch("state.json", data, size);
    std::filesystem::path weights = json;
    weights.replace_extension(".safetensors");
    return refusesCleanly(refusal, [&] {
        const TrainerState state = readTrainerState(weights);
        const std::string written = trainerStateJson(state);
        const std::filesystem::path againJson = writeScratch("state-rewritten.json", reinterpret_cast<const uint8_t*>(written.data()),
                                                             written.size());
        std::filesystem::path againWeights = againJson;
        againWeights.replace_extension(".safetensors");
        mustReadBack("checkpoint state", [&] { (void)readTrainerState(againWeights); });
    });
}

bool fuzzRunManifest(const uint8_t* data, size_t size, std::string* refusal)
{
    return refusesCleanly(refusal, [&] {
        const RunManifest m = parseRunManifest(std::string(asText(data, size)), "fuzz/run.json");
        const std::string written = runManifestJson(m);
        mustReadBack("run.json", [&] { (void)parseRunManifest(written, "fuzz/rewritten run.json"); });
    });
}

} // namespace qks::fuzz
