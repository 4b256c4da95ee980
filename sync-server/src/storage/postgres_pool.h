// PgPool: a bounded set of libpq connections shared by the request threads of one server
// process. A thread leases a connection for one storage call or one SyncTransaction and the
// lease gives it back; connections are opened lazily and a broken one is dropped, so the pool
// heals by itself once PostgreSQL is reachable again.
//
// Thread-safety: acquire() may be called from any thread; a Lease belongs to the thread that
// acquired it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "anju/status.h"
#include "storage/postgres_connection.h"

namespace anju::server {

class PgPool {
 public:
  class Lease {
   public:
    Lease(PgPool* pool, std::unique_ptr<PgConnection> conn, bool fresh)
        : m_pool(pool), m_conn(std::move(conn)), m_fresh(fresh) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();

    PgConnection& connection() { return *m_conn; }
    /// true when the connection was opened for this lease (not reused from the pool), so a
    /// connection error on it is not the stale-connection case worth one retry.
    bool fresh() const { return m_fresh; }

   private:
    PgPool* m_pool;  // borrowed: the pool outlives every lease
    std::unique_ptr<PgConnection> m_conn;
    bool m_fresh;
  };

  /// Validates `conninfo` (key=value or postgresql:// URI) without connecting. invalidArgument
  /// when libpq cannot parse it; the message never repeats the conninfo (it may hold a password).
  static Result<std::unique_ptr<PgPool>> create(const std::string& conninfo, int maxConnections,
                                                std::chrono::milliseconds acquireTimeout);

  /// A connection, waiting up to the acquire timeout when all are leased. unavailable when the
  /// database cannot be reached or the wait times out.
  Result<Lease> acquire();

 private:
  PgPool(std::vector<std::string> keywords, std::vector<std::string> values, int maxConnections,
         std::chrono::milliseconds acquireTimeout)
      : m_keywords(std::move(keywords)),
        m_values(std::move(values)),
        m_max(maxConnections),
        m_acquireTimeout(acquireTimeout) {}
  void release(std::unique_ptr<PgConnection> conn);

  const std::vector<std::string> m_keywords;
  const std::vector<std::string> m_values;
  const int m_max;
  const std::chrono::milliseconds m_acquireTimeout;

  std::mutex m_mutex;
  std::condition_variable m_released;
  std::vector<std::unique_ptr<PgConnection>> m_idle;  // guarded by m_mutex
  int m_open = 0;  // connections in existence (idle + leased + being opened); guarded by m_mutex
};

}  // namespace anju::server
