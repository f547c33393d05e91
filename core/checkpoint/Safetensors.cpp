#include "checkpoint/Safetensors.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

// Debian's libxxhash-dev, used header-only (its functions inlined here), so that a GPU server
// needs only the header (scripts/pack-gpu-deps.sh carries it).
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace qks {

namespace {

std::string xxh64Hex(const void* data, size_t bytes)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH64(data, bytes, 0)));
    return hex;
}

// The data block is checked against the checksums written with it: one flipped byte in a
// tensor must not pass as a checkpoint that merely trains differently. Files without checksums
// (written by PyTorch, or by QK Studio before it wrote them) are taken as they are.
void verifyChecksums(const std::vector<SafetensorsTensor>& tensors, const std::map<std::string, std::string>& metadata,
                     const std::filesystem::path& path)
{
    const auto it = metadata.find(kSafetensorsChecksumKey);
    if (it == metadata.end())
        return;
    const auto fail = [&](const std::string& why) {
        return DataError(path.string() + ": " + why + "; the file was damaged after it was written (a disk or copy "
                         "error): use another checkpoint, or one from a backup");
    };
    nlohmann::json sums;
    if (jsonTooDeepAt(it->second) != std::string_view::npos)
        throw fail("its checksums are not readable");
    try {
        sums = nlohmann::json::parse(it->second);
    } catch (const nlohmann::json::exception&) {
        throw fail("its checksums are not readable");
    }
    if (!sums.is_object() || sums.size() != tensors.size())
        throw fail("its checksums do not list its tensors");
    for (const auto& t : tensors) {
        const auto sum = sums.find(t.name);
        if (sum == sums.end() || !sum->is_string())
            throw fail("tensor " + t.name + " has no checksum");
        if (sum->get<std::string>() != xxh64Hex(t.data, t.bytes))
            throw fail("tensor " + t.name + "'s data does not match its checksum");
    }
}

} // namespace

size_t safetensorsDtypeSize(const std::string& dtype)
{
    static const std::map<std::string, size_t> sizes = {
        {"F64", 8}, {"F32", 4}, {"F16", 2}, {"BF16", 2}, {"I64", 8}, {"I32", 4},
        {"I16", 2}, {"I8", 1},  {"U8", 1},  {"BOOL", 1}, {"U16", 2}, {"U32", 4}, {"U64", 8},
    };
    const auto it = sizes.find(dtype);
    return it == sizes.end() ? 0 : it->second;
}

void writeSafetensors(const std::filesystem::path& path, const std::vector<SafetensorsTensor>& tensors,
                      const std::map<std::string, std::string>& metadata)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    std::map<std::string, std::string> withSums = metadata;
    nlohmann::ordered_json sums = nlohmann::ordered_json::object();
    for (const auto& t : tensors)
        sums[t.name] = xxh64Hex(t.data, t.bytes);
    withSums[kSafetensorsChecksumKey] = sums.dump();
    header["__metadata__"] = withSums;
    size_t offset = 0;
    for (const auto& t : tensors) {
        header[t.name] = {{"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.bytes}}};
        offset += t.bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' '); // keeps the data block 8-byte aligned
    std::string bytes(8, '\0');
    const uint64_t n = text.size();
    for (int i = 0; i < 8; ++i)
        bytes[static_cast<size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
    bytes += text;
    bytes.reserve(bytes.size() + offset);
    for (const auto& t : tensors)
        bytes.append(static_cast<const char*>(t.data), t.bytes);
    writeFileAtomically(path, bytes);
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path)
{
    SafetensorsFile f;
    f.m_file = MappedFile(path);
    const auto fail = [&](const std::string& why) {
        return DataError(path.string() + ": not a valid safetensors file: " + why);
    };
    const size_t size = f.m_file.size();
    if (size < 8)
        throw fail("shorter than its 8-byte header length");
    const auto* p = reinterpret_cast<const unsigned char*>(f.m_file.data());
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i)
        headerLen = (headerLen << 8) | p[i];
    if (headerLen > size - 8)
        throw fail("header length " + std::to_string(headerLen) + " runs past the end of the file (" +
                   std::to_string(size) + " bytes)");
    const std::string_view headerText(reinterpret_cast<const char*>(p + 8), headerLen);
    if (const size_t at = jsonTooDeepAt(headerText); at != std::string_view::npos)
        throw fail("header nests arrays and objects more than " + std::to_string(kMaxJsonDepth) +
                   " levels deep at byte " + std::to_string(at) + " (a safetensors header needs 3)");
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(headerText);
    } catch (const nlohmann::json::exception& e) {
        throw fail(std::string("header is not JSON (") + e.what() + ")");
    }
    if (!header.is_object())
        throw fail("header is not a JSON object");
    const size_t dataStart = 8 + headerLen;
    const size_t dataSize = size - dataStart;
    std::vector<std::pair<size_t, size_t>> ranges;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object())
                throw fail("__metadata__ is not an object");
            for (auto m = it->begin(); m != it->end(); ++m)
                if (m->is_string())
                    f.m_metadata[m.key()] = m->get<std::string>();
            continue;
        }
        const auto& e = *it;
        SafetensorsTensor t;
        t.name = it.key();
        try {
            t.dtype = e.at("dtype").get<std::string>();
            t.shape = e.at("shape").get<std::vector<int64_t>>();
            const auto offsets = e.at("data_offsets").get<std::vector<uint64_t>>();
            if (offsets.size() != 2 || offsets[0] > offsets[1] || offsets[1] > dataSize)
                throw fail("tensor " + t.name + " has data_offsets outside the data block");
            const size_t elementSize = safetensorsDtypeSize(t.dtype);
            if (elementSize == 0)
                throw fail("tensor " + t.name + " has unknown dtype " + t.dtype);
            uint64_t count = 1;
            for (int64_t d : t.shape) {
                if (d < 0)
                    throw fail("tensor " + t.name + " has a negative dimension");
                count *= static_cast<uint64_t>(d);
            }
            if (count * elementSize != offsets[1] - offsets[0])
                throw fail("tensor " + t.name + " holds " + std::to_string(offsets[1] - offsets[0]) + " bytes but " + t.dtype +
                           " × shape needs " + std::to_string(count * elementSize));
            t.data = p + dataStart + offsets[0];
            t.bytes = offsets[1] - offsets[0];
            ranges.emplace_back(offsets[0], offsets[1]);
        } catch (const nlohmann::json::exception& ex) {
            throw fail("tensor " + t.name + ": " + ex.what());
        }
        f.m_tensors.push_back(std::move(t));
    }
    std::sort(ranges.begin(), ranges.end());
    for (size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second)
            throw fail("two tensors overlap in the data block");
    verifyChecksums(f.m_tensors, f.m_metadata, path);
    return f;
}

const SafetensorsTensor* SafetensorsFile::find(const std::string& name) const
{
    for (const auto& t : m_tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

} // namespace qks
