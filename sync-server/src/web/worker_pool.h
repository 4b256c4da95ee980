// WorkerPool: a fixed number of threads running queued jobs in order. The HTTP engine gives each
// lane (web/router.h) its own pool, so blocking work (SQLite fsync, Argon2id) never runs on the
// event loop and one kind of work cannot take every thread from another.
//
// Thread-safe: post() from any thread. The destructor runs the jobs already queued, then joins.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace anju::server::web {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void post(std::function<void()> job);
  /// Runs what is queued, then stops the threads; post() afterwards drops the job.
  void shutdown();
  /// Jobs waiting for a thread (for the metrics and the log).
  std::size_t queued() const;

 private:
  void run();

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_jobs;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

}  // namespace anju::server::web
