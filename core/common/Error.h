#pragma once

#include <stdexcept>
#include <string>

namespace qks {

// What kind of failure, so front ends can choose an exit code or a translated message.
enum class ErrorKind {
    Usage,     // bad command line
    Config,    // a setting breaks a rule
    Data,      // token data missing, corrupt or inconsistent
    Io,        // a file could not be read or written
    Diverged,  // loss became NaN/Inf
    OutOfMemory, // the device (or host) ran out of memory
    Cancelled, // the caller asked to stop
    Internal,
};

// The process exit code for a run that ended with this kind of error, the same for
// qkstudio-cli and `qkstudio --run`: 2 usage or config, 3 data, 4 diverged, 5 out of memory,
// 130 cancelled, 1 anything else (an unwritable folder, a full disk, an internal error).
constexpr int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
    case ErrorKind::Config: return 2;
    case ErrorKind::Data: return 3;
    case ErrorKind::Diverged: return 4;
    case ErrorKind::OutOfMemory: return 5;
    case ErrorKind::Cancelled: return 130;
    default: return 1;
    }
}

// A short lower-case name for logs and status lines: "config", "out of memory", ...
constexpr const char* errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage: return "usage";
    case ErrorKind::Config: return "config";
    case ErrorKind::Data: return "data";
    case ErrorKind::Io: return "io";
    case ErrorKind::Diverged: return "diverged";
    case ErrorKind::OutOfMemory: return "out of memory";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

// Every error the core throws; caught at thread boundaries and in the CLI's main.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

class UsageError : public Error {
public:
    explicit UsageError(const std::string& m) : Error(ErrorKind::Usage, m) {}
};
class ConfigError : public Error {
public:
    explicit ConfigError(const std::string& m) : Error(ErrorKind::Config, m) {}
};
class DataError : public Error {
public:
    explicit DataError(const std::string& m) : Error(ErrorKind::Data, m) {}
};
class IoError : public Error {
public:
    explicit IoError(const std::string& m) : Error(ErrorKind::Io, m) {}
};
class DivergedError : public Error {
public:
    explicit DivergedError(const std::string& m) : Error(ErrorKind::Diverged, m) {}
};
class OutOfMemoryError : public Error {
public:
    explicit OutOfMemoryError(const std::string& m) : Error(ErrorKind::OutOfMemory, m) {}
};
class CancelledError : public Error {
public:
    CancelledError() : Error(ErrorKind::Cancelled, "cancelled") {}
};

} // namespace qks
