#include "Commands.h"

#include "common/Error.h"
#include "data/TokenizerFiles.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace qks::cli {

namespace {

// All of stdin, bytes as they are (text need not be valid UTF-8).
std::string readStdin()
{
    std::string data;
    char buffer[1 << 16];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
        data.append(buffer, n);
    if (std::ferror(stdin))
        throw IoError("cannot read standard input");
    return data;
}

// Ids separated by whitespace; commas and brackets are allowed too, so a JSON list works.
std::vector<int32_t> parseIds(const std::string& text)
{
    std::vector<int32_t> ids;
    size_t pos = 0;
    auto separator = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']'; };
    while (pos < text.size()) {
        if (separator(text[pos])) {
            ++pos;
            continue;
        }
        size_t end = pos;
        while (end < text.size() && !separator(text[end]))
            ++end;
        const std::string word = text.substr(pos, end - pos);
        size_t used = 0;
        long long value = -1;
        try {
            value = std::stoll(word, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != word.size() || value < 0 || value > INT32_MAX)
            throw DataError("standard input: \"" + word.substr(0, 40) + "\" is not a token id");
        ids.push_back(static_cast<int32_t>(value));
        pos = end;
    }
    return ids;
}

} // namespace

// `tokenize --tokenizer FILE|DIR [--decode] [--special] [--json]`: the whole of stdin as one
// text -> its ids on one line, space-separated (what `prepare --tokenizer` would store for a
// document of that text). --decode reads ids (whitespace-separated, or a JSON list) and writes
// the bytes they stand for, with no newline added, so `tokenize | tokenize --decode` gives the
// input back. --special turns special-token text ("<|endoftext|>") into the token, as Hugging
// Face's encode() does; without it that text is ordinary text, as in `prepare`.
int runTokenize(const CliArgs& args)
{
    args.allowOnly({"tokenizer", "decode", "special", "json"});
    const auto path = args.value("tokenizer");
    if (!path)
        throw UsageError("--tokenizer is required: a tokenizer.json, a vocab.json (merges.txt beside "
                         "it), or a folder holding either");
    if (args.has("decode") && args.has("special"))
        throw UsageError("--special applies to encoding, not to --decode");
    const TokenizerFiles files = findTokenizerFiles(*path);
    const BpeTokenizer tokenizer = loadTokenizer(files);
    const std::string input = readStdin();
    const std::string source = files.main.string() + (files.merges.empty() ? "" : " + " + files.merges.string());

    if (args.has("decode")) {
        const std::vector<int32_t> ids = parseIds(input);
        const std::string text = tokenizer.decode(ids);
        if (args.has("json")) {
            const nlohmann::ordered_json j = {{"tokenizer", source}, {"count", ids.size()}, {"text", text}};
            std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        } else {
            std::fwrite(text.data(), 1, text.size(), stdout);
        }
        return kExitOk;
    }

    const std::vector<int32_t> ids =
        tokenizer.encode(input, args.has("special") ? SpecialTokens::Match : SpecialTokens::AsText);
    if (args.has("json")) {
        const nlohmann::ordered_json j = {{"tokenizer", source},
                                          {"vocab_size", tokenizer.vocabSize()},
                                          {"bytes", input.size()},
                                          {"count", ids.size()},
                                          {"ids", ids}};
        std::cout << j.dump() << "\n"; // one line: ids lists get long
        return kExitOk;
    }
    std::string line;
    line.reserve(ids.size() * 6);
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            line += ' ';
        line += std::to_string(ids[i]);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    return kExitOk;
}

} // namespace qks::cli
