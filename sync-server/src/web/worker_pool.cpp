#include "web/worker_pool.h"

#include <algorithm>
#include <exception>
#include <string>

#include "util/log.h"

namespace anju::server::web {

WorkerPool::WorkerPool(int threads) {
  for (int i = 0; i < std::max(1, threads); ++i) m_threads.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) return;
    m_jobs.push_back(std::move(job));
  }
  m_wake.notify_one();
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads)
    if (t.joinable()) t.join();
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(m_mutex);
  return m_jobs.size();
}

void WorkerPool::run() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
      if (m_jobs.empty()) return;  // stopping and drained
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    try {
      job();
    } catch (const std::exception& e) {
      // A job that throws loses its own work (a connection closes), never the thread.
      logError(std::string("worker: uncaught exception: ") + e.what());
    } catch (...) {
      logError("worker: uncaught exception");
    }
  }
}

}  // namespace anju::server::web
