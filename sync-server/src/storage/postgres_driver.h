// SqlDriver on a PostgreSQL database through libpq, for a province: several stateless server
// processes behind a load balancer share one database.
//
// Write transactions take one cluster-wide transaction-level advisory lock (kWriteLockKey)
// before their first statement. That one lock gives the two properties the services rely on,
// across every process:
//  - the rules' read-then-write is safe: no other write transaction runs in between, exactly as
//    with SQLite's single writer, and with one lock there is no lock order to get wrong, so no
//    deadlock between pushes;
//  - seq becomes visible in commit order: seq is drawn under the lock and the lock is released
//    only after the commit is visible, so a snapshot that sees seq N also sees every seq < N
//    that committed. Pull can therefore never skip a record whose lower seq commits late.
// The price is that record writes are serialised cluster-wide (a push batch takes a few
// milliseconds); pulls, logins and photo uploads do not take the lock and run in parallel.
//
// Thread-safety: any method may be called from many threads; each session and each transaction
// leases its own connection from a PgPool.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "storage/postgres_pool.h"
#include "storage/sql_driver.h"

namespace anju::server {

struct PostgresOptions {
  std::string conninfo;  // libpq key=value string or postgresql:// URI
  int poolSize = 8;      // connections per server process
  std::chrono::milliseconds acquireTimeout{30000};
};

/// Advisory lock keys (the single-bigint key space; 0x616e6a75 is "anju").
/// Held by every write transaction from begin to commit.
inline constexpr std::int64_t kWriteLockKey = 0x616e6a7500000001;
/// Held while migrations are checked and applied.
inline constexpr std::int64_t kMigrationLockKey = 0x616e6a7500000002;

class PostgresDriver final : public SqlDriver {
 public:
  /// Validates the conninfo (invalidArgument when malformed, never repeating it) without
  /// connecting; connections open on first use (unavailable when unreachable).
  static Result<std::unique_ptr<PostgresDriver>> open(const PostgresOptions& options);

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  Status withSession(const std::function<Status(SqlSession&)>& work) override;
  Result<std::unique_ptr<SqlTransaction>> beginWrite() override;
  Result<std::unique_ptr<SqlTransaction>> beginMigration() override;
  Result<std::int64_t> schemaVersion(SqlSession& session) override;
  Status setSchemaVersion(SqlSession& session, std::int64_t version) override;

 private:
  explicit PostgresDriver(std::unique_ptr<PgPool> pool) : m_pool(std::move(pool)) {}
  /// Leases a connection and runs `begin` on it; once more on a new connection when a pooled
  /// one turns out to be dead (PostgreSQL restarted while it sat idle).
  Result<std::unique_ptr<SqlTransaction>> begin(const std::string& begin);

  std::unique_ptr<PgPool> m_pool;
};

}  // namespace anju::server
