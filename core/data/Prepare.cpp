#include "data/Prepare.h"

#include "common/AtomicFile.h"
#include "common/Elapsed.h"
#include "common/Error.h"
#include "data/BpeTrainer.h"
#include "data/Sha256.h"
#include "data/TextCorpus.h"
#include "data/TokenShard.h"
#include "data/ValidationSplit.h"
#include "data/TokenizerFiles.h"
#include "data/TokenizerJson.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <regex>
#include <set>

namespace qks {

namespace fs = std::filesystem;

namespace {

constexpr const char* kEndOfText = "<|endoftext|>";
constexpr int64_t kMaxVocab = 4'294'967'295; // ids must fit the uint32 shard format

std::string shardName(const char* split, size_t index)
{
    char name[32];
    std::snprintf(name, sizeof name, "%s_%06zu.bin", split, index);
    return name;
}

// Writes `tokens` as shards of at most `perShard` tokens; returns their names.
std::vector<std::string> writeShards(const fs::path& dir, const char* split,
                                     const std::vector<uint32_t>& tokens, int64_t perShard,
                                     TokenWidth width)
{
    std::vector<std::string> names;
    for (size_t start = 0; start < tokens.size(); start += static_cast<size_t>(perShard)) {
        const size_t n = std::min(tokens.size() - start, static_cast<size_t>(perShard));
        names.push_back(shardName(split, names.size()));
        writeTokenShard(dir / names.back(), std::span(tokens).subspan(start, n), width);
    }
    return names;
}

// Each .txt file is a document, each .jsonl line one; the file texts are released as they go.
std::vector<std::string> splitDocuments(std::vector<TextDocument>& files, const std::string& textField)
{
    std::vector<std::string> docs;
    for (TextDocument& f : files) {
        if (isJsonLinesFile(f.path))
            forEachJsonLinesDocument(f.text, textField, f.relativePath,
                                     [&docs](std::string&& text) { docs.push_back(std::move(text)); });
        else
            docs.push_back(std::move(f.text));
        std::string().swap(f.text);
    }
    return docs;
}

BpeTokenizer trainTokenizer(const std::vector<std::string>& docs, const PrepareOptions& o,
                            PrepareReport& report, const std::function<void(const std::string&)>& log)
{
    BpeTrainer trainer;
    for (const std::string& d : docs)
        trainer.addText(d);
    report.uniqueWords = trainer.uniqueWords();
    BpeTrainerOptions topts;
    topts.vocabSize = o.vocabSize;
    topts.specialTokens = {kEndOfText};
    topts.progress = [&log](int64_t done, int64_t wanted) {
        log("tokenizer: " + std::to_string(done) + " of " + std::to_string(wanted) + " merged tokens");
    };
    return trainer.train(topts);
}

} // namespace

std::optional<AddedToken> documentSeparator(const BpeTokenizer& tokenizer)
{
    for (const char* name : {"<|endoftext|>", "<|end_of_text|>", "</s>", "<eos>",
                             "<\xEF\xBD\x9C" "end\xE2\x96\x81of\xE2\x96\x81sentence" "\xEF\xBD\x9C>"})
        for (const AddedToken& t : tokenizer.addedTokens())
            if (t.content == name)
                return t;
    return std::nullopt;
}

void removeStaleShards(const fs::path& dir, const DatasetMeta& meta)
{
    static const std::regex kOurs(R"((train|val)_[0-9]{6}\.bin)");
    std::set<std::string> keep(meta.trainFiles.begin(), meta.trainFiles.end());
    keep.insert(meta.valFiles.begin(), meta.valFiles.end());
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (std::regex_match(name, kOurs) && !keep.count(name))
            fs::remove(e.path(), ec);
    }
}

namespace {

using Log = std::function<void(const std::string&)>;

void checkOptions(const PrepareOptions& o)
{
    if (o.tokenizerPath.empty() && (o.vocabSize < 257 || o.vocabSize > kMaxVocab))
        throw ConfigError("--vocab-size " + std::to_string(o.vocabSize) +
                          " is out of range: it must be between 257 (256 byte tokens and "
                          "<|endoftext|>) and 4294967295 (the largest uint32 token id + 1)");
    if (o.seqLen < 1)
        throw ConfigError("--seq-len " + std::to_string(o.seqLen) + " must be at least 1");
    if (o.outDir.empty())
        throw ConfigError("no output folder given (--out)");
}

// A given tokenizer, loaded before the corpus is read so that a wrong path fails fast.
BpeTokenizer loadGivenTokenizer(const PrepareOptions& o, const TokenizerFiles& files, PrepareReport& report, const Log& log)
{
    BpeTokenizer loaded = loadTokenizer(files);
    report.tokenizerSource = files.main.string() + (files.merges.empty() ? "" : " + " + files.merges.string());
    if (o.vocabSize != 0 && o.vocabSize != loaded.vocabSize())
        throw ConfigError("--vocab-size " + std::to_string(o.vocabSize) + " differs from the " +
                          std::to_string(loaded.vocabSize()) + " tokens of " + report.tokenizerSource +
                          "; leave it out to use the tokenizer's");
    if (loaded.vocabSize() > kMaxVocab)
        throw ConfigError(report.tokenizerSource + ": " + std::to_string(loaded.vocabSize()) +
                          " tokens do not fit the uint32 shard format");
    log("tokenizer: " + report.tokenizerSource + ", " + std::to_string(loaded.vocabSize()) + " tokens");
    return loaded;
}

// Every document of the corpus, with each source file recorded (size, sha256) in meta.json.
std::vector<std::string> readDocuments(const PrepareOptions& o, PrepareReport& report, const Log& log)
{
    DatasetMeta& meta = report.meta;
    std::vector<std::string> skipped;
    std::vector<TextDocument> files = readTextCorpus(o.textDir, &skipped);
    for (const std::string& s : skipped)
        log("skipped " + s + ": each folder and file is read once");
    bool onlyTxt = true;
    for (const TextDocument& d : files) {
        meta.sources.push_back({d.relativePath, static_cast<int64_t>(d.text.size()), sha256Hex(d.text)});
        meta.sourceBytes += static_cast<int64_t>(d.text.size());
        onlyTxt = onlyTxt && !isJsonLinesFile(d.path);
    }
    std::vector<std::string> docs = splitDocuments(files, o.textField);
    for (const std::string& d : docs)
        report.documents += d.empty() ? 0 : 1;
    if (report.documents == 0)
        throw DataError(o.textDir.string() + ": all " + std::to_string(files.size()) +
                        (onlyTxt ? " .txt files are empty" : " .txt and .jsonl files hold no text") +
                        "; there is no text to train on");
    log("read " + std::to_string(files.size()) + " files, " + std::to_string(meta.sourceBytes) + " bytes, " +
        std::to_string(report.documents) + " documents");
    return docs;
}

// One stream: the documents joined by the separator (when the tokenizer has one). The texts are
// released as they are encoded.
std::vector<uint32_t> encodeDocuments(std::vector<std::string>& docs, const BpeTokenizer& tokenizer,
                                      const std::optional<AddedToken>& separator, int64_t sourceBytes)
{
    std::vector<uint32_t> stream;
    stream.reserve(static_cast<size_t>(sourceBytes / 3));
    bool first = true;
    for (std::string& d : docs) {
        if (d.empty())
            continue;
        if (!first && separator)
            stream.push_back(static_cast<uint32_t>(separator->id));
        first = false;
        tokenizer.encodeAppend(d, stream);
        std::string().swap(d);
    }
    return stream;
}

// The stream cut into sequences of seqLen tokens, a seeded random 10% of them to validation
// (heldOutWindows, as TokenDataset carves data without a split); the tail is dropped.
void splitSequences(std::vector<uint32_t>& stream, const PrepareOptions& o, DatasetMeta& meta,
                    std::vector<uint32_t>& train, std::vector<uint32_t>& val)
{
    const auto total = static_cast<int64_t>(stream.size());
    const int64_t sequences = total / o.seqLen;
    if (sequences < 10)
        throw DataError(o.textDir.string() + ": too little text: " + std::to_string(total) + " tokens make " +
                        std::to_string(sequences) + " sequence(s) of " + std::to_string(o.seqLen) +
                        " tokens, but at least 10 are needed for one training and one validation sequence (10% "
                        "are validation); add text or lower --seq-len to at most " +
                        std::to_string(std::max<int64_t>(total / 10, 1)));
    meta.droppedTokens = total - sequences * o.seqLen;
    train.reserve(static_cast<size_t>(sequences - sequences / 10) * o.seqLen);
    val.reserve(static_cast<size_t>(sequences / 10) * o.seqLen);
    const std::vector<int64_t> heldOut = heldOutWindows(sequences);
    size_t next = 0;
    for (int64_t i = 0; i < sequences; ++i) {
        const auto seq = stream.begin() + i * o.seqLen;
        const bool validation = next < heldOut.size() && heldOut[next] == i;
        next += validation ? 1 : 0;
        std::vector<uint32_t>& dst = validation ? val : train;
        dst.insert(dst.end(), seq, seq + o.seqLen);
    }
    std::vector<uint32_t>().swap(stream);
    meta.trainSequences = static_cast<int64_t>(train.size()) / o.seqLen;
    meta.valSequences = static_cast<int64_t>(val.size()) / o.seqLen;
    meta.trainTokens = static_cast<int64_t>(train.size());
    meta.valTokens = static_cast<int64_t>(val.size());
}

// Shards and the tokenizer first, meta.json last, so a folder with meta.json is complete. A given
// tokenizer.json is copied byte for byte.
void writePreparedFolder(const PrepareOptions& o, DatasetMeta& meta, const std::vector<uint32_t>& train,
                         const std::vector<uint32_t>& val, const BpeTokenizer& tokenizer, const TokenizerFiles* given)
{
    std::error_code ec;
    fs::create_directories(o.outDir, ec);
    if (!fs::is_directory(o.outDir))
        throw IoError(o.outDir.string() + ": cannot create the output folder" + (ec ? ": " + ec.message() : std::string()));
    const TokenWidth width = tokenWidthForVocab(meta.vocabSize);
    meta.tokenBytes = bytesPerToken(width);
    // Whole sequences per shard, and within the format's int32 token count.
    const int64_t perShard = std::max<int64_t>(1, std::min<int64_t>(o.shardTokens, INT32_MAX) / o.seqLen) * o.seqLen;
    if (perShard > INT32_MAX)
        throw ConfigError("--seq-len " + std::to_string(o.seqLen) +
                          " exceeds the shard format's limit of 2147483647 tokens per file");
    meta.trainFiles = writeShards(o.outDir, "train", train, perShard, width);
    meta.valFiles = writeShards(o.outDir, "val", val, perShard, width);
    if (given && given->kind == TokenizerFiles::Kind::TokenizerJson)
        writeFileAtomically(o.outDir / meta.tokenizerFile, readFile(given->main));
    else
        saveTokenizerJson(tokenizer, o.outDir / meta.tokenizerFile);
    writeFileAtomically(o.outDir / kDatasetMetaFile, datasetMetaToJsonText(meta));
    removeStaleShards(o.outDir, meta);
}

} // namespace

PrepareReport prepareTextCorpus(const PrepareOptions& o)
{
    const auto start = Clock::now();
    const Log log = [&o](const std::string& line) {
        if (o.log)
            o.log(line);
    };
    checkOptions(o);
    PrepareReport report;
    DatasetMeta& meta = report.meta;
    meta.seqLen = o.seqLen;
    meta.sourceRoot = o.textDir.string();

    // ---- the tokenizer given, then the corpus, then a tokenizer trained on it if none was given ----
    const bool given = !o.tokenizerPath.empty();
    auto t0 = Clock::now();
    std::optional<TokenizerFiles> tokenizerFiles;
    std::optional<BpeTokenizer> loaded;
    if (given) {
        tokenizerFiles = findTokenizerFiles(o.tokenizerPath);
        loaded.emplace(loadGivenTokenizer(o, *tokenizerFiles, report, log));
    }
    meta.requestedVocabSize = given && o.vocabSize == 0 ? loaded->vocabSize() : o.vocabSize;
    const double loadSeconds = secondsSince(t0);
    std::vector<std::string> docs = readDocuments(o, report, log);
    t0 = Clock::now();
    const BpeTokenizer tokenizer = given ? std::move(*loaded) : trainTokenizer(docs, o, report, log);
    loaded.reset();
    report.trainSeconds = given ? loadSeconds : secondsSince(t0);
    meta.vocabSize = tokenizer.vocabSize();
    meta.tokenizerMerges = static_cast<int64_t>(tokenizer.merges().size());
    const std::optional<AddedToken> separator = documentSeparator(tokenizer); // trained: <|endoftext|>
    if (separator) {
        meta.specialTokens = {separator->content};
        meta.eotId = separator->id;
        report.endOfText = separator->content;
    } else {
        log("tokenizer: no end-of-text token; documents are concatenated without a separator");
    }

    // ---- encode, cut into sequences, write ----
    t0 = Clock::now();
    std::vector<uint32_t> stream = encodeDocuments(docs, tokenizer, separator, meta.sourceBytes);
    report.encodeSeconds = secondsSince(t0);
    log("encoded " + std::to_string(stream.size()) + " tokens");
    std::vector<uint32_t> train, val;
    splitSequences(stream, o, meta, train, val);
    writePreparedFolder(o, meta, train, val, tokenizer, tokenizerFiles ? &*tokenizerFiles : nullptr);

    report.outDir = o.outDir;
    report.totalSeconds = secondsSince(start);
    log("wrote " + o.outDir.string());
    return report;
}

} // namespace qks
