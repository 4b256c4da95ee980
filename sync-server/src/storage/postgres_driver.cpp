#include "storage/postgres_driver.h"

#include <algorithm>

#include "anju/message.h"

namespace anju::server {
namespace {

class PgRows final : public SqlRows {
 public:
  explicit PgRows(PgResult result) : m_result(std::move(result)) {}
  Result<bool> next() override { return ++m_row < m_result.rows(); }
  bool isNull(int column) const override { return m_result.isNull(m_row, column); }
  std::string text(int column) const override { return m_result.text(m_row, column); }
  std::string bytes(int column) const override { return m_result.bytes(m_row, column); }
  std::int64_t int64(int column) const override { return m_result.int64(m_row, column); }
  bool boolean(int column) const override { return m_result.boolean(m_row, column); }

 private:
  PgResult m_result;
  int m_row = -1;
};

class PgSession final : public SqlSession {
 public:
  explicit PgSession(PgConnection& db) : m_db(db) {}
  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  Result<std::unique_ptr<SqlRows>> query(const std::string& sql, const SqlParams& params) override {
    Result<PgResult> result = m_db.query(sql, params);
    if (!result) return result.status();
    return std::unique_ptr<SqlRows>(new PgRows(std::move(result).value()));
  }
  Status execScript(const std::string& sql) override { return m_db.exec(sql); }
  PgConnection& connection() { return m_db; }

 private:
  PgConnection& m_db;
};

class PgTransaction final : public SqlTransaction {
 public:
  explicit PgTransaction(PgPool::Lease lease)
      : m_lease(std::move(lease)), m_session(m_lease.connection()) {}
  ~PgTransaction() override {
    // A broken connection has no transaction left to roll back; the pool drops it.
    if (m_open && m_lease.connection().healthy()) (void)m_lease.connection().exec("ROLLBACK");
  }
  SqlSession& session() override { return m_session; }
  Status commit() override {
    if (!m_open) return Status::internal("transaction already finished");
    // COMMIT of an aborted transaction "succeeds" as a rollback; never report that as stored.
    if (m_lease.connection().inFailedTransaction())
      return Status::internal(msg("storage.transaction_aborted"));
    // Whatever COMMIT answers, the transaction is over: PostgreSQL rolls back a failed commit.
    // synchronous_commit (on by default) makes it durable before the answer arrives.
    m_open = false;
    return m_lease.connection().exec("COMMIT");
  }

 private:
  PgPool::Lease m_lease;
  PgSession m_session;
  bool m_open = true;
};

}  // namespace

Result<std::unique_ptr<PostgresDriver>> PostgresDriver::open(const PostgresOptions& options) {
  Result<std::unique_ptr<PgPool>> pool =
      PgPool::create(options.conninfo, std::max(1, options.poolSize), options.acquireTimeout);
  if (!pool) return pool.status();
  return std::unique_ptr<PostgresDriver>(new PostgresDriver(std::move(pool).value()));
}

Status PostgresDriver::withSession(const std::function<Status(SqlSession&)>& work) {
  for (int attempt = 0;; ++attempt) {
    Result<PgPool::Lease> lease = m_pool->acquire();
    if (!lease) return lease.status();
    PgSession session(lease->connection());
    Status result = work(session);
    const bool staleConnection = !lease->fresh() && !lease->connection().healthy();
    if (result || !staleConnection || attempt > 0) return result;
  }
}

Result<std::unique_ptr<SqlTransaction>> PostgresDriver::begin(const std::string& begin) {
  for (int attempt = 0;; ++attempt) {
    Result<PgPool::Lease> lease = m_pool->acquire();
    if (!lease) return lease.status();
    Status begun = lease->connection().exec(begin);
    if (begun) return std::unique_ptr<SqlTransaction>(new PgTransaction(std::move(lease).value()));
    const bool staleConnection = !lease->fresh() && !lease->connection().healthy();
    if (!staleConnection || attempt > 0) return begun;
  }
}

Result<std::unique_ptr<SqlTransaction>> PostgresDriver::beginWrite() {
  // READ COMMITTED, not REPEATABLE READ: each statement must see what earlier holders of the
  // lock committed, and a REPEATABLE READ snapshot would be taken before the lock wait ends.
  // lock_timeout bounds the wait behind a stuck writer; idle_in_transaction_session_timeout
  // makes PostgreSQL drop (and so unlock) a server process that stalls mid-transaction.
  return begin(
      "BEGIN ISOLATION LEVEL READ COMMITTED; "
      "SET LOCAL lock_timeout = '30s'; "
      "SET LOCAL idle_in_transaction_session_timeout = '60s'; "
      "SELECT pg_advisory_xact_lock(" +
      std::to_string(kWriteLockKey) + ")");
}

Result<std::unique_ptr<SqlTransaction>> PostgresDriver::beginMigration() {
  // DDL is transactional in PostgreSQL: all pending migrations and the version bump commit
  // together. The lock makes a second process starting at the same moment wait, then see our
  // work.
  return begin("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
}

Result<std::int64_t> PostgresDriver::schemaVersion(SqlSession& session) {
  Result<std::unique_ptr<SqlRows>> exists =
      session.query("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists) return exists.status();
  if (Result<bool> row = (*exists)->next(); !row) return row.status();
  if (!(*exists)->boolean(0)) {
    if (Status s = session.execScript("CREATE TABLE schema_version (version INTEGER NOT NULL); "
                                      "INSERT INTO schema_version (version) VALUES (0)");
        !s)
      return s;
  }
  Result<std::unique_ptr<SqlRows>> version = session.query("SELECT version FROM schema_version");
  if (!version) return version.status();
  Result<bool> first = (*version)->next();
  if (!first) return first.status();
  const std::int64_t applied = *first ? (*version)->int64(0) : 0;
  Result<bool> second = (*version)->next();
  if (!*first || !second || *second) return Status::corruption(msg("storage.schema_version_rows"));
  return applied;
}

Status PostgresDriver::setSchemaVersion(SqlSession& session, std::int64_t version) {
  return session.run("UPDATE schema_version SET version = $1", SqlParams().int64(version));
}

}  // namespace anju::server
