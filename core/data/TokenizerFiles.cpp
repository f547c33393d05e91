#include "data/TokenizerFiles.h"

#include "common/Error.h"
#include "data/TokenizerJson.h"

namespace qks {

namespace fs = std::filesystem;

namespace {

bool isFile(const fs::path& p)
{
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

TokenizerFiles pair(const fs::path& vocab, const fs::path& merges)
{
    if (!isFile(vocab))
        throw DataError(vocab.string() + ": missing; it is needed next to " + merges.filename().string());
    if (!isFile(merges))
        throw DataError(merges.string() + ": missing; it is needed next to " + vocab.filename().string());
    return {TokenizerFiles::Kind::VocabMerges, vocab, merges};
}

} // namespace

TokenizerFiles findTokenizerFiles(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (isFile(path / "tokenizer.json"))
            return {TokenizerFiles::Kind::TokenizerJson, path / "tokenizer.json", {}};
        if (isFile(path / "vocab.json") || isFile(path / "merges.txt"))
            return pair(path / "vocab.json", path / "merges.txt");
        if (isFile(path / "encoder.json") || isFile(path / "vocab.bpe"))
            return pair(path / "encoder.json", path / "vocab.bpe");
        throw DataError(path.string() + ": no tokenizer here; expected tokenizer.json, "
                        "vocab.json + merges.txt, or encoder.json + vocab.bpe");
    }
    if (!fs::exists(path, ec))
        throw DataError(path.string() + ": no such file or folder");
    const std::string name = path.filename().string();
    const fs::path dir = path.parent_path();
    if (name == "vocab.json")
        return pair(path, dir / "merges.txt");
    if (name == "merges.txt")
        return pair(dir / "vocab.json", path);
    if (name == "encoder.json")
        return pair(path, dir / "vocab.bpe");
    if (name == "vocab.bpe")
        return pair(dir / "encoder.json", path);
    return {TokenizerFiles::Kind::TokenizerJson, path, {}};
}

BpeTokenizer loadTokenizer(const TokenizerFiles& files)
{
    if (files.kind == TokenizerFiles::Kind::VocabMerges)
        return loadVocabMergesFiles(files.main, files.merges);
    return loadTokenizerJson(files.main);
}

BpeTokenizer loadTokenizer(const fs::path& path)
{
    return loadTokenizer(findTokenizerFiles(path));
}

BpeTokenizer loadVocabMergesFiles(const fs::path& vocabJson, const fs::path& mergesTxt)
{
    return loadGpt2EncoderFiles(vocabJson, mergesTxt);
}

} // namespace qks
