#include "data/TokenShard.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <vector>

namespace qks {

// The format is little-endian and so are the machines we build for; reading the mapping
// directly avoids a byte-swapping copy of every token.
static_assert(std::endian::native == std::endian::little, "token shards assume a little-endian host");

namespace {

int32_t readInt32(const std::byte* p)
{
    int32_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <typename T>
TokenShard::Range rangeOf(const T* tokens, int64_t count)
{
    if (count == 0)
        return {};
    T lo = tokens[0];
    T hi = tokens[0];
    // Branch-free min/max so the compiler vectorises it: a 100M-token shard takes ~50 ms.
    for (int64_t i = 1; i < count; ++i) {
        lo = std::min(lo, tokens[i]);
        hi = std::max(hi, tokens[i]);
    }
    return {lo, hi};
}

template <typename T>
int64_t firstAtLeast(const T* tokens, int64_t count, uint64_t limit)
{
    for (int64_t i = 0; i < count; ++i)
        if (tokens[i] >= limit)
            return i;
    return -1;
}

} // namespace

TokenWidth tokenWidthForVocab(int64_t vocabSize)
{
    return vocabSize <= 65536 ? TokenWidth::U16 : TokenWidth::U32;
}

void writeTokenShard(const std::filesystem::path& path, std::span<const uint32_t> tokens,
                     TokenWidth width)
{
    if (tokens.size() > static_cast<size_t>(INT32_MAX))
        throw DataError("cannot write " + path.string() + ": " + std::to_string(tokens.size()) +
                        " tokens exceed the shard format's limit of 2147483647; split them into "
                        "several shards");
    const int bpt = bytesPerToken(width);
    std::string bytes(static_cast<size_t>(kShardHeaderBytes) + tokens.size() * bpt, '\0');
    int32_t header[kShardHeaderInts] = {};
    header[0] = width == TokenWidth::U16 ? kShardMagicU16 : kShardMagicU32;
    header[1] = width == TokenWidth::U16 ? kShardVersionU16 : kShardVersionU32;
    header[2] = static_cast<int32_t>(tokens.size());
    std::memcpy(bytes.data(), header, sizeof header);
    char* body = bytes.data() + kShardHeaderBytes;
    if (width == TokenWidth::U16) {
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i] > 0xFFFF)
                throw DataError("cannot write " + path.string() + ": token " + std::to_string(i) +
                                " has id " + std::to_string(tokens[i]) +
                                ", which does not fit a uint16 shard; use the uint32 format");
            const uint16_t v = static_cast<uint16_t>(tokens[i]);
            std::memcpy(body + 2 * i, &v, 2);
        }
    } else {
        std::memcpy(body, tokens.data(), tokens.size() * 4);
    }
    writeFileAtomically(path, bytes);
}

TokenShard::TokenShard(MappedFile file, TokenWidth width, int64_t count)
    : m_file(std::move(file)), m_width(width), m_count(count)
{
}

TokenShard TokenShard::open(const std::filesystem::path& path)
{
    MappedFile file(path);
    const std::string name = path.string();
    if (static_cast<int64_t>(file.size()) < kShardHeaderBytes)
        throw DataError(name + ": file is " + std::to_string(file.size()) +
                        " bytes, shorter than the 1024-byte token shard header; the file is "
                        "truncated or not a token shard");
    const int32_t magic = readInt32(file.data());
    const int32_t version = readInt32(file.data() + 4);
    const int32_t count = readInt32(file.data() + 8);
    TokenWidth width;
    if (magic == kShardMagicU16) {
        if (version != kShardVersionU16)
            throw DataError(name + ": unknown token shard version " + std::to_string(version) +
                            " at byte 4 for magic 20240520 (expected 1: uint16 tokens)");
        width = TokenWidth::U16;
    } else if (magic == kShardMagicU32) {
        if (version != kShardVersionU32)
            throw DataError(name + ": unknown token shard version " + std::to_string(version) +
                            " at byte 4 for magic 20240801 (expected 7: uint32 tokens)");
        width = TokenWidth::U32;
    } else {
        throw DataError(name + ": wrong magic number " + std::to_string(magic) +
                        " at byte 0; expected 20240520 (uint16 shard) or 20240801 (uint32 "
                        "shard) — this is not an llm.c token shard");
    }
    if (count < 0)
        throw DataError(name + ": negative token count " + std::to_string(count) +
                        " in the header at byte 8; the header is corrupt");
    const int bpt = bytesPerToken(width);
    const int64_t bodyBytes = static_cast<int64_t>(file.size()) - kShardHeaderBytes;
    const int64_t expected = static_cast<int64_t>(count) * bpt;
    if (bodyBytes < expected)
        throw DataError(name + ": truncated: the header says " + std::to_string(count) +
                        " tokens but the file holds " + std::to_string(bodyBytes / bpt) +
                        " (body ends at byte " + std::to_string(file.size()) + ", expected " +
                        std::to_string(kShardHeaderBytes + expected) +
                        "); re-create or re-download the shard");
    if (bodyBytes > expected)
        throw DataError(name + ": the header says " + std::to_string(count) +
                        " tokens but the file holds " + std::to_string(bodyBytes - expected) +
                        " extra bytes after them (from byte " +
                        std::to_string(kShardHeaderBytes + expected) +
                        "); the header or the file is corrupt");
    return TokenShard(std::move(file), width, count);
}

uint32_t TokenShard::at(int64_t index) const
{
    if (m_width == TokenWidth::U16) {
        uint16_t v;
        std::memcpy(&v, body() + 2 * index, 2);
        return v;
    }
    uint32_t v;
    std::memcpy(&v, body() + 4 * index, 4);
    return v;
}

void TokenShard::copyTo(int64_t offset, int64_t count, int64_t* out) const
{
    // Read with pread, not through the mapping: a shard truncated while a run reads it then
    // gives a DataError naming it instead of SIGBUS (MappedFile.h).
    const int bpt = bytesPerToken(m_width);
    const uint64_t at = static_cast<uint64_t>(kShardHeaderBytes + offset * bpt);
    if (m_width == TokenWidth::U16) {
        std::vector<uint16_t> buf(static_cast<size_t>(count));
        m_file.readAt(at, buf.size() * 2, buf.data());
        std::copy(buf.begin(), buf.end(), out);
    } else {
        std::vector<uint32_t> buf(static_cast<size_t>(count));
        m_file.readAt(at, buf.size() * 4, buf.data());
        std::copy(buf.begin(), buf.end(), out);
    }
}

TokenShard::Range TokenShard::idRange() const
{
    if (m_width == TokenWidth::U16)
        return rangeOf(reinterpret_cast<const uint16_t*>(body()), m_count);
    return rangeOf(reinterpret_cast<const uint32_t*>(body()), m_count);
}

void TokenShard::checkIds(int64_t vocabSize) const
{
    if (vocabSize <= 0 || m_count == 0)
        return;
    if (static_cast<int64_t>(idRange().max) < vocabSize)
        return;
    const uint64_t limit = static_cast<uint64_t>(vocabSize);
    const int64_t index = m_width == TokenWidth::U16
        ? firstAtLeast(reinterpret_cast<const uint16_t*>(body()), m_count, limit)
        : firstAtLeast(reinterpret_cast<const uint32_t*>(body()), m_count, limit);
    const uint32_t id = at(index);
    throw DataError(path().string() + ": token " + std::to_string(index) + " (byte " +
                    std::to_string(kShardHeaderBytes + index * bytesPerToken(m_width)) +
                    ") has id " + std::to_string(id) + ", not below the vocabulary size " +
                    std::to_string(vocabSize) +
                    "; use a model vocab_size above the largest id or re-tokenize the data");
}

} // namespace qks
