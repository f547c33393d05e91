#include "common/RunLock.h"

#include "common/Error.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace qks {

namespace {

std::string hostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    return name;
}

std::string readAll(int fd)
{
    std::string text;
    char buffer[512];
    ::lseek(fd, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0 && text.size() < 4096;)
        text.append(buffer, static_cast<size_t>(n));
    return text;
}

// "pid 1234 host gpu7 started 2026-12-07T10:00:00Z" → its fields; empty when it is not that.
struct LockLine {
    long pid = 0;
    std::string host, started;
};

LockLine parseHolder(const std::string& text)
{
    LockLine h;
    char host[256] = {}, started[64] = {};
    if (std::sscanf(text.c_str(), "pid %ld host %255s started %63s", &h.pid, host, started) >= 2) {
        h.host = host;
        h.started = started;
    }
    return h;
}

std::string describe(const LockLine& h)
{
    if (h.pid <= 0)
        return "another process";
    return "PID " + std::to_string(h.pid) + " on " + h.host + (h.started.empty() ? "" : " (since " + h.started + ")");
}

} // namespace

RunLock::RunLock(const std::filesystem::path& dir, const std::function<void(const std::string&)>& log)
    : m_path(dir / kFileName)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw IoError("cannot create the lock file " + m_path.string() + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const LockLine holder = parseHolder(readAll(m_fd));
        ::close(m_fd);
        m_fd = -1;
        throw ConfigError(dir.string() + " is being written by " + describe(holder) +
                          "; wait for that run to end or stop it (a second writer would mix two runs' files), "
                          "or choose another output folder (--out)");
    }
    const LockLine previous = parseHolder(readAll(m_fd));
    const std::string host = hostName();
    if (previous.pid > 0 && log)
        log("took over the lock of " + m_path.string() + " left by " + describe(previous) + ", which no longer runs");
    char started[32] = {};
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const std::string text = "pid " + std::to_string(::getpid()) + " host " + host + " started " + started + "\n";
    if (::ftruncate(m_fd, 0) != 0 || ::pwrite(m_fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
        // The lock is held all the same; only the holder's name for others' messages is missing.
    }
}

RunLock::Holder RunLock::holderOf(const std::filesystem::path& dir)
{
    Holder out;
    const int fd = ::open((dir / kFileName).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    const LockLine h = parseHolder(readAll(fd));
    ::close(fd);
    if (h.pid <= 0)
        return out;
    out.pid = h.pid;
    out.host = h.host;
    if (h.host != hostName()) {
        out.state = Holder::State::OtherHost;
        return out;
    }
    // A PID outside what the kernel hands out (a wrapped or made-up number) names nobody;
    // kill(-1) would even "succeed" for every process.
    if (h.pid <= 1 || h.pid > 0x3fffffff) {
        out.state = Holder::State::Gone;
        return out;
    }
    if (h.pid == static_cast<long>(::getpid())) {
        out.state = Holder::State::Alive;
        return out;
    }
    const bool exists = ::kill(static_cast<pid_t>(h.pid), 0) == 0 || errno == EPERM;
    // The PID must still be a qkstudio program: not reused by another one, not a zombie (a
    // killed writer its parent has not reaped yet) or a kernel thread, both without a command
    // line. Where /proc cannot be read, a running PID is taken at its word.
    bool ours = exists;
    if (exists) {
        const std::string cmdline = "/proc/" + std::to_string(h.pid) + "/cmdline";
        const int c = ::open(cmdline.c_str(), O_RDONLY | O_CLOEXEC);
        if (c >= 0) {
            const std::string line = readAll(c);
            ::close(c);
            // The program's file name, argv[0] without its folder: qkstudio or qkstudio-cli.
            const std::string argv0 = line.substr(0, line.find('\0'));
            const std::string name = std::filesystem::path(argv0).filename().string();
            ours = name.rfind("qkstudio", 0) == 0;
        }
    }
    out.state = ours ? Holder::State::Alive : Holder::State::Gone;
    return out;
}

RunLock::~RunLock()
{
    if (m_fd < 0)
        return;
    // Emptied, not removed: unlinking a lock file while another process waits to open it would
    // let two holders exist (each with its own inode).
    if (::ftruncate(m_fd, 0) != 0) {
    }
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace qks
