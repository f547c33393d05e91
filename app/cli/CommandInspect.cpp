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

} // namespace

int runInspect(const CliArgs& args)
{
    namespace fs = std::filesystem;
    args.allowOnly({"seq-len", "json"});
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one token source: a prepared folder, a folder of .bin "
                         "shards, one .bin file, a Hugging Face datasets folder or one .arrow file");
    const fs::path path = args.positionals().front();

    std::optional<DatasetMeta> meta;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        meta = readDatasetMeta(path);
    const bool hf = !meta && isHfDatasetPath(path);
    int64_t seqLen = args.intValueOr("seq-len", meta ? meta->seqLen : 0);
    std::string seqLenFrom = args.value("seq-len") ? "" : " (from meta.json)";
    if (!args.value("seq-len") && hf) {
        // Pre-tokenized rows of one length (the study's 2048) are the sequence length.
        const TokenDatasetInfo rows = TokenDataset::open(path, 1, 0).info();
        if (rows.minRowTokens != rows.maxRowTokens || rows.maxRowTokens < 1)
            throw UsageError("--seq-len is required: the rows of " + path.string() + " hold " +
                             std::to_string(rows.minRowTokens) + " to " + std::to_string(rows.maxRowTokens) +
                             " tokens, so no one length follows from them");
        seqLen = rows.maxRowTokens;
        seqLenFrom = " (every row's length)";
    } else if (!args.value("seq-len") && !meta) {
        throw UsageError("--seq-len is required: " + path.string() + " has no meta.json to take it from");
    }
    if (seqLen < 1)
        throw UsageError("--seq-len must be at least 1");

    const TokenDataset ds = TokenDataset::open(path, seqLen, meta ? meta->vocabSize : 0);
    const TokenDatasetInfo& info = ds.info();
    std::vector<int64_t> first(static_cast<size_t>(seqLen));
    ds.copyTrainSequence(0, first.data());
    first.resize(std::min<size_t>(first.size(), 16));

    // A prepared folder has its tokenizer: show what the first ids say.
    std::optional<std::string> firstText;
    if (meta && fs::is_regular_file(path / meta->tokenizerFile, ec)) {
        const BpeTokenizer tok = loadTokenizerJson(path / meta->tokenizerFile);
        firstText = tok.decode(std::vector<int32_t>(first.begin(), first.end()));
    }

    if (args.has("json")) {
        nlohmann::ordered_json j = {
            {"path", path.string()},
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
            {"vocab_size", meta ? nlohmann::ordered_json(meta->vocabSize) : nlohmann::ordered_json(nullptr)},
            {"first_ids", first},
        };
        if (firstText)
            j["first_text"] = *firstText;
        if (info.format == "hf-arrow")
            j["hf"] = {
                {"layout", info.hfLayout},
                {"splits", info.hfSplits},
                {"train_split", info.trainSplit},
                {"validation_split", info.valSplit.empty() ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(info.valSplit)},
                {"column", kHfTokenColumn},
                {"column_type", info.columnType},
                {"train_rows", info.trainRows},
                {"val_rows", info.valRows},
                {"min_row_tokens", info.minRowTokens},
                {"max_row_tokens", info.maxRowTokens},
            };
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return kExitOk;
    }

    const bool isHf = info.format == "hf-arrow";
    const std::string format = info.format == "prepared" ? "prepared folder (meta.json)"
                               : info.format == "shards" ? "folder of llm.c shards"
                               : isHf                    ? hfFormat(info)
                                                         : "single llm.c shard";
    const std::string tokens = isHf ? kHfTokenColumn + std::string(" ") + info.columnType
                                    : std::string(info.tokenBytes == 2 ? "uint16" : "uint32") + " tokens";
    std::string valFrom = info.valCarved ? " (carved: every 10th sequence)" : "";
    if (isHf && !info.valCarved)
        valFrom = " (split \"" + info.valSplit + "\")";
    std::cout << path.string() << "\n"
              << "  format        " << format << ", " << tokens << ", " << info.files.size() << " file(s)\n"
              << "  sequence len  " << info.seqLen << seqLenFrom << "\n";
    if (isHf) {
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
    std::cout << "  train         " << withThousands(info.trainSequences) << " sequences, "
              << withThousands(info.trainTokens) << " tokens"
              << (isHf && !info.trainSplit.empty() ? " (split \"" + info.trainSplit + "\")" : "") << "\n"
              << "  validation    " << withThousands(info.valSequences) << " sequences, "
              << withThousands(info.valTokens) << " tokens" << valFrom << "\n"
              << "  tokens        " << withThousands(info.totalTokens) << " in all files\n"
              << "  ids           " << info.minId << " .. " << info.maxId;
    if (meta)
        std::cout << " (vocabulary " << meta->vocabSize << ")";
    std::cout << "\n  first ids    ";
    for (int64_t id : first)
        std::cout << " " << id;
    std::cout << "\n";
    if (firstText)
        std::cout << "  first text    \"" << printable(*firstText) << "\"\n";
    return kExitOk;
}

} // namespace qks::cli
