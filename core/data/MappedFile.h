#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace qks {

// A whole file mapped read-only. Token shards can be gigabytes: mapping lets the kernel page
// them in on demand and share them between processes instead of copying them into the heap.
class MappedFile {
public:
    MappedFile() = default;
    // Throws IoError naming the path when it cannot be opened or mapped.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::byte* data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

private:
    void release() noexcept;

    std::filesystem::path m_path;
    const std::byte* m_data = nullptr;
    size_t m_size = 0;
};

} // namespace qks
