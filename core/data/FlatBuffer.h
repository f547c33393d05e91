#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace qks {

class FbTable;
class FbVector;

// One FlatBuffers buffer inside a larger file, read by hand: Arrow's metadata schemas are small
// and fixed, and Debian ships no Arrow or FlatBuffers library to read them for us. Every access
// is bounds-checked against the buffer, so a corrupt or hostile file can only produce a
// DataError naming the file and the absolute byte offset, never an out-of-bounds read.
class FlatBuffer {
public:
    // `fileOffset` is where `data` starts in `file`; `what` names the buffer in messages
    // ("Arrow message", "Arrow footer").
    FlatBuffer(const std::byte* data, size_t size, std::string file, int64_t fileOffset, std::string what);

    FbTable root() const;

    size_t size() const { return m_size; }
    const std::string& file() const { return m_file; }
    int64_t fileOffset(size_t pos) const { return m_fileOffset + static_cast<int64_t>(pos); }

    // Throws DataError: "<file>: corrupt <what> at byte <offset>: <problem>; ...".
    [[noreturn]] void fail(size_t pos, const std::string& problem) const;

    // Checks [pos, pos + bytes) lies inside the buffer, without overflow.
    void need(size_t pos, uint64_t bytes, const char* what) const;

    template <typename T>
    T read(size_t pos) const
    {
        need(pos, sizeof(T), "value");
        T v;
        std::memcpy(&v, m_data + pos, sizeof(T)); // unaligned reads are fine this way
        return v;
    }
    std::string_view bytes(size_t pos, size_t count) const
    {
        need(pos, count, "bytes");
        return {reinterpret_cast<const char*>(m_data + pos), count};
    }
    // Follows the uoffset stored at `pos` (FlatBuffers offsets point forward from themselves).
    size_t follow(size_t pos) const;

private:
    const std::byte* m_data;
    size_t m_size;
    std::string m_file;
    int64_t m_fileOffset;
    std::string m_what;
};

// A table: fields by index in the schema's declaration order (a union takes two indices: its
// type byte, then its value).
class FbTable {
public:
    FbTable(const FlatBuffer& buffer, size_t pos);

    size_t pos() const { return m_pos; }
    int64_t fileOffset() const { return m_buf->fileOffset(m_pos); }
    const FlatBuffer& buffer() const { return *m_buf; }

    bool has(int field) const { return fieldPos(field) != 0; }

    template <typename T>
    T scalar(int field, T fallback) const
    {
        const size_t at = fieldPos(field);
        if (at == 0)
            return fallback;
        checkInline(field, at, sizeof(T));
        return m_buf->read<T>(at);
    }
    std::optional<FbTable> table(int field) const;
    std::optional<std::string_view> string(int field) const;
    // A vector of `elementSize`-byte elements (structs or scalars); empty when absent.
    FbVector vector(int field, size_t elementSize) const;

private:
    size_t fieldPos(int field) const; // absolute position in the buffer, 0 when absent
    void checkInline(int field, size_t at, size_t bytes) const;

    const FlatBuffer* m_buf;
    size_t m_pos;
    size_t m_vtable;
    uint16_t m_vtableSize;
    uint16_t m_tableSize;
};

class FbVector {
public:
    FbVector() = default;
    FbVector(const FlatBuffer* buffer, size_t start, uint32_t count, size_t elementSize)
        : m_buf(buffer), m_start(start), m_count(count), m_elementSize(elementSize) {}

    uint32_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    size_t elementPos(uint32_t i) const { return m_start + static_cast<size_t>(i) * m_elementSize; }
    int64_t fileOffset(uint32_t i) const { return m_buf->fileOffset(elementPos(i)); }

    // Field `offset` bytes into struct element i (or the scalar element itself at offset 0).
    template <typename T>
    T at(uint32_t i, size_t offset = 0) const
    {
        return m_buf->read<T>(elementPos(i) + offset);
    }
    // Element i of a vector of tables.
    FbTable table(uint32_t i) const { return FbTable(*m_buf, m_buf->follow(elementPos(i))); }

private:
    const FlatBuffer* m_buf = nullptr;
    size_t m_start = 0;
    uint32_t m_count = 0;
    size_t m_elementSize = 0;
};

} // namespace qks
