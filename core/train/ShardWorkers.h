#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace qks {

// A fixed set of threads that each run one share of a job and hand the caller back control
// when all are done. Used to train the shards of a CPU micro-batch side by side, each shard
// single-threaded (ShardedMicroStep): on few cores that beats splitting every operation over
// the cores, whose fork/join waits cost more than the work they share at these sizes.
class ShardWorkers {
public:
    explicit ShardWorkers(int64_t count);
    ~ShardWorkers();
    ShardWorkers(const ShardWorkers&) = delete;
    ShardWorkers& operator=(const ShardWorkers&) = delete;

    int64_t size() const { return static_cast<int64_t>(m_threads.size()); }

    // Runs job(0) .. job(size()-1), one per worker, and returns when all have finished. The
    // first exception a job throws is rethrown here, after every worker has stopped. One
    // caller at a time, and never while the pool is being destroyed.
    void run(const std::function<void(int64_t)>& job);

private:
    void loop(int64_t index);
    void stop(); // wakes every worker to return and joins them

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void(int64_t)>* m_job = nullptr;
    uint64_t m_generation = 0;
    int64_t m_running = 0;
    bool m_stopping = false;
    std::exception_ptr m_error;
};

} // namespace qks
