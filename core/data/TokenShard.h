#pragma once

#include "data/MappedFile.h"

#include <cstdint>
#include <filesystem>
#include <span>

namespace qks {

// llm.c / modded-nanogpt token shards: a header of 256 little-endian int32 (magic, version,
// token count, rest zero) followed by the tokens.
inline constexpr int kShardHeaderInts = 256;
inline constexpr int64_t kShardHeaderBytes = kShardHeaderInts * 4;
inline constexpr int32_t kShardMagicU16 = 20240520; // version 1: uint16 tokens
inline constexpr int32_t kShardVersionU16 = 1;
inline constexpr int32_t kShardMagicU32 = 20240801; // version 7: uint32 tokens
inline constexpr int32_t kShardVersionU32 = 7;

enum class TokenWidth { U16, U32 };

// uint16 shards are half the size, so use them whenever every id fits.
TokenWidth tokenWidthForVocab(int64_t vocabSize);
inline int bytesPerToken(TokenWidth w) { return w == TokenWidth::U16 ? 2 : 4; }

// Writes one shard through a temporary file and a rename (never a torn shard). Throws
// DataError when an id does not fit the width, IoError when the file cannot be written.
void writeTokenShard(const std::filesystem::path& path, std::span<const uint32_t> tokens,
                     TokenWidth width);

// A read-only, memory-mapped shard whose header and size were checked on open.
class TokenShard {
public:
    // Throws DataError for a wrong magic, an unknown version, a file shorter than the header,
    // or a body that does not hold exactly the header's token count, or when it cannot be read.
    static TokenShard open(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_file.path(); }
    TokenWidth width() const { return m_width; }
    int version() const { return m_width == TokenWidth::U16 ? kShardVersionU16 : kShardVersionU32; }
    int64_t size() const { return m_count; }

    uint32_t at(int64_t index) const;
    // Copies tokens [offset, offset + count) widened to int64 (torch's kLong).
    void copyTo(int64_t offset, int64_t count, int64_t* out) const;

    struct Range {
        uint32_t min = 0;
        uint32_t max = 0;
    };
    // Smallest and largest id; {0, 0} for an empty shard.
    Range idRange() const;
    // Throws DataError naming the file, the first offending token index and its id when an id
    // is >= vocabSize. Does nothing when vocabSize <= 0.
    void checkIds(int64_t vocabSize) const;

private:
    TokenShard(MappedFile file, TokenWidth width, int64_t count);
    const std::byte* body() const { return m_file.data() + kShardHeaderBytes; }

    MappedFile m_file;
    TokenWidth m_width = TokenWidth::U16;
    int64_t m_count = 0;
};

} // namespace qks
