#include "Commands.h"

#include "common/Error.h"
#include "data/DatasetMeta.h"
#include "data/TokenDataset.h"
#include "data/TokenizerJson.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {

std::string withThousands(int64_t n)
{
    // Appending rather than inserting: GCC 12 warns (-Wrestrict) on string::insert at -O3.
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

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

} // namespace

int runInspect(const CliArgs& args)
{
    namespace fs = std::filesystem;
    args.allowOnly({"seq-len", "json"});
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one token source: a prepared folder, a folder of .bin "
                         "shards or one .bin file");
    const fs::path path = args.positionals().front();

    std::optional<DatasetMeta> meta;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        meta = readDatasetMeta(path);
    int64_t seqLen = args.intValueOr("seq-len", meta ? meta->seqLen : 0);
    if (!args.value("seq-len") && !meta)
        throw UsageError("--seq-len is required: " + path.string() + " has no meta.json to take it from");
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
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return kExitOk;
    }

    const char* format = info.format == "prepared" ? "prepared folder (meta.json)"
                         : info.format == "shards" ? "folder of llm.c shards"
                                                   : "single llm.c shard";
    std::cout << path.string() << "\n"
              << "  format        " << format << ", " << (info.tokenBytes == 2 ? "uint16" : "uint32")
              << " tokens, " << info.files.size() << " file(s)\n"
              << "  sequence len  " << info.seqLen << (args.value("seq-len") ? "" : " (from meta.json)") << "\n"
              << "  train         " << withThousands(info.trainSequences) << " sequences, "
              << withThousands(info.trainTokens) << " tokens\n"
              << "  validation    " << withThousands(info.valSequences) << " sequences, "
              << withThousands(info.valTokens) << " tokens"
              << (info.valCarved ? " (carved: every 10th sequence)" : "") << "\n"
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
