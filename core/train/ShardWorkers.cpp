#include "train/ShardWorkers.h"

namespace qks {

ShardWorkers::ShardWorkers(int64_t count)
{
    m_threads.reserve(static_cast<size_t>(count));
    try {
        for (int64_t i = 0; i < count; ++i)
            m_threads.emplace_back([this, i] { loop(i); });
    } catch (...) { // no thread left joinable behind the exception
        stop();
        throw;
    }
}

ShardWorkers::~ShardWorkers()
{
    stop();
}

void ShardWorkers::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& t : m_threads)
        t.join();
}

void ShardWorkers::run(const std::function<void(int64_t)>& job)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_job = &job;
    m_error = nullptr;
    m_running = size();
    ++m_generation;
    m_wake.notify_all();
    m_done.wait(lock, [this] { return m_running == 0; });
    m_job = nullptr;
    if (m_error)
        std::rethrow_exception(std::exchange(m_error, nullptr));
}

void ShardWorkers::loop(int64_t index)
{
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
        if (m_stopping)
            return;
        seen = m_generation;
        const auto* job = m_job;
        lock.unlock();
        std::exception_ptr error;
        try {
            (*job)(index);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error && !m_error)
            m_error = error;
        if (--m_running == 0)
            m_done.notify_one();
    }
}

} // namespace qks
