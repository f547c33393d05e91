#include "data/TokenizerJsonSettings.h"

#include "common/Error.h"

#include <nlohmann/json.hpp>

namespace qks {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

std::string typeOf(const Json& j)
{
    return j.is_object() && j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>()
                                                                        : std::string();
}

bool boolField(const Json& j, const char* key, bool fallback, const std::string& where)
{
    if (!j.contains(key) || j[key].is_null())
        return fallback;
    if (!j[key].is_boolean())
        throw DataError(where + "." + key + " is not true or false: " + j[key].dump());
    return j[key].get<bool>();
}

void readNormalizer(const Json& j, const std::string& origin, std::vector<NormalizationForm>& out)
{
    if (j.is_null())
        return;
    const std::string type = typeOf(j);
    if (type == "NFC")
        out.push_back(NormalizationForm::Nfc);
    else if (type == "NFD")
        out.push_back(NormalizationForm::Nfd);
    else if (type == "NFKC")
        out.push_back(NormalizationForm::Nfkc);
    else if (type == "NFKD")
        out.push_back(NormalizationForm::Nfkd);
    else if (type == "Sequence" && j.contains("normalizers") && j["normalizers"].is_array())
        for (const Json& part : j["normalizers"])
            readNormalizer(part, origin, out);
    else
        throw DataError(origin + ": normalizer \"" + (type.empty() ? j.dump() : type) +
                        "\" is not supported (supported: NFC, NFD, NFKC, NFKD and Sequences of them)");
}

SplitBehavior splitBehavior(const Json& j, const std::string& where)
{
    const std::string name = j.is_string() ? j.get<std::string>() : j.dump();
    for (const SplitBehavior b : {SplitBehavior::Removed, SplitBehavior::Isolated,
                                  SplitBehavior::MergedWithPrevious, SplitBehavior::MergedWithNext,
                                  SplitBehavior::Contiguous})
        if (name == splitBehaviorName(b))
            return b;
    throw DataError(where + ": unknown Split behavior \"" + name + "\"");
}

void readPreTokenizer(const Json& j, const std::string& origin, std::vector<PreTokenizerStep>& out)
{
    const std::string type = typeOf(j);
    const std::string where = origin + ": pre_tokenizer " + type;
    if (type == "Sequence" && j.contains("pretokenizers") && j["pretokenizers"].is_array()) {
        for (const Json& part : j["pretokenizers"])
            readPreTokenizer(part, origin, out);
    } else if (type == "ByteLevel") {
        ByteLevelStep s;
        // tokenizers requires add_prefix_space in the file; absent means GPT-2's (false) here.
        s.addPrefixSpace = boolField(j, "add_prefix_space", false, where);
        s.useRegex = boolField(j, "use_regex", true, where);
        s.trimOffsets = boolField(j, "trim_offsets", true, where);
        out.emplace_back(s);
    } else if (type == "Split") {
        SplitStep s;
        const Json pattern = j.value("pattern", Json());
        if (pattern.is_object() && pattern.contains("Regex") && pattern["Regex"].is_string()) {
            s.pattern = pattern["Regex"].get<std::string>();
            s.isRegex = true;
        } else if (pattern.is_object() && pattern.contains("String") && pattern["String"].is_string()) {
            s.pattern = pattern["String"].get<std::string>();
            s.isRegex = false;
        } else {
            throw DataError(where + ": pattern must be {\"Regex\": ...} or {\"String\": ...}, not " +
                            pattern.dump());
        }
        s.behavior = splitBehavior(j.value("behavior", Json("Isolated")), where);
        s.invert = boolField(j, "invert", false, where);
        out.emplace_back(s);
    } else if (type == "Digits") {
        out.emplace_back(DigitsStep{boolField(j, "individual_digits", false, where)});
    } else {
        throw DataError(origin + ": pre_tokenizer \"" + (type.empty() ? j.dump() : type) +
                        "\" is not supported; only byte-level BPE tokenizers are (pre-tokenizer "
                        "steps ByteLevel, Split, Digits and Sequences of them)");
    }
}

void checkDecoder(const Json& j, const std::string& origin)
{
    if (j.is_null())
        return; // decoding is byte-level anyway; tokenizers would join tokens with spaces
    const std::string type = typeOf(j);
    if (type == "ByteLevel")
        return;
    if (type == "Sequence" && j.contains("decoders") && j["decoders"].is_array()) {
        for (const Json& part : j["decoders"])
            checkDecoder(part, origin);
        return;
    }
    throw DataError(origin + ": decoder \"" + (type.empty() ? j.dump() : type) +
                    "\" is not supported; byte-level BPE decodes with ByteLevel");
}

OrderedJson stepToJson(const PreTokenizerStep& step)
{
    if (const auto* b = std::get_if<ByteLevelStep>(&step))
        return {{"type", "ByteLevel"},
                {"add_prefix_space", b->addPrefixSpace},
                {"trim_offsets", b->trimOffsets},
                {"use_regex", b->useRegex}};
    if (const auto* d = std::get_if<DigitsStep>(&step))
        return {{"type", "Digits"}, {"individual_digits", d->individualDigits}};
    const auto& s = std::get<SplitStep>(step);
    return {{"type", "Split"},
            {"pattern", {{s.isRegex ? "Regex" : "String", s.pattern}}},
            {"behavior", splitBehaviorName(s.behavior)},
            {"invert", s.invert}};
}

} // namespace

BpeSettings bpeSettingsFromJson(const Json& root, const std::string& origin)
{
    BpeSettings s;
    s.normalizer.clear();
    readNormalizer(root.value("normalizer", Json()), origin, s.normalizer);

    const Json pre = root.value("pre_tokenizer", Json());
    if (pre.is_null())
        throw DataError(origin + ": pre_tokenizer is null; only byte-level BPE tokenizers (with a "
                        "ByteLevel pre-tokenizer) are supported");
    s.preTokenizer.clear();
    readPreTokenizer(pre, origin, s.preTokenizer);
    checkDecoder(root.value("decoder", Json()), origin);

    const Json& model = root["model"];
    const std::string where = origin + ": model";
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && model[key].is_string() && !model[key].get<std::string>().empty())
            throw DataError(where + "." + key + " is set; byte-level BPE does not use it");
    if (model.contains("dropout") && !model["dropout"].is_null() &&
        !(model["dropout"].is_number() && model["dropout"].get<double>() == 0.0))
        throw DataError(where + ".dropout is " + model["dropout"].dump() +
                        "; only deterministic BPE (dropout null or 0) is supported");
    if (boolField(model, "byte_fallback", false, where))
        throw DataError(where + ".byte_fallback is true; byte-level BPE never needs it and it is "
                        "not supported");
    if (model.contains("unk_token") && !model["unk_token"].is_null()) {
        if (!model["unk_token"].is_string())
            throw DataError(where + ".unk_token is not a string: " + model["unk_token"].dump());
        s.unkToken = model["unk_token"].get<std::string>();
    }
    s.fuseUnk = boolField(model, "fuse_unk", false, where);
    s.ignoreMerges = boolField(model, "ignore_merges", false, where);
    return s;
}

void bpeSettingsToJson(const BpeSettings& s, OrderedJson& root)
{
    OrderedJson normalizers = OrderedJson::array();
    for (const NormalizationForm f : s.normalizer)
        normalizers.push_back({{"type", normalizationFormName(f)}});
    if (normalizers.empty())
        root["normalizer"] = nullptr;
    else if (normalizers.size() == 1)
        root["normalizer"] = normalizers[0];
    else
        root["normalizer"] = {{"type", "Sequence"}, {"normalizers", normalizers}};

    OrderedJson steps = OrderedJson::array();
    for (const PreTokenizerStep& step : s.preTokenizer)
        steps.push_back(stepToJson(step));
    root["pre_tokenizer"] = steps.size() == 1 ? steps[0]
                                              : OrderedJson{{"type", "Sequence"}, {"pretokenizers", steps}};

    OrderedJson& model = root["model"];
    model["unk_token"] = s.unkToken.empty() ? OrderedJson() : OrderedJson(s.unkToken);
    model["fuse_unk"] = s.fuseUnk;
    if (s.ignoreMerges) // written only when set, so files of GPT-2 style tokenizers stay as before
        model["ignore_merges"] = true;
}

} // namespace qks
