#include "data/FlatBuffer.h"

#include "common/Error.h"

namespace qks {

FlatBuffer::FlatBuffer(const std::byte* data, size_t size, std::string file, int64_t fileOffset,
                       std::string what)
    : m_data(data), m_size(size), m_file(std::move(file)), m_fileOffset(fileOffset), m_what(std::move(what))
{
}

void FlatBuffer::fail(size_t pos, const std::string& problem) const
{
    throw DataError(m_file + ": corrupt " + m_what + " at byte " + std::to_string(fileOffset(pos)) +
                    ": " + problem + "; the file is damaged or was not written by an Arrow library — "
                    "re-create it (datasets' save_to_disk)");
}

void FlatBuffer::need(size_t pos, uint64_t bytes, const char* what) const
{
    if (pos > m_size || bytes > m_size - pos)
        fail(pos, std::string("a ") + what + " of " + std::to_string(bytes) + " bytes runs past the end of the " +
                      std::to_string(m_size) + "-byte metadata");
}

size_t FlatBuffer::follow(size_t pos) const
{
    const uint32_t rel = read<uint32_t>(pos);
    const uint64_t target = static_cast<uint64_t>(pos) + rel;
    if (rel == 0 || target >= m_size)
        fail(pos, "an offset of " + std::to_string(rel) + " points outside the metadata");
    return static_cast<size_t>(target);
}

FbTable FlatBuffer::root() const
{
    need(0, 8, "root offset");
    return FbTable(*this, follow(0));
}

FbTable::FbTable(const FlatBuffer& buffer, size_t pos) : m_buf(&buffer), m_pos(pos)
{
    const int32_t soffset = buffer.read<int32_t>(pos);
    const int64_t vtable = static_cast<int64_t>(pos) - soffset;
    if (vtable < 0 || static_cast<uint64_t>(vtable) + 4 > buffer.size())
        buffer.fail(pos, "a table's vtable offset " + std::to_string(soffset) + " points outside the metadata");
    m_vtable = static_cast<size_t>(vtable);
    m_vtableSize = buffer.read<uint16_t>(m_vtable);
    m_tableSize = buffer.read<uint16_t>(m_vtable + 2);
    if (m_vtableSize < 4 || m_vtableSize % 2 != 0)
        buffer.fail(m_vtable, "a vtable declares " + std::to_string(m_vtableSize) + " bytes");
    buffer.need(m_vtable, m_vtableSize, "vtable");
    if (m_tableSize < 4)
        buffer.fail(m_vtable, "a table declares " + std::to_string(m_tableSize) + " bytes, less than its own vtable offset");
    buffer.need(pos, m_tableSize, "table");
}

size_t FbTable::fieldPos(int field) const
{
    const size_t slot = 4 + 2 * static_cast<size_t>(field);
    if (field < 0 || slot + 2 > m_vtableSize)
        return 0;
    const uint16_t rel = m_buf->read<uint16_t>(m_vtable + slot);
    return rel == 0 ? 0 : m_pos + rel;
}

void FbTable::checkInline(int field, size_t at, size_t bytes) const
{
    if (at + bytes > m_pos + m_tableSize)
        m_buf->fail(at, "field " + std::to_string(field) + " lies outside its " +
                            std::to_string(m_tableSize) + "-byte table");
}

std::optional<FbTable> FbTable::table(int field) const
{
    const size_t at = fieldPos(field);
    if (at == 0)
        return std::nullopt;
    checkInline(field, at, 4);
    return FbTable(*m_buf, m_buf->follow(at));
}

std::optional<std::string_view> FbTable::string(int field) const
{
    const size_t at = fieldPos(field);
    if (at == 0)
        return std::nullopt;
    checkInline(field, at, 4);
    const size_t start = m_buf->follow(at);
    const uint32_t length = m_buf->read<uint32_t>(start);
    return m_buf->bytes(start + 4, length);
}

FbVector FbTable::vector(int field, size_t elementSize) const
{
    const size_t at = fieldPos(field);
    if (at == 0)
        return {};
    checkInline(field, at, 4);
    const size_t start = m_buf->follow(at);
    const uint32_t count = m_buf->read<uint32_t>(start);
    m_buf->need(start + 4, static_cast<uint64_t>(count) * elementSize, "vector");
    return FbVector(m_buf, start + 4, count, elementSize);
}

} // namespace qks
