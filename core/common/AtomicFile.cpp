#include "common/AtomicFile.h"

#include "common/Error.h"
#include "common/FaultInjection.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace qks {

namespace {
std::string sysError(const std::string& what, const std::filesystem::path& p)
{
    return what + " " + p.string() + ": " + std::strerror(errno);
}

// A full disk is the one write failure a user can fix on the spot; say so, and that the file
// being replaced was left as it was.
std::string writeError(const std::string& what, const std::filesystem::path& tmp, const std::filesystem::path& target)
{
    std::string message = sysError(what, tmp);
    if (errno == ENOSPC || errno == EDQUOT)
        message += ". The disk is full: free space on it, or choose another output folder, and run again (with --resume "
                   "for a training run). " + target.filename().string() + " was left as it was: nothing is half-written";
    return message;
}
} // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes)
{
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::path tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw IoError(sysError("cannot create", tmp));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = -1;
        if (injectedWriteAllowed(bytes.size() - done))
            n = ::write(fd, bytes.data() + done, bytes.size() - done);
        else
            errno = ENOSPC;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string msg = writeError("cannot write", tmp, path);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw IoError(msg);
        }
        done += static_cast<size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const int syncErrno = errno;
    const bool closed = ::close(fd) == 0; // always, or the descriptor leaks
    if (!synced)
        errno = syncErrno;
    if (!synced || !closed) {
        const std::string msg = writeError("cannot flush", tmp, path);
        ::unlink(tmp.c_str());
        throw IoError(msg);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string msg = sysError("cannot replace", path);
        ::unlink(tmp.c_str());
        throw IoError(msg);
    }
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot open " + path.string() + ": " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw IoError("cannot read " + path.string());
    return ss.str();
}

} // namespace qks
