#include "common/AtomicFile.h"

#include "common/Error.h"

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
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string msg = sysError("cannot write", tmp);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw IoError(msg);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string msg = sysError("cannot flush", tmp);
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
