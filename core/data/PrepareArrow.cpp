#include "data/PrepareArrow.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "data/HfDataset.h"
#include "data/Prepare.h"
#include "data/Sha256.h"
#include "data/TokenShard.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <climits>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

namespace qks {

namespace fs = std::filesystem;

namespace {

constexpr int64_t kMaxVocab = int64_t{1} << 32; // every uint32 id

// Writes a split's sequences as shards of `perShard` tokens, one window at a time, so a dataset
// larger than memory converts too.
std::vector<std::string> writeSplit(const fs::path& dir, const char* split, int64_t sequences, int64_t seqLen,
                                    int64_t perShard, TokenWidth width,
                                    const std::function<void(int64_t, int64_t*)>& copySequence)
{
    std::vector<std::string> names;
    std::vector<uint32_t> shard;
    std::vector<int64_t> seq(static_cast<size_t>(seqLen));
    auto flush = [&] {
        char name[32];
        std::snprintf(name, sizeof name, "%s_%06zu.bin", split, names.size());
        names.push_back(name);
        writeTokenShard(dir / name, shard, width);
        shard.clear();
    };
    shard.reserve(static_cast<size_t>(std::min(perShard, sequences * seqLen)));
    for (int64_t i = 0; i < sequences; ++i) {
        copySequence(i, seq.data());
        shard.insert(shard.end(), seq.begin(), seq.end()); // ids are 0 .. 4294967295: checked on open
        if (static_cast<int64_t>(shard.size()) >= perShard)
            flush();
    }
    if (!shard.empty())
        flush();
    return names;
}


std::string sha256OfFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + path.string());
    Sha256 h;
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        h.update(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    }
    return h.hexDigest();
}

bool sameFolder(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

} // namespace

PrepareArrowReport prepareArrowDataset(const PrepareArrowOptions& o)
{
    const auto start = std::chrono::steady_clock::now();
    auto log = [&o](const std::string& line) {
        if (o.log)
            o.log(line);
    };
    if (o.vocabSize < 0 || o.vocabSize > kMaxVocab)
        throw ConfigError("--vocab-size " + std::to_string(o.vocabSize) +
                          " is out of range: give 0 (the largest id + 1) or at most 4294967296");
    if (o.seqLen < 1)
        throw ConfigError("--seq-len " + std::to_string(o.seqLen) + " must be at least 1");
    if (o.outDir.empty())
        throw ConfigError("no output folder given (--out)");
    if (sameFolder(o.outDir, o.arrowPath))
        throw ConfigError("--out " + o.outDir.string() + " is the Hugging Face folder itself; write the shards "
                          "to another folder");

    std::error_code ec;
    if (!fs::exists(o.arrowPath, ec))
        throw DataError(o.arrowPath.string() + ": no such file or folder");
    if (!isHfDatasetPath(o.arrowPath))
        throw DataError(o.arrowPath.string() + ": not a Hugging Face datasets folder (no state.json or "
                        "dataset_dict.json) nor an .arrow file; for text use --text, and llm.c shards "
                        "need no preparation");

    const TokenDataset ds = TokenDataset::open(o.arrowPath, o.seqLen, o.vocabSize);
    PrepareArrowReport report;
    report.source = ds.info();
    const TokenDatasetInfo& in = report.source;
    log("read " + std::to_string(in.files.size()) + " .arrow file(s): " + std::to_string(in.trainRows + in.valRows) +
        " rows, " + std::to_string(in.totalTokens) + " tokens (" + in.columnType + ")");
    if (o.vocabSize == 0 && in.maxId == INT32_MAX)
        throw DataError(o.arrowPath.string() + ": token ids reach 2147483647 or more; give --vocab-size "
                        "explicitly");

    DatasetMeta& meta = report.meta;
    meta.vocabSize = o.vocabSize > 0 ? o.vocabSize : int64_t{in.maxId} + 1;
    meta.requestedVocabSize = meta.vocabSize;
    meta.seqLen = o.seqLen;
    meta.eotId = -1;
    meta.tokenizerFile = "";
    meta.trainSequences = in.trainSequences;
    meta.valSequences = in.valSequences;
    meta.trainTokens = in.trainTokens;
    meta.valTokens = in.valTokens;
    meta.droppedTokens = in.totalTokens - in.trainTokens - in.valTokens;
    meta.sourceRoot = o.arrowPath.string();
    const bool folder = fs::is_directory(o.arrowPath, ec);
    for (const std::string& f : in.files) {
        const fs::path p(f);
        const std::string rel = folder ? p.lexically_relative(o.arrowPath).generic_string() : p.filename().string();
        const auto bytes = static_cast<int64_t>(fs::file_size(p));
        meta.sources.push_back({rel, bytes, sha256OfFile(p)});
        meta.sourceBytes += bytes;
    }

    fs::create_directories(o.outDir, ec);
    if (!fs::is_directory(o.outDir))
        throw IoError(o.outDir.string() + ": cannot create the output folder" + (ec ? ": " + ec.message() : std::string()));
    const TokenWidth width = tokenWidthForVocab(meta.vocabSize);
    meta.tokenBytes = bytesPerToken(width);
    const int64_t perShard =
        std::max<int64_t>(1, std::min<int64_t>(o.shardTokens, INT32_MAX) / o.seqLen) * o.seqLen;
    if (perShard > INT32_MAX)
        throw ConfigError("--seq-len " + std::to_string(o.seqLen) + " exceeds the shard format's limit of "
                          "2147483647 tokens per file");
    meta.trainFiles = writeSplit(o.outDir, "train", in.trainSequences, o.seqLen, perShard, width,
                                 [&ds](int64_t i, int64_t* out) { ds.copyTrainSequence(i, out); });
    meta.valFiles = writeSplit(o.outDir, "val", in.valSequences, o.seqLen, perShard, width,
                               [&ds](int64_t i, int64_t* out) { ds.copyValSequence(i, out); });

    // meta.json as `prepare --text` writes it, but saying where the split came from and that
    // there is no tokenizer, so nobody looks for one.
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(datasetMetaToJsonText(meta));
    j["split"] = in.valCarved ? "sequence i of the train split's token stream is validation when i % 10 == 9"
                              : "train split -> train, split \"" + in.valSplit + "\" -> validation";
    j["tokenizer"] = nullptr;
    j["source"]["format"] = "hf-arrow";
    j["source"]["layout"] = in.hfLayout;
    j["source"]["column"] = kHfTokenColumn;
    j["source"]["column_type"] = in.columnType;
    j["source"]["train_split"] = in.trainSplit;
    j["source"]["validation_split"] = in.valSplit;
    j["source"]["rows"] = in.trainRows + in.valRows;
    writeFileAtomically(o.outDir / kDatasetMetaFile,
                        j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
    removeStaleShards(o.outDir, meta);

    report.outDir = o.outDir;
    report.totalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    log("wrote " + o.outDir.string());
    return report;
}

} // namespace qks
