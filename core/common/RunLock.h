#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace qks {

// One writer per run folder. The lock is <dir>/run.lock, held with flock(2) for as long as this
// object lives: the kernel drops it when the process ends however it ends (kill -9 included),
// so a lock never outlives its writer. The file also names its holder (PID, host, start time)
// for the message a second writer gets, and for the log line of one that finds the file of a
// writer that died.
class RunLock {
public:
    // Takes the lock of `dir` (created if missing). Throws ConfigError naming the holder's PID
    // and host when another process (or another run in this one) holds it; IoError when the
    // file cannot be created. `log` hears of a dead writer's lock being taken over.
    RunLock(const std::filesystem::path& dir, const std::function<void(const std::string&)>& log = {});
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    static constexpr const char* kFileName = "run.lock";

    // Who writes `dir`, read without taking the lock (a reader must never make a writer that is
    // starting fail): the holder the file names, and whether that process still runs. A writer
    // that ended cleanly empties the file; one killed leaves its line, with a PID that is gone
    // or now belongs to another program. On another host nothing can be checked.
    struct Holder {
        enum class State { None, Alive, Gone, OtherHost };
        State state = State::None;
        long pid = 0;
        std::string host;
    };
    static Holder holderOf(const std::filesystem::path& dir);

private:
    int m_fd = -1;
    std::filesystem::path m_path;
};

} // namespace qks
