#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qks {

// Hugging Face datasets' save_to_disk layout, read without Python:
//   Dataset folder:     state.json ("_data_files": [{"filename": ...}] in order), the .arrow shards,
//                       dataset_info.json (features; not needed here)
//   DatasetDict folder: dataset_dict.json ({"splits": ["train", "validation"]}) and one Dataset
//                       folder per split
inline constexpr const char* kHfStateFile = "state.json";
inline constexpr const char* kHfDatasetDictFile = "dataset_dict.json";

enum class HfLayout {
    Dataset,     // one Dataset folder: all of it is training data
    DatasetDict, // splits
    File,        // a single .arrow file
};

const char* hfLayoutName(HfLayout layout); // "dataset", "dataset_dict", "file"

struct HfSplit {
    std::string name;                         // as dataset_dict.json spells it; "" for a Dataset folder or file
    std::vector<std::filesystem::path> files; // .arrow shards in state.json's order
};

struct HfDatasetFiles {
    HfLayout layout = HfLayout::Dataset;
    std::vector<std::string> splits;  // every split dataset_dict.json lists (DatasetDict only)
    HfSplit train;
    std::optional<HfSplit> validation; // nullopt: the caller carves one from train
};

// True for a folder holding state.json or dataset_dict.json, or a file named *.arrow.
bool isHfDatasetPath(const std::filesystem::path& path);

// The .arrow files of a Dataset folder, in the order its state.json lists them. Throws DataError
// naming state.json when it is not valid JSON, lists no files, lists a name that is not a plain
// file name or a file that is missing, or uses an indices mapping (_indices_data_files).
std::vector<std::filesystem::path> readHfStateFiles(const std::filesystem::path& datasetDir);

// Which files make the training and validation data. A DatasetDict's "train" split is training
// data; its validation split is "validation", else "val", else "valid", else "test" (a study
// needs held-out data and test is the only other held-out split), else none. A Dataset folder or
// a single file is all training data. Throws DataError naming the file for a DatasetDict without a
// "train" split, a split name that is not a plain folder name, a split folder without
// state.json, and everything readHfStateFiles throws.
HfDatasetFiles readHfDatasetFiles(const std::filesystem::path& path);

} // namespace qks
