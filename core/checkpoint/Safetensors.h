#pragma once

#include "data/MappedFile.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace qks {

// The safetensors format (the Hugging Face format PyTorch users load with
// safetensors.torch.load_file): u64 little-endian header length, a JSON header naming each
// tensor's dtype, shape and [begin, end) byte range in the data block, then the data block.
struct SafetensorsTensor {
    std::string name;
    std::string dtype;          // "F32", "BF16", "F64", "I64", ...
    std::vector<int64_t> shape;
    const void* data = nullptr; // writing: the bytes to write; reading: points into the mapping
    size_t bytes = 0;
};

// Bytes per element of a safetensors dtype; 0 for an unknown one.
size_t safetensorsDtypeSize(const std::string& dtype);

// The "__metadata__" key holding each tensor's xxh64 checksum of its bytes: a JSON object
// {"name": "16 hex digits"} as a string (the format allows string values only).
inline constexpr const char* kSafetensorsChecksumKey = "qkstudio.xxh64";

// Writes atomically (temp file + fsync + rename). Tensors are laid out in the given order;
// `metadata` becomes the header's "__metadata__" (string values only, as the format requires),
// with every tensor's checksum added under kSafetensorsChecksumKey.
void writeSafetensors(const std::filesystem::path& path, const std::vector<SafetensorsTensor>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

// A mapped safetensors file. Throws DataError naming the file for a header that is not JSON,
// lies about its length, has ranges outside the data block, overlapping or with a size that
// does not match dtype × shape, and naming the tensor whose bytes do not match the checksum the
// file was written with (files without checksums, e.g. PyTorch's, are not checked).
class SafetensorsFile {
public:
    static SafetensorsFile open(const std::filesystem::path& path);

    const std::vector<SafetensorsTensor>& tensors() const { return m_tensors; }
    const SafetensorsTensor* find(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    const std::filesystem::path& path() const { return m_file.path(); }

private:
    MappedFile m_file;
    std::vector<SafetensorsTensor> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

} // namespace qks
