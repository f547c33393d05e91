#include "Commands.h"

#include "CliFormat.h"

#include "common/Error.h"
#include "data/Prepare.h"
#include "data/PrepareArrow.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {


int64_t requiredInt(const CliArgs& args, const std::string& name)
{
    if (!args.value(name))
        throw UsageError("--" + name + " is required");
    return args.intValueOr(name, 0);
}


// `prepare --arrow DIR`: an already tokenized Hugging Face datasets folder -> shards; no tokenizer.
int prepareArrow(const CliArgs& args)
{
    if (args.value("text"))
        throw UsageError("give --text (a folder of .txt files) or --arrow (a tokenized Hugging Face datasets "
                         "folder), not both");
    const auto out = args.value("out");
    if (!out)
        throw UsageError("--out is required: the folder to write the shards and meta.json to");
    PrepareArrowOptions options;
    options.arrowPath = *args.value("arrow");
    options.outDir = *out;
    options.seqLen = requiredInt(args, "seq-len");
    options.vocabSize = args.intValueOr("vocab-size", 0);
    if (args.value("vocab-size") && options.vocabSize < 1)
        throw UsageError("--vocab-size must be at least 1 (or left out: the largest id + 1)");
    options.log = [](const std::string& line) { std::cerr << "prepare: " << line << "\n"; };

    const PrepareArrowReport r = prepareArrowDataset(options);
    const DatasetMeta& m = r.meta;
    const TokenDatasetInfo& in = r.source;
    if (args.has("json")) {
        const nlohmann::ordered_json j = {
            {"out", r.outDir.string()},
            {"source", options.arrowPath.string()},
            {"source_format", "hf-arrow"},
            {"layout", in.hfLayout},
            {"splits", in.hfSplits},
            {"train_split", in.trainSplit},
            {"validation_split", in.valSplit.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(in.valSplit)},
            {"column_type", in.columnType},
            {"source_files", in.files.size()},
            {"source_bytes", m.sourceBytes},
            {"rows", in.trainRows + in.valRows},
            {"min_row_tokens", in.minRowTokens},
            {"max_row_tokens", in.maxRowTokens},
            {"vocab_size", m.vocabSize},
            {"seq_len", m.seqLen},
            {"token_bytes", m.tokenBytes},
            {"train_tokens", m.trainTokens},
            {"val_tokens", m.valTokens},
            {"train_sequences", m.trainSequences},
            {"val_sequences", m.valSequences},
            {"val_carved", in.valCarved},
            {"dropped_tokens", m.droppedTokens},
            {"train_files", m.trainFiles},
            {"val_files", m.valFiles},
            {"total_seconds", r.totalSeconds},
        };
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return kExitOk;
    }

    const std::string rows = in.minRowTokens == in.maxRowTokens
                                 ? std::to_string(in.maxRowTokens) + " tokens each"
                                 : std::to_string(in.minRowTokens) + " to " + std::to_string(in.maxRowTokens) + " tokens";
    char timing[64];
    std::snprintf(timing, sizeof timing, "total %.1f s", r.totalSeconds);
    std::cout << "prepared " << r.outDir.string() << " from " << options.arrowPath.string() << " ("
              << (in.hfLayout == "dataset_dict" ? "DatasetDict, splits " + joined(in.hfSplits)
                  : in.hfLayout == "dataset"    ? std::string("Dataset")
                                                : std::string("one .arrow file"))
              << "; " << in.files.size() << " .arrow file(s), " << withThousands(m.sourceBytes) << " bytes)\n"
              << "  input_ids   " << in.columnType << ", " << withThousands(in.trainRows + in.valRows)
              << " rows of " << rows << "\n"
              << "  vocabulary  " << m.vocabSize
              << (options.vocabSize > 0 ? " (--vocab-size; every id is below it)" : " (largest id + 1)") << "\n"
              << "  train       " << withThousands(m.trainSequences) << " sequences of " << m.seqLen << " = "
              << withThousands(m.trainTokens) << " tokens in " << joined(m.trainFiles) << "\n"
              << "  validation  " << withThousands(m.valSequences) << " sequences "
              << (in.valCarved ? std::string("(a seeded random 10%)") : "(split \"" + in.valSplit + "\")") << " = "
              << withThousands(m.valTokens) << " tokens in " << joined(m.valFiles) << "\n"
              << "  dropped     " << withThousands(m.droppedTokens) << " tokens (tails shorter than a sequence)\n"
              << "  format      llm.c shards, " << (m.tokenBytes == 2 ? "uint16 (v1)" : "uint32 (v7)")
              << "; meta.json lists the .arrow files with sha256; no tokenizer\n"
              << "  timing      " << timing << "\n";
    return kExitOk;
}

} // namespace

int runPrepare(const CliArgs& args)
{
    args.allowOnly({"text", "arrow", "tokenizer", "text-field", "vocab-size", "seq-len", "out", "json"});
    if (args.value("arrow") && (args.value("tokenizer") || args.value("text-field")))
        throw UsageError("--tokenizer and --text-field go with --text; --arrow data is already tokenized");
    if (args.value("arrow"))
        return prepareArrow(args);
    PrepareOptions options;
    const auto text = args.value("text");
    const auto out = args.value("out");
    if (!text)
        throw UsageError("--text is required: a folder of .txt files (one document each) or .jsonl files "
                         "(one per line) (or --arrow: a tokenized Hugging Face datasets folder)");
    if (!out)
        throw UsageError("--out is required: the folder to write tokenizer.json and the shards to");
    options.textDir = *text;
    options.outDir = *out;
    // With --tokenizer the vocabulary is the tokenizer's; a --vocab-size given must agree with it.
    if (const auto tokenizer = args.value("tokenizer")) {
        options.tokenizerPath = *tokenizer;
        options.vocabSize = args.intValueOr("vocab-size", 0);
        if (args.value("vocab-size") && options.vocabSize < 1)
            throw UsageError("--vocab-size must be at least 1 (or left out: the tokenizer's size)");
    } else {
        options.vocabSize = requiredInt(args, "vocab-size");
    }
    options.textField = args.valueOr("text-field", "text");
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
            {"tokenizer_source", r.tokenizerSource.empty() ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(r.tokenizerSource)},
            {"end_of_text", r.endOfText.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(r.endOfText)},
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
    std::cout << "prepared " << r.outDir.string() << " from " << m.sources.size() << " files ("
              << withThousands(m.sourceBytes) << " bytes, " << r.documents << " non-empty documents)\n";
    if (!r.tokenizerSource.empty()) {
        std::cout << "  tokenizer   " << m.tokenizerFile << ": " << r.tokenizerSource << ", " << m.vocabSize
                  << " tokens, " << m.tokenizerMerges << " merges; between documents "
                  << (r.endOfText.empty() ? std::string("nothing (no end-of-text token)")
                                          : r.endOfText + " = id " + std::to_string(m.eotId));
    } else {
        std::cout << "  tokenizer   " << m.tokenizerFile << ": byte-level BPE, " << m.vocabSize
                  << " tokens (256 bytes + " << m.tokenizerMerges << " merges + <|endoftext|> = id "
                  << m.eotId << ")";
    }
    if (r.tokenizerSource.empty() && m.vocabSize < m.requestedVocabSize)
        std::cout << "; " << m.requestedVocabSize << " asked, the text had no more pairs seen twice";
    std::cout << "\n"
              << "  tokens      " << withThousands(tokens) << " (" << withThousands(m.droppedTokens)
              << " in the tail dropped)\n"
              << "  train       " << withThousands(m.trainSequences) << " sequences of " << m.seqLen
              << " = " << withThousands(m.trainTokens) << " tokens in " << joined(m.trainFiles) << "\n"
              << "  validation  " << withThousands(m.valSequences) << " sequences (a seeded random 10%) = "
              << withThousands(m.valTokens) << " tokens in " << joined(m.valFiles) << "\n"
              << "  format      llm.c shards, " << (m.tokenBytes == 2 ? "uint16 (v1)" : "uint32 (v7)")
              << "; meta.json lists sources with sha256\n"
              << "  timing      " << timing << "\n";
    return kExitOk;
}

} // namespace qks::cli
