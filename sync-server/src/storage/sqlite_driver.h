// SqlDriver on one SQLite file (WAL, synchronous=FULL): the default backend, zero setup, enough
// for a district (10^4–10^5 houses, tens of inspectors).
//
// Thread-safety: one connection guarded by a mutex. A write transaction holds the mutex from
// begin to commit/rollback, so writes are serialised in-process, and BEGIN IMMEDIATE serialises
// them against other processes (the admin CLI) on the same file. Sequence numbers therefore grow
// in commit order, which pull relies on. Statements are cached per connection by their text.
// Reads (withReadSession) run on a few read-only connections of their own: WAL lets them read the
// last commit while a write transaction is open, so a token check does not wait for a push's
// fsync (and for group commit, concurrent pushes can queue while one group commits).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/sql_driver.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

/// The one connection and its statement cache. Used under SqliteDriver's mutex.
class SqliteSession final : public SqlSession {
 public:
  explicit SqliteSession(std::unique_ptr<sqlite::Database> db) : m_db(std::move(db)) {}
  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  Result<std::unique_ptr<SqlRows>> query(const std::string& sql, const SqlParams& params) override;
  Status execScript(const std::string& sql) override { return m_db->exec(sql); }
  sqlite::Database& database() { return *m_db; }

 private:
  struct Cached {
    sqlite::Statement statement;
    bool inUse = false;  // a nested use of the same text gets its own statement
    // The statement's index of $1, $2, … (0: not in the text), looked up once: SQLite finds a
    // name by a linear search, so binding a page's 1000 ids by name each time was quadratic
    // (a fifth of a register export's CPU).
    std::vector<int> parameterIndexes;
  };
  std::unique_ptr<sqlite::Database> m_db;
  std::unordered_map<std::string, std::unique_ptr<Cached>> m_cache;
};

class SqliteDriver final : public SqlDriver {
 public:
  /// Opens or creates `path` (schema untouched; SqlStorage migrates).
  static Result<std::unique_ptr<SqliteDriver>> open(const std::string& path);

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  Status withSession(const std::function<Status(SqlSession&)>& work) override;
  Status withReadSession(const std::function<Status(SqlSession&)>& work) override;
  Result<std::unique_ptr<SqlTransaction>> beginWrite() override;
  Result<std::unique_ptr<SqlTransaction>> beginMigration() override { return beginWrite(); }
  Result<std::int64_t> schemaVersion(SqlSession& session) override;
  Status setSchemaVersion(SqlSession& session, std::int64_t version) override;

 private:
  SqliteDriver(std::unique_ptr<sqlite::Database> db, std::string path)
      : m_path(std::move(path)), m_session(std::move(db)) {}

  const std::string m_path;
  std::mutex m_mutex;
  SqliteSession m_session;  // guarded by m_mutex

  std::mutex m_readersMutex;
  std::condition_variable m_readerFree;
  std::vector<std::unique_ptr<SqliteSession>> m_idleReaders;  // guarded by m_readersMutex
  int m_openReaders = 0;                                      // guarded by m_readersMutex
};

}  // namespace anju::server
