#include "data/DatasetMeta.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <nlohmann/json.hpp>

namespace qks {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
T need(const Json& j, const char* key, const std::string& origin)
{
    const auto it = j.find(key);
    if (it == j.end())
        throw DataError(origin + ": missing key \"" + key + "\"; re-run `qkstudio-cli prepare`");
    try {
        return it->template get<T>();
    } catch (const nlohmann::json::exception&) {
        throw DataError(origin + ": key \"" + key + "\" has the wrong type (" + it->type_name() +
                        "); re-run `qkstudio-cli prepare`");
    }
}

template <typename T>
T optional(const Json& j, const char* key, T fallback, const std::string& origin)
{
    return j.contains(key) ? need<T>(j, key, origin) : fallback;
}

} // namespace

std::string datasetMetaToJsonText(const DatasetMeta& m)
{
    Json sources = Json::array();
    for (const SourceFile& s : m.sources)
        sources.push_back({{"path", s.path}, {"bytes", s.bytes}, {"sha256", s.sha256}});
    Json j = {
        {"format", "qkstudio-tokens"},
        {"format_version", m.formatVersion},
        {"vocab_size", m.vocabSize},
        {"requested_vocab_size", m.requestedVocabSize},
        {"seq_len", m.seqLen},
        {"token_bytes", m.tokenBytes},
        {"eot_id", m.eotId},
        {"split", "sequence i of the token stream is validation when i % 10 == 9"},
        {"train_tokens", m.trainTokens},
        {"val_tokens", m.valTokens},
        {"train_sequences", m.trainSequences},
        {"val_sequences", m.valSequences},
        {"dropped_tokens", m.droppedTokens},
        {"train_files", m.trainFiles},
        {"val_files", m.valFiles},
        {"tokenizer", {{"file", m.tokenizerFile},
                       {"type", "byte-level BPE"},
                       {"vocab_size", m.vocabSize},
                       {"merges", m.tokenizerMerges},
                       {"special_tokens", m.specialTokens}}},
        {"source", {{"root", m.sourceRoot}, {"bytes", m.sourceBytes}, {"files", sources}}},
    };
    // File names need not be UTF-8; replace bad bytes rather than fail the whole run.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

DatasetMeta datasetMetaFromJsonText(const std::string& text, const std::string& origin)
{
    requireJsonDepth(text, origin, "; re-run `qkstudio-cli prepare`");
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw DataError(origin + ": not valid JSON at byte " + std::to_string(e.byte) +
                        "; re-run `qkstudio-cli prepare`");
    }
    if (!j.is_object())
        throw DataError(origin + ": expected a JSON object");
    DatasetMeta m;
    m.formatVersion = need<int>(j, "format_version", origin);
    if (m.formatVersion != kDatasetFormatVersion)
        throw DataError(origin + ": format_version " + std::to_string(m.formatVersion) +
                        " is not supported (expected " + std::to_string(kDatasetFormatVersion) +
                        "); re-run `qkstudio-cli prepare` with this version");
    m.vocabSize = need<int64_t>(j, "vocab_size", origin);
    m.requestedVocabSize = optional<int64_t>(j, "requested_vocab_size", m.vocabSize, origin);
    m.seqLen = need<int64_t>(j, "seq_len", origin);
    if (m.seqLen < 1)
        throw DataError(origin + ": seq_len must be positive, found " + std::to_string(m.seqLen));
    m.tokenBytes = optional<int>(j, "token_bytes", 2, origin);
    m.eotId = optional<int64_t>(j, "eot_id", -1, origin);
    m.trainTokens = need<int64_t>(j, "train_tokens", origin);
    m.valTokens = need<int64_t>(j, "val_tokens", origin);
    m.trainSequences = need<int64_t>(j, "train_sequences", origin);
    m.valSequences = need<int64_t>(j, "val_sequences", origin);
    m.droppedTokens = optional<int64_t>(j, "dropped_tokens", 0, origin);
    m.trainFiles = need<std::vector<std::string>>(j, "train_files", origin);
    m.valFiles = need<std::vector<std::string>>(j, "val_files", origin);
    if (j.contains("tokenizer") && j["tokenizer"].is_object()) {
        const Json& t = j["tokenizer"];
        m.tokenizerFile = optional<std::string>(t, "file", m.tokenizerFile, origin);
        m.tokenizerMerges = optional<int64_t>(t, "merges", 0, origin);
        m.specialTokens = optional<std::vector<std::string>>(t, "special_tokens", {}, origin);
    }
    if (j.contains("source") && j["source"].is_object()) {
        const Json& s = j["source"];
        m.sourceRoot = optional<std::string>(s, "root", "", origin);
        m.sourceBytes = optional<int64_t>(s, "bytes", 0, origin);
        if (s.contains("files"))
            for (const Json& f : s["files"])
                m.sources.push_back({need<std::string>(f, "path", origin),
                                     need<int64_t>(f, "bytes", origin),
                                     need<std::string>(f, "sha256", origin)});
    }
    return m;
}

std::optional<DatasetMeta> readDatasetMeta(const std::filesystem::path& dir)
{
    const std::filesystem::path file = dir / kDatasetMetaFile;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return std::nullopt;
    return datasetMetaFromJsonText(readFile(file), file.string());
}

} // namespace qks
