#include "data/TokenDataset.h"

#include "common/Error.h"
#include "data/DatasetMeta.h"
#include "data/HfDataset.h"
#include "data/ValidationSplit.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace qks {

namespace fs = std::filesystem;

namespace {

struct ShardLists {
    std::vector<fs::path> train;
    std::vector<fs::path> val;
};

ShardLists listPrepared(const fs::path& dir, const DatasetMeta& meta)
{
    // meta.json names the shards, so stale shards from an earlier, larger run are never read.
    ShardLists lists;
    for (const std::string& f : meta.trainFiles)
        lists.train.push_back(dir / f);
    for (const std::string& f : meta.valFiles)
        lists.val.push_back(dir / f);
    for (const auto* part : {&lists.train, &lists.val})
        for (const fs::path& p : *part) {
            std::error_code ec;
            if (!fs::exists(p, ec))
                throw DataError((dir / kDatasetMetaFile).string() + " lists " + p.filename().string() +
                                ", which is missing from the folder; restore it or re-run `qkstudio-cli prepare`");
        }
    if (lists.train.empty())
        throw DataError((dir / kDatasetMetaFile).string() +
                        ": lists no training shards; re-run `qkstudio-cli prepare`");
    return lists;
}

ShardLists listShardFolder(const fs::path& dir)
{
    std::vector<fs::path> all;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".bin")
            continue;
        std::error_code ec;
        const bool file = e.is_regular_file(ec);
        if (ec) // a link loop or a dangling link named like a shard: say so rather than skip it
            throw DataError(e.path().string() + ": " + ec.message() + "; remove it or point it at a shard");
        if (file)
            all.push_back(e.path());
    }
    std::sort(all.begin(), all.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    ShardLists lists;
    for (const fs::path& p : all) {
        const std::string name = p.filename().string();
        if (name.find("train") != std::string::npos)
            lists.train.push_back(p);
        else if (name.find("val") != std::string::npos)
            lists.val.push_back(p);
    }
    if (lists.train.empty() && lists.val.empty())
        lists.train = all;
    if (lists.train.empty() && !lists.val.empty())
        throw DataError(dir.string() + ": holds validation shards (*val*.bin) but no training "
                        "shards (*train*.bin)");
    if (lists.train.empty())
        throw DataError(dir.string() + ": no token shards (*.bin) and no meta.json; run "
                        "`qkstudio-cli prepare` or point at a folder of llm.c .bin shards");
    return lists;
}

} // namespace

int64_t TokenDataset::partSize(Part part) const
{
    return part.arrow ? m_arrow[part.index].size() : m_shards[part.index].size();
}

void TokenDataset::copy(const Stream& stream, int64_t offset, int64_t count, int64_t* out) const
{
    // The part holding `offset`: the last one starting at or before it (empty parts share starts).
    size_t k = static_cast<size_t>(std::upper_bound(stream.starts.begin(), stream.starts.end(), offset) -
                                   stream.starts.begin()) - 1;
    while (count > 0) {
        const Part part = stream.parts[k];
        const int64_t local = offset - stream.starts[k];
        const int64_t n = std::min(count, partSize(part) - local);
        if (part.arrow)
            m_arrow[part.index].copyTo(local, n, out);
        else
            m_shards[part.index].copyTo(local, n, out);
        // Every id was checked when the data was opened, but a file rewritten in place since
        // then would reach the embedding as an index out of range (a LibTorch error, exit 1).
        if (m_vocabSize > 0)
            for (int64_t i = 0; i < n; ++i)
                if (out[i] < 0 || out[i] >= m_vocabSize)
                    throw DataError((part.arrow ? m_arrow[part.index].path() : m_shards[part.index].path()).string() +
                                    ": token " + std::to_string(local + i) + " is now " + std::to_string(out[i]) +
                                    ", not below the vocabulary size " + std::to_string(m_vocabSize) +
                                    "; the file changed while in use. Results and checkpoints written so far are "
                                    "kept; restore the data, then continue with --resume");
        out += n;
        offset += n;
        count -= n;
        ++k;
    }
}

void TokenDataset::add(Stream& stream, Part part, const fs::path& file)
{
    stream.parts.push_back(part);
    stream.starts.push_back(stream.tokens);
    stream.tokens += partSize(part);
    m_info.files.push_back(file.string());
}

void TokenDataset::openHf(const fs::path& path)
{
    const HfDatasetFiles hf = readHfDatasetFiles(path);
    m_info.format = "hf-arrow";
    m_info.hfLayout = hfLayoutName(hf.layout);
    m_info.hfSplits = hf.splits;
    m_info.trainSplit = hf.train.name;
    m_info.valSplit = hf.validation ? hf.validation->name : "";
    bool anyRows = false;
    auto addFiles = [&](const std::vector<fs::path>& files, Stream& stream, int64_t& rows) {
        for (const fs::path& p : files) {
            m_arrow.push_back(ArrowTokenFile::open(p));
            const ArrowTokenFile& a = m_arrow.back();
            add(stream, {true, m_arrow.size() - 1}, p);
            rows += a.rows();
            if (m_info.columnType.find(a.columnType()) == std::string::npos)
                m_info.columnType += (m_info.columnType.empty() ? "" : ", ") + a.columnType();
            if (a.rows() > 0) {
                m_info.minRowTokens = anyRows ? std::min(m_info.minRowTokens, a.minRowTokens()) : a.minRowTokens();
                m_info.maxRowTokens = std::max(m_info.maxRowTokens, a.maxRowTokens());
                anyRows = true;
            }
        }
    };
    addFiles(hf.train.files, m_train, m_info.trainRows);
    if (hf.validation)
        addFiles(hf.validation->files, m_val, m_info.valRows);
    m_info.valCarved = !hf.validation;
}

void requireTokenSource(const fs::path& path)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw DataError(path.string() + ": " + ec.message() + " (a symbolic link loop, or a folder that cannot "
                        "be read); check data.path");
    if (!fs::exists(status))
        throw DataError(path.string() + ": no such file or folder; run `qkstudio-cli prepare` "
                        "to make a token dataset or check data.path");
}

TokenDataset TokenDataset::open(const fs::path& path, int64_t seqLen, int64_t vocabSize)
{
    if (seqLen < 1)
        throw ConfigError("sequence length must be at least 1, got " + std::to_string(seqLen));
    requireTokenSource(path);
    std::error_code ec;

    TokenDataset ds;
    ShardLists lists;
    std::optional<DatasetMeta> meta;
    if (fs::is_directory(path, ec))
        meta = readDatasetMeta(path);
    if (meta) {
        lists = listPrepared(path, *meta);
        ds.m_info.format = "prepared";
        ds.m_info.metaVocabSize = meta->vocabSize;
    } else if (isHfDatasetPath(path)) {
        ds.openHf(path);
        ds.finish(path.string(), seqLen, vocabSize);
        return ds;
    } else if (fs::is_directory(path, ec)) {
        lists = listShardFolder(path);
        ds.m_info.format = "shards";
    } else {
        lists.train.push_back(path);
        ds.m_info.format = "file";
    }

    auto addShards = [&ds](const std::vector<fs::path>& paths, Stream& stream) {
        for (const fs::path& p : paths) {
            ds.m_shards.push_back(TokenShard::open(p));
            ds.add(stream, {false, ds.m_shards.size() - 1}, p);
        }
    };
    addShards(lists.train, ds.m_train);
    addShards(lists.val, ds.m_val);
    ds.m_info.valCarved = lists.val.empty();
    ds.finish(path.string(), seqLen, vocabSize);
    return ds;
}

void TokenDataset::finish(const std::string& where, int64_t seqLen, int64_t vocabSize)
{
    m_info.seqLen = seqLen;
    m_vocabSize = vocabSize;
    uint32_t lo = std::numeric_limits<uint32_t>::max();
    uint32_t hi = 0;
    bool any = false;
    bool wide = false;
    for (const TokenShard& s : m_shards) {
        s.checkIds(vocabSize);
        wide = wide || s.width() == TokenWidth::U32;
        m_info.totalTokens += s.size();
        if (s.size() == 0)
            continue;
        const TokenShard::Range r = s.idRange();
        lo = std::min(lo, r.min);
        hi = std::max(hi, r.max);
        any = true;
    }
    m_info.tokenBytes = wide ? 4 : 2;
    if (!m_arrow.empty())
        m_info.tokenBytes = 1;
    for (const ArrowTokenFile& a : m_arrow) {
        // ArrowTokenFile::open has checked every id lies in 0 .. 4294967295.
        a.checkIds(vocabSize);
        m_info.tokenBytes = std::max(m_info.tokenBytes, a.valueBytes());
        m_info.totalTokens += a.size();
        if (a.size() == 0)
            continue;
        const ArrowTokenFile::Range r = a.idRange();
        lo = std::min(lo, static_cast<uint32_t>(r.min));
        hi = std::max(hi, static_cast<uint32_t>(r.max));
        any = true;
    }
    // Ids beyond int32 cannot index an embedding anyway; clamp for display.
    m_info.minId = any ? static_cast<int32_t>(std::min<uint32_t>(lo, INT32_MAX)) : 0;
    m_info.maxId = any ? static_cast<int32_t>(std::min<uint32_t>(hi, INT32_MAX)) : 0;

    const int64_t trainWindows = m_train.tokens / seqLen;
    if (m_info.valCarved) {
        m_valWindows = heldOutWindows(trainWindows);
        m_trainWindows = trainingWindows(trainWindows, m_valWindows);
        m_info.valSequences = static_cast<int64_t>(m_valWindows.size());
        m_info.trainSequences = static_cast<int64_t>(m_trainWindows.size());
    } else {
        m_info.trainSequences = trainWindows;
        m_info.valSequences = m_val.tokens / seqLen;
    }
    m_info.trainTokens = m_info.trainSequences * seqLen;
    m_info.valTokens = m_info.valSequences * seqLen;

    if (m_info.trainSequences < 1)
        throw DataError(where + ": the training data holds " + std::to_string(m_train.tokens) +
                        " tokens, less than one sequence of " + std::to_string(seqLen) +
                        "; use a shorter sequence length or more data");
    if (m_info.valSequences < 1) {
        if (m_info.valCarved)
            throw DataError(where + ": " + std::to_string(m_train.tokens) + " tokens make " +
                            std::to_string(trainWindows) + " sequences of " +
                            std::to_string(seqLen) +
                            (m_info.format == "hf-arrow" ? "; without a validation split" : "; without validation shards") +
                            " at least 10 are needed to carve one "
                            "validation sequence (10% are carved); use a shorter sequence length or "
                            "more data");
        throw DataError(where + ": the validation data holds " + std::to_string(m_val.tokens) +
                        " tokens, less than one sequence of " + std::to_string(seqLen) +
                        "; use a shorter sequence length or more validation data");
    }
}

void TokenDataset::copyTrainSequence(int64_t index, int64_t* out) const
{
    if (index < 0 || index >= m_info.trainSequences)
        throw std::out_of_range("train sequence " + std::to_string(index) + " of " +
                                std::to_string(m_info.trainSequences));
    const int64_t window = m_info.valCarved ? m_trainWindows[static_cast<size_t>(index)] : index;
    copy(m_train, window * m_info.seqLen, m_info.seqLen, out);
}

void TokenDataset::copyValSequence(int64_t index, int64_t* out) const
{
    if (index < 0 || index >= m_info.valSequences)
        throw std::out_of_range("validation sequence " + std::to_string(index) + " of " +
                                std::to_string(m_info.valSequences));
    if (m_info.valCarved)
        copy(m_train, m_valWindows[static_cast<size_t>(index)] * m_info.seqLen, m_info.seqLen, out);
    else
        copy(m_val, index * m_info.seqLen, m_info.seqLen, out);
}

} // namespace qks
