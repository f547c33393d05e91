#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace qks {

// A whole file mapped read-only. Token shards can be gigabytes: mapping lets the kernel page
// them in on demand and share them between processes instead of copying them into the heap.
//
// A mapped file truncated by another process turns a read of the lost pages into SIGBUS. Two
// defences (docs/design.md §2.7): readAt() reads with pread and reports the short read as a
// DataError, for the training loop's reads; and while any file is mapped a SIGBUS handler
// names the file whose pages vanished and ends the process with exit code 3 (a data error),
// for reads through data(). Checkpoints and results.json are replaced by rename, so both
// keep everything written before.
class MappedFile {
public:
    MappedFile() = default;
    // Throws DataError naming the path when it cannot be opened or mapped, or is not a file.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::byte* data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

    // Copies `bytes` bytes from `offset` with pread. Throws DataError naming the file when it
    // ends early (truncated or replaced since it was opened) or cannot be read.
    void readAt(uint64_t offset, size_t bytes, void* out) const;

private:
    void release() noexcept;

    std::filesystem::path m_path;
    const std::byte* m_data = nullptr;
    size_t m_size = 0;
    int m_fd = -1;
    int m_slot = -1; // this mapping's entry in the SIGBUS handler's table, or -1
};

} // namespace qks
