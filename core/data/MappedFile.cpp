#include "data/MappedFile.h"

#include "common/Error.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace qks {

namespace {

// The SIGBUS handler's table of live mappings. A handler may only read memory that is fully
// written, so each slot's fields are written before its `used` flag is set (release), and the
// handler reads the flag first (acquire). Paths longer than the slot are cut: the message still
// names the file's end, which holds its name.
struct MappingSlot {
    std::atomic<bool> used{false};
    const std::byte* begin = nullptr;
    size_t size = 0;
    char path[512] = {};
};
std::array<MappingSlot, 1024> g_mappings;
std::mutex g_mappingsMutex; // only writers take it; the handler does not

void writeStderr(const char* text)
{
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, text, std::strlen(text));
}

extern "C" void onBusError(int signal, siginfo_t* info, void*)
{
    const auto* addr = static_cast<const std::byte*>(info->si_addr);
    for (const MappingSlot& s : g_mappings) {
        if (!s.used.load(std::memory_order_acquire))
            continue;
        if (addr >= s.begin && addr < s.begin + s.size) {
            writeStderr("error: ");
            writeStderr(s.path);
            writeStderr(" was truncated or replaced while in use (its pages are gone: SIGBUS); results and "
                        "checkpoints written so far are kept. Restore the file (prepare the data again), "
                        "then continue with --resume\n");
            ::_exit(3); // a data error, as qks::exitCodeFor(ErrorKind::Data)
        }
    }
    // Not one of ours: the default action, as if no handler were installed.
    std::signal(signal, SIG_DFL);
    ::raise(signal);
}

void installBusErrorHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa {};
        sa.sa_sigaction = onBusError;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, nullptr);
    });
}

int registerMapping(const std::byte* begin, size_t size, const std::string& path)
{
    installBusErrorHandler();
    std::lock_guard lock(g_mappingsMutex);
    for (size_t i = 0; i < g_mappings.size(); ++i) {
        MappingSlot& s = g_mappings[i];
        if (s.used.load(std::memory_order_relaxed))
            continue;
        s.begin = begin;
        s.size = size;
        const size_t keep = std::min(path.size(), sizeof s.path - 1);
        std::memcpy(s.path, path.data() + (path.size() - keep), keep);
        s.path[keep] = '\0';
        s.used.store(true, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1; // a full table leaves the file without a name in the message, not unmapped
}

void unregisterMapping(int slot)
{
    if (slot < 0)
        return;
    std::lock_guard lock(g_mappingsMutex);
    g_mappings[static_cast<size_t>(slot)].used.store(false, std::memory_order_release);
}

} // namespace

MappedFile::MappedFile(const std::filesystem::path& path) : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw DataError("cannot open " + path.string() + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::string msg = "cannot stat " + path.string() + ": " + std::strerror(errno);
        ::close(fd);
        throw DataError(msg);
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw DataError(path.string() + " is a folder, not a file");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw DataError(path.string() + " is not a regular file (a device, pipe or socket); give a token shard, "
                        "a token folder or a checkpoint file");
    }
    m_size = static_cast<size_t>(st.st_size);
    // mmap rejects length 0; an empty file is simply an empty view.
    if (m_size > 0) {
        void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const std::string msg = "cannot map " + path.string() + ": " + std::strerror(errno);
            ::close(fd);
            throw DataError(msg);
        }
        m_data = static_cast<const std::byte*>(p);
        m_slot = registerMapping(m_data, m_size, path.string());
    }
    // Kept for readAt: pread on the file sees a truncation as a short read, not a fault.
    m_fd = fd;
}

void MappedFile::readAt(uint64_t offset, size_t bytes, void* out) const
{
    auto* dst = static_cast<char*>(out);
    size_t done = 0;
    while (done < bytes) {
        const ssize_t n = ::pread(m_fd, dst + done, bytes - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw DataError("cannot read " + m_path.string() + " at byte " + std::to_string(offset + done) + ": " +
                            std::strerror(errno));
        if (n == 0) {
            struct stat st {};
            const std::string now = ::fstat(m_fd, &st) == 0 ? "is " + std::to_string(st.st_size) + " bytes long now"
                                                             : "ended early";
            throw DataError(m_path.string() + " " + now + ", but it held " + std::to_string(m_size) +
                            " bytes when it was opened and byte " + std::to_string(offset + bytes) +
                            " was to be read: it was truncated or replaced while in use. Results and checkpoints "
                            "written so far are kept; restore the file (prepare the data again), then continue "
                            "with --resume");
        }
        done += static_cast<size_t>(n);
    }
}

MappedFile::~MappedFile()
{
    release();
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_data(std::exchange(other.m_data, nullptr)),
      m_size(std::exchange(other.m_size, 0)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_slot(std::exchange(other.m_slot, -1))
{
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept
{
    if (this != &other) {
        release();
        m_path = std::move(other.m_path);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_fd = std::exchange(other.m_fd, -1);
        m_slot = std::exchange(other.m_slot, -1);
    }
    return *this;
}

void MappedFile::release() noexcept
{
    unregisterMapping(m_slot);
    m_slot = -1;
    if (m_data)
        ::munmap(const_cast<std::byte*>(m_data), m_size);
    if (m_fd >= 0)
        ::close(m_fd);
    m_data = nullptr;
    m_size = 0;
    m_fd = -1;
}

} // namespace qks
