#include "Commands.h"

#include "common/Error.h"
#include "data/Prepare.h"

#include <cstdio>
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

int64_t requiredInt(const CliArgs& args, const std::string& name)
{
    if (!args.value(name))
        throw UsageError("--" + name + " is required");
    return args.intValueOr(name, 0);
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

int runPrepare(const CliArgs& args)
{
    args.allowOnly({"text", "vocab-size", "seq-len", "out", "json"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument \"" + args.positionals().front() + "\"");
    PrepareOptions options;
    const auto text = args.value("text");
    const auto out = args.value("out");
    if (!text)
        throw UsageError("--text is required: a folder of .txt files, one document each");
    if (!out)
        throw UsageError("--out is required: the folder to write tokenizer.json and the shards to");
    options.textDir = *text;
    options.outDir = *out;
    options.vocabSize = requiredInt(args, "vocab-size");
    options.seqLen = requiredInt(args, "seq-len");
    // Progress goes to stderr so that stdout stays the report (plain or JSON) alone.
    options.log = [](const std::string& line) { std::cerr << "prepare: " << line << "\n"; };

    const PrepareReport r = prepareTextCorpus(options);
    const DatasetMeta& m = r.meta;
    const double mbPerSecond =
        r.encodeSeconds > 0 ? static_cast<double>(m.sourceBytes) / 1e6 / r.encodeSeconds : 0.0;

    if (args.has("json")) {
        const nlohmann::ordered_json j = {
            {"out", r.outDir.string()},
            {"files", m.sources.size()},
            {"documents", r.documents},
            {"source_bytes", m.sourceBytes},
            {"vocab_size", m.vocabSize},
            {"requested_vocab_size", m.requestedVocabSize},
            {"merges", m.tokenizerMerges},
            {"eot_id", m.eotId},
            {"seq_len", m.seqLen},
            {"token_bytes", m.tokenBytes},
            {"train_tokens", m.trainTokens},
            {"val_tokens", m.valTokens},
            {"train_sequences", m.trainSequences},
            {"val_sequences", m.valSequences},
            {"dropped_tokens", m.droppedTokens},
            {"train_files", m.trainFiles},
            {"val_files", m.valFiles},
            {"tokenizer", m.tokenizerFile},
            {"unique_words", r.uniqueWords},
            {"tokenizer_seconds", r.trainSeconds},
            {"encode_seconds", r.encodeSeconds},
            {"total_seconds", r.totalSeconds},
        };
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return kExitOk;
    }

    char timing[160];
    std::snprintf(timing, sizeof timing, "tokenizer %.1f s, encoding %.1f s (%.1f MB/s), total %.1f s",
                  r.trainSeconds, r.encodeSeconds, mbPerSecond, r.totalSeconds);
    const int64_t tokens = m.trainTokens + m.valTokens + m.droppedTokens;
    std::cout << "prepared " << r.outDir.string() << " from " << m.sources.size() << " .txt files ("
              << withThousands(m.sourceBytes) << " bytes, " << r.documents << " non-empty)\n"
              << "  tokenizer   " << m.tokenizerFile << ": byte-level BPE, " << m.vocabSize
              << " tokens (256 bytes + " << m.tokenizerMerges << " merges + <|endoftext|> = id "
              << m.eotId << ")";
    if (m.vocabSize < m.requestedVocabSize)
        std::cout << "; " << m.requestedVocabSize << " asked, the text had no more pairs seen twice";
    std::cout << "\n"
              << "  tokens      " << withThousands(tokens) << " (" << withThousands(m.droppedTokens)
              << " in the tail dropped)\n"
              << "  train       " << withThousands(m.trainSequences) << " sequences of " << m.seqLen
              << " = " << withThousands(m.trainTokens) << " tokens in " << joined(m.trainFiles) << "\n"
              << "  validation  " << withThousands(m.valSequences) << " sequences (every 10th) = "
              << withThousands(m.valTokens) << " tokens in " << joined(m.valFiles) << "\n"
              << "  format      llm.c shards, " << (m.tokenBytes == 2 ? "uint16 (v1)" : "uint32 (v7)")
              << "; meta.json lists sources with sha256\n"
              << "  timing      " << timing << "\n";
    return kExitOk;
}

} // namespace qks::cli
