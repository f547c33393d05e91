#include "data/HfDataset.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace qks {

namespace fs = std::filesystem;

namespace {

nlohmann::json parseJsonFile(const fs::path& file)
{
    const std::string text = readFile(file);
    requireJsonDepth(text, file.string(), "; re-save the dataset with datasets' save_to_disk");
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw DataError(file.string() + ": not valid JSON at byte " + std::to_string(e.byte) +
                        "; re-save the dataset with datasets' save_to_disk");
    }
}

// A name from a JSON file that becomes part of a path: a folder of someone else's making must not
// send us reading elsewhere ("../x", "/etc/x").
bool isPlainName(const std::string& name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\\') == std::string::npos && name.find('\0') == std::string::npos;
}

} // namespace

const char* hfLayoutName(HfLayout layout)
{
    switch (layout) {
    case HfLayout::Dataset: return "dataset";
    case HfLayout::DatasetDict: return "dataset_dict";
    case HfLayout::File: return "file";
    }
    return "dataset";
}

bool isHfDatasetPath(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return fs::is_regular_file(path / kHfStateFile, ec) || fs::is_regular_file(path / kHfDatasetDictFile, ec);
    return path.extension() == ".arrow" && fs::is_regular_file(path, ec);
}

std::vector<fs::path> readHfStateFiles(const fs::path& dir)
{
    const fs::path file = dir / kHfStateFile;
    const nlohmann::json j = parseJsonFile(file);
    const std::string where = file.string() + ": ";
    if (!j.is_object())
        throw DataError(where + "expected a JSON object (datasets' state.json)");
    // Old datasets versions saved a selection as an indices file over the full table; rows would
    // come out in the wrong order or unselected if we read the table alone.
    if (j.contains("_indices_data_files") && !j["_indices_data_files"].is_null() &&
        !(j["_indices_data_files"].is_array() && j["_indices_data_files"].empty()))
        throw DataError(where + "the dataset uses an indices mapping (_indices_data_files), which this reader does "
                        "not apply; load it with datasets, call flatten_indices(), and save_to_disk again");
    if (!j.contains("_data_files") || !j["_data_files"].is_array())
        throw DataError(where + "no \"_data_files\" list; is this a folder written by datasets' save_to_disk?");
    std::vector<fs::path> files;
    for (const nlohmann::json& entry : j["_data_files"]) {
        if (!entry.is_object() || !entry.contains("filename") || !entry["filename"].is_string())
            throw DataError(where + "entry " + std::to_string(files.size()) +
                            " of \"_data_files\" has no \"filename\" string");
        const std::string name = entry["filename"].get<std::string>();
        if (!isPlainName(name))
            throw DataError(where + "\"_data_files\" names \"" + name +
                            "\", which is not a plain file name in the dataset folder");
        const fs::path p = dir / name;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec))
            throw DataError(where + "lists " + name + ", which is missing from " + dir.string() +
                            "; the folder is incomplete — copy it again or re-save the dataset");
        files.push_back(p);
    }
    if (files.empty())
        throw DataError(where + "\"_data_files\" lists no .arrow files; the dataset is empty");
    return files;
}

HfDatasetFiles readHfDatasetFiles(const fs::path& path)
{
    HfDatasetFiles out;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        out.layout = HfLayout::File;
        out.train.files = {path};
        return out;
    }
    if (!fs::is_regular_file(path / kHfDatasetDictFile, ec)) {
        out.layout = HfLayout::Dataset;
        out.train.files = readHfStateFiles(path);
        return out;
    }

    out.layout = HfLayout::DatasetDict;
    const fs::path file = path / kHfDatasetDictFile;
    const nlohmann::json j = parseJsonFile(file);
    if (!j.is_object() || !j.contains("splits") || !j["splits"].is_array())
        throw DataError(file.string() + ": expected {\"splits\": [...]} (datasets' dataset_dict.json)");
    for (const nlohmann::json& s : j["splits"]) {
        if (!s.is_string() || !isPlainName(s.get<std::string>()))
            throw DataError(file.string() + ": split " + s.dump() + " is not a plain folder name");
        out.splits.push_back(s.get<std::string>());
    }
    auto has = [&out](const std::string& name) {
        return std::find(out.splits.begin(), out.splits.end(), name) != out.splits.end();
    };
    auto split = [&path](const std::string& name) {
        const fs::path dir = path / name;
        std::error_code e;
        if (!fs::is_regular_file(dir / kHfStateFile, e))
            throw DataError((path / kHfDatasetDictFile).string() + ": lists split \"" + name + "\" but " +
                            (dir / kHfStateFile).string() + " is missing; the folder is incomplete");
        return HfSplit{name, readHfStateFiles(dir)};
    };
    if (!has("train")) {
        std::string names;
        for (const std::string& s : out.splits)
            names += (names.empty() ? "" : ", ") + s;
        throw DataError(file.string() + ": no \"train\" split (splits: " + (names.empty() ? "none" : names) +
                        "); to train on one of them, give its folder (" + (path / "<split>").string() + ") instead");
    }
    out.train = split("train");
    for (const char* name : {"validation", "val", "valid", "test"})
        if (has(name)) {
            out.validation = split(name);
            break;
        }
    return out;
}

} // namespace qks
