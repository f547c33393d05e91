// The fuzz build's MappedFile: the same class as core/data/MappedFile.cpp, but the file is read
// into a heap block of exactly its size instead of being mapped. A read past the end of a
// mapping lands in the rest of its last page and goes unnoticed; a read past a heap block is an
// AddressSanitizer report. Only fuzz/CMakeLists.txt compiles this file.
#include "data/MappedFile.h"

#include "common/Error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

namespace qks {

MappedFile::MappedFile(const std::filesystem::path& path) : m_path(path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError("cannot open " + path.string() + ": " + std::strerror(errno));
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    m_size = bytes.size();
    if (m_size > 0) {
        // Page-aligned like a mapping, so readers' alignment assumptions hold as in production.
        void* p = nullptr;
        if (::posix_memalign(&p, 4096, m_size) != 0)
            throw DataError("cannot allocate " + std::to_string(m_size) + " bytes for " + path.string());
        std::memcpy(p, bytes.data(), m_size);
        m_data = static_cast<const std::byte*>(p);
    }
}

// As pread on a file of m_size bytes: a read past its end is the DataError of a cut file.
void MappedFile::readAt(uint64_t offset, size_t bytes, void* out) const
{
    if (offset > m_size || bytes > m_size - offset)
        throw DataError(m_path.string() + " ends at byte " + std::to_string(m_size) + " but " +
                        std::to_string(offset + bytes) + " bytes were read from it");
    if (bytes > 0)
        std::memcpy(out, m_data + offset, bytes);
}

MappedFile::~MappedFile()
{
    release();
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_data(std::exchange(other.m_data, nullptr)),
      m_size(std::exchange(other.m_size, 0))
{
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept
{
    if (this != &other) {
        release();
        m_path = std::move(other.m_path);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void MappedFile::release() noexcept
{
    std::free(const_cast<std::byte*>(m_data));
    m_data = nullptr;
    m_size = 0;
}

} // namespace qks
