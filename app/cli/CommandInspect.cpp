#include "Commands.h"

#include "CliFormat.h"

#include "common/Error.h"
#include "data/DatasetMeta.h"
#include "data/HfDataset.h"
#include "data/TokenDataset.h"
#include "data/TokenizerJson.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

namespace qks::cli {

namespace {

// Control characters would garble a terminal; show them escaped.
std::string printable(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += "?";
        else
            out += c;
    }
    return out;
}

// "Hugging Face DatasetDict (train, validation)" and the like.
std::string hfFormat(const TokenDatasetInfo& info)
{
    if (info.hfLayout == "dataset_dict")
        return "Hugging Face DatasetDict folder (splits: " + joined(info.hfSplits) + ")";
    if (info.hfLayout == "dataset")
        return "Hugging Face Dataset folder (state.json)";
    return "Arrow file (Hugging Face datasets shard)";
}

// What `inspect` found in one token source.
struct Inspection {
    std::filesystem::path path;
    std::optional<DatasetMeta> meta;  // a prepared folder's meta.json
    TokenDatasetInfo info;
    std::string seqLenFrom;           // where the sequence length came from, for the text report
    std::vector<int64_t> firstIds;    // the first training sequence's first 16 ids
    std::optional<std::string> firstText; // what they say, when the folder has its tokenizer
};

// The sequence length to read the source with: --seq-len, else meta.json's, else the length of
// a Hugging Face folder's rows when they all have one. Sets `from` to say which.
int64_t sequenceLength(const CliArgs& args, const std::filesystem::path& path, const std::optional<DatasetMeta>& meta,
                       std::string& from)
{
    if (args.value("seq-len")) {
        from.clear();
        const int64_t seqLen = args.intValueOr("seq-len", 0);
        if (seqLen < 1)
            throw UsageError("--seq-len must be at least 1");
        return seqLen;
    }
    if (meta) {
        from = " (from meta.json)";
        if (meta->seqLen < 1)
            throw UsageError("--seq-len must be at least 1");
        return meta->seqLen;
    }
    if (!isHfDatasetPath(path))
        throw UsageError("--seq-len is required: " + path.string() + " has no meta.json to take it from");
    // Pre-tokenized rows of one length (the study's 2048) are the sequence length.
    const TokenDatasetInfo rows = TokenDataset::open(path, 1, 0).info();
    if (rows.minRowTokens != rows.maxRowTokens || rows.maxRowTokens < 1)
        throw UsageError("--seq-len is required: the rows of " + path.string() + " hold " +
                         std::to_string(rows.minRowTokens) + " to " + std::to_string(rows.maxRowTokens) +
                         " tokens, so no one length follows from them");
    from = " (every row's length)";
    return rows.maxRowTokens;
}

Inspection inspect(const CliArgs& args, const std::filesystem::path& path)
{
    namespace fs = std::filesystem;
    Inspection r;
    r.path = path;
    requireTokenSource(path);
    std::error_code ec;
    if (fs::is_directory(path, ec))
        r.meta = readDatasetMeta(path);
    const int64_t seqLen = sequenceLength(args, path, r.meta, r.seqLenFrom);
    const TokenDataset ds = TokenDataset::open(path, seqLen, r.meta ? r.meta->vocabSize : 0);
    r.info = ds.info();
    r.firstIds.resize(static_cast<size_t>(seqLen));
    ds.copyTrainSequence(0, r.firstIds.data());
    r.firstIds.resize(std::min<size_t>(r.firstIds.size(), 16));
    if (r.meta && fs::is_regular_file(path / r.meta->tokenizerFile, ec)) {
        const BpeTokenizer tok = loadTokenizerJson(path / r.meta->tokenizerFile);
        r.firstText = tok.decode(std::vector<int32_t>(r.firstIds.begin(), r.firstIds.end()));
    }
    return r;
}

void printJson(const Inspection& r)
{
    const TokenDatasetInfo& info = r.info;
    nlohmann::ordered_json j = {
        {"path", r.path.string()},
        {"format", info.format},
        {"files", info.files},
        {"seq_len", info.seqLen},
        {"train_sequences", info.trainSequences},
        {"val_sequences", info.valSequences},
        {"train_tokens", info.trainTokens},
        {"val_tokens", info.valTokens},
        {"total_tokens", info.totalTokens},
        {"min_id", info.minId},
        {"max_id", info.maxId},
        {"token_bytes", info.tokenBytes},
        {"val_carved", info.valCarved},
        {"vocab_size", r.meta ? nlohmann::ordered_json(r.meta->vocabSize) : nlohmann::ordered_json(nullptr)},
        {"first_ids", r.firstIds},
    };
    if (r.firstText)
        j["first_text"] = *r.firstText;
    if (info.format == "hf-arrow")
        j["hf"] = {
            {"layout", info.hfLayout},
            {"splits", info.hfSplits},
            {"train_split", info.trainSplit},
            {"validation_split",
             info.valSplit.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(info.valSplit)},
            {"column", kHfTokenColumn},
            {"column_type", info.columnType},
            {"train_rows", info.trainRows},
            {"val_rows", info.valRows},
            {"min_row_tokens", info.minRowTokens},
            {"max_row_tokens", info.maxRowTokens},
        };
    std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

// How a Hugging Face folder's rows become sequences.
void printRows(const TokenDatasetInfo& info)
{
    std::cout << "  rows          " << withThousands(info.trainRows) << " train";
    if (!info.valCarved)
        std::cout << " + " << withThousands(info.valRows) << " validation";
    if (info.minRowTokens == info.maxRowTokens)
        std::cout << ", " << info.maxRowTokens << " tokens each";
    else
        std::cout << ", " << info.minRowTokens << " to " << info.maxRowTokens << " tokens";
    std::cout << (info.minRowTokens == info.maxRowTokens && info.maxRowTokens == info.seqLen
                      ? " (one row per sequence)\n"
                      : " (rows concatenated, cut into sequences)\n");
}

void printText(const Inspection& r)
{
    const TokenDatasetInfo& info = r.info;
    const bool isHf = info.format == "hf-arrow";
    const std::string format = info.format == "prepared" ? "prepared folder (meta.json)"
                               : info.format == "shards" ? "folder of llm.c shards"
                               : isHf                    ? hfFormat(info)
                                                         : "single llm.c shard";
    const std::string tokens = isHf ? kHfTokenColumn + std::string(" ") + info.columnType
                                    : std::string(info.tokenBytes == 2 ? "uint16" : "uint32") + " tokens";
    std::string valFrom = info.valCarved ? " (carved: a seeded random 10% of sequences)" : "";
    if (isHf && !info.valCarved)
        valFrom = " (split \"" + info.valSplit + "\")";
    std::cout << r.path.string() << "\n"
              << "  format        " << format << ", " << tokens << ", " << info.files.size() << " file(s)\n"
              << "  sequence len  " << info.seqLen << r.seqLenFrom << "\n";
    if (isHf)
        printRows(info);
    std::cout << "  train         " << withThousands(info.trainSequences) << " sequences, "
              << withThousands(info.trainTokens) << " tokens"
              << (isHf && !info.trainSplit.empty() ? " (split \"" + info.trainSplit + "\")" : "") << "\n"
              << "  validation    " << withThousands(info.valSequences) << " sequences, "
              << withThousands(info.valTokens) << " tokens" << valFrom << "\n"
              << "  tokens        " << withThousands(info.totalTokens) << " in all files\n"
              << "  ids           " << info.minId << " .. " << info.maxId;
    if (r.meta)
        std::cout << " (vocabulary " << r.meta->vocabSize << ")";
    std::cout << "\n  first ids    ";
    for (int64_t id : r.firstIds)
        std::cout << " " << id;
    std::cout << "\n";
    if (r.firstText)
        std::cout << "  first text    \"" << printable(*r.firstText) << "\"\n";
}

} // namespace

int runInspect(const CliArgs& args)
{
    args.allowOnly({"seq-len", "json"});
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one token source: a prepared folder, a folder of .bin "
                         "shards, one .bin file, a Hugging Face datasets folder or one .arrow file");
    const Inspection r = inspect(args, args.positionals().front());
    if (args.has("json"))
        printJson(r);
    else
        printText(r);
    return kExitOk;
}

} // namespace qks::cli
