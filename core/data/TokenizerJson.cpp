#include "data/TokenizerJson.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "data/TokenizerJsonSettings.h"

#include <nlohmann/json.hpp>

namespace qks {

namespace {

// Writing uses ordered_json so the vocabulary comes out in id order, as Hugging Face writes it;
// reading uses the plain json, whose std::map keeps a 50k-entry vocabulary O(n log n) (an
// ordered_json object looks keys up linearly).
using OrderedJson = nlohmann::ordered_json;
using Json = nlohmann::json;

OrderedJson byteLevel(bool addPrefixSpace, bool trimOffsets)
{
    return {{"type", "ByteLevel"},
            {"add_prefix_space", addPrefixSpace},
            {"trim_offsets", trimOffsets},
            {"use_regex", true}};
}

} // namespace

std::string tokenizerToJsonText(const BpeTokenizer& tok)
{
    OrderedJson added = OrderedJson::array();
    for (const AddedToken& t : tok.addedTokens())
        added.push_back({{"id", t.id},
                         {"content", t.content},
                         {"single_word", t.singleWord},
                         {"lstrip", t.lstrip},
                         {"rstrip", t.rstrip},
                         {"normalized", t.normalized},
                         {"special", t.special}});
    OrderedJson vocab = OrderedJson::object();
    auto& entries = vocab.get_ref<OrderedJson::object_t&>();
    entries.reserve(tok.vocab().size());
    for (size_t id = 0; id < tok.vocab().size(); ++id)
        entries.emplace_back(tok.vocab()[id], id); // unique by construction: skip the linear lookup
    OrderedJson merges = OrderedJson::array();
    for (const BpeMerge& m : tok.merges())
        merges.push_back(tok.token(m.left) + " " + tok.token(m.right));
    OrderedJson j = {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer", nullptr},
        {"pre_tokenizer", byteLevel(false, true)},
        {"post_processor", byteLevel(true, false)},
        {"decoder", byteLevel(true, true)},
        {"model", {{"type", "BPE"},
                   {"dropout", nullptr},
                   {"unk_token", nullptr},
                   {"continuing_subword_prefix", nullptr},
                   {"end_of_word_suffix", nullptr},
                   {"fuse_unk", false},
                   {"byte_fallback", false},
                   {"vocab", vocab},
                   {"merges", merges}}},
    };
    bpeSettingsToJson(tok.settings(), j); // in place: the key order above stays
    return j.dump(2) + "\n";
}

void saveTokenizerJson(const BpeTokenizer& tokenizer, const std::filesystem::path& path)
{
    writeFileAtomically(path, tokenizerToJsonText(tokenizer));
}

BpeTokenizer tokenizerFromJsonText(const std::string& text, const std::string& origin)
{
    requireJsonDepth(text, origin, "; not a Hugging Face tokenizer.json");
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw DataError(origin + ": not valid JSON at byte " + std::to_string(e.byte) + ": " +
                        e.what());
    }
    if (!j.is_object() || !j.contains("model") || !j["model"].is_object())
        throw DataError(origin + ": no \"model\" object; not a Hugging Face tokenizer.json");
    const Json& model = j["model"];
    const std::string type = model.value("type", "BPE");
    if (type != "BPE")
        throw DataError(origin + ": model type \"" + type + "\" is not supported; only "
                        "byte-level BPE (GPT-2 style) tokenizers are");
    BpeSettings settings = bpeSettingsFromJson(j, origin);
    if (!model.contains("vocab") || !model["vocab"].is_object())
        throw DataError(origin + ": model.vocab is missing or not an object");

    // Ids of the vocabulary and of added tokens share one space; collect both, then require
    // every id from 0 to the largest to be present.
    std::vector<std::string> vocab;
    std::vector<bool> present;
    // Every id up to the largest must be given, so no id can reach the number of entries. Checked
    // before the id sizes the tables: one entry with id 2000000000 must not allocate 64 GB.
    const size_t entries = model["vocab"].size() +
                           (j.contains("added_tokens") && j["added_tokens"].is_array() ? j["added_tokens"].size() : 0);
    auto place = [&](const std::string& token, const Json& idJson, const std::string& what) {
        if (!idJson.is_number_integer() || idJson.get<int64_t>() < 0 ||
            idJson.get<int64_t>() > INT32_MAX)
            throw DataError(origin + ": " + what + " \"" + token + "\" has an invalid id " +
                            idJson.dump());
        const auto id = static_cast<size_t>(idJson.get<int64_t>());
        if (id >= entries)
            throw DataError(origin + ": " + what + " \"" + token + "\" has id " + std::to_string(id) +
                            ", but the vocabulary and added tokens hold only " + std::to_string(entries) +
                            " entries, so ids below it are missing; ids must cover every number from 0 "
                            "to the largest");
        if (id >= vocab.size()) {
            vocab.resize(id + 1);
            present.resize(id + 1, false);
        }
        if (present[id] && vocab[id] != token)
            throw DataError(origin + ": id " + std::to_string(id) + " is given to both \"" +
                            vocab[id] + "\" and \"" + token + "\"");
        vocab[id] = token;
        present[id] = true;
    };
    for (const auto& [token, id] : model["vocab"].items())
        place(token, id, "token");

    std::vector<AddedToken> added;
    if (j.contains("added_tokens") && j["added_tokens"].is_array()) {
        for (const Json& t : j["added_tokens"]) {
            if (!t.is_object() || !t.contains("content") || !t["content"].is_string() ||
                !t.contains("id"))
                throw DataError(origin + ": an entry of added_tokens lacks \"id\" or \"content\"");
            const std::string content = t["content"].get<std::string>();
            place(content, t["id"], "added token");
            AddedToken a;
            a.id = static_cast<int32_t>(t["id"].get<int64_t>());
            a.content = content;
            a.special = t.value("special", false);
            a.singleWord = t.value("single_word", false);
            a.lstrip = t.value("lstrip", false);
            a.rstrip = t.value("rstrip", false);
            a.normalized = t.value("normalized", !a.special); // tokenizers' default
            added.push_back(std::move(a));
        }
    }
    for (size_t id = 0; id < present.size(); ++id)
        if (!present[id])
            throw DataError(origin + ": id " + std::to_string(id) + " is missing: the vocabulary "
                            "and added tokens must cover every id up to the largest");

    std::vector<std::pair<std::string, std::string>> merges;
    if (model.contains("merges")) {
        if (!model["merges"].is_array())
            throw DataError(origin + ": model.merges is not a list");
        size_t index = 0;
        for (const Json& m : model["merges"]) {
            if (m.is_string()) {
                const std::string s = m.get<std::string>();
                // Byte-level tokens never hold a space (it is written 'Ġ'): one space splits.
                const size_t space = s.find(' ');
                if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos)
                    throw DataError(origin + ": merge " + std::to_string(index) + " \"" + s +
                                    "\" is not two tokens separated by one space");
                merges.emplace_back(s.substr(0, space), s.substr(space + 1));
            } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
                merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
            } else {
                throw DataError(origin + ": merge " + std::to_string(index) + " is neither "
                                "\"left right\" nor [\"left\", \"right\"]: " + m.dump());
            }
            ++index;
        }
    }
    return BpeTokenizer(std::move(vocab), merges, std::move(added), origin, std::move(settings));
}

BpeTokenizer loadTokenizerJson(const std::filesystem::path& path)
{
    return tokenizerFromJsonText(readFile(path), path.string());
}

BpeTokenizer loadGpt2EncoderFiles(const std::filesystem::path& encoderJson,
                                  const std::filesystem::path& vocabBpe)
{
    Json enc;
    try {
        enc = Json::parse(readFile(encoderJson));
    } catch (const nlohmann::json::parse_error& e) {
        throw DataError(encoderJson.string() + ": not valid JSON at byte " + std::to_string(e.byte));
    }
    if (!enc.is_object())
        throw DataError(encoderJson.string() + ": expected an object mapping tokens to ids");
    // Reuse the tokenizer.json reader: wrap the two files as a minimal tokenizer.json.
    Json tj = {{"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}}},
               {"model", {{"type", "BPE"}, {"vocab", enc}, {"merges", Json::array()}}}};
    if (enc.contains("<|endoftext|>"))
        tj["added_tokens"] = Json::array(
            {{{"id", enc["<|endoftext|>"]}, {"content", "<|endoftext|>"}, {"special", true}}});
    const std::string text = readFile(vocabBpe);
    Json& merges = tj["model"]["merges"];
    size_t pos = 0;
    bool header = true;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (header && line.rfind("#version", 0) == 0) {
            header = false;
            continue;
        }
        header = false;
        if (!line.empty())
            merges.push_back(line);
    }
    return tokenizerFromJsonText(tj.dump(), encoderJson.string() + " + " + vocabBpe.filename().string());
}

} // namespace qks
