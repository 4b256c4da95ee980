// SqlDriver on one SQLite file (WAL, synchronous=FULL): the default backend, zero setup, enough
// for a district (10^4–10^5 houses, tens of inspectors).
//
// Thread-safety: one connection guarded by a mutex. A write transaction holds the mutex from
// begin to commit/rollback, so writes are serialised in-process, and BEGIN IMMEDIATE serialises
// them against other processes (the admin CLI) on the same file. Sequence numbers therefore grow
// in commit order, which pull relies on. Statements are cached per connection by their text.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

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
  Result<std::unique_ptr<SqlTransaction>> beginWrite() override;
  Result<std::unique_ptr<SqlTransaction>> beginMigration() override { return beginWrite(); }
  Result<std::int64_t> schemaVersion(SqlSession& session) override;
  Status setSchemaVersion(SqlSession& session, std::int64_t version) override;

 private:
  explicit SqliteDriver(std::unique_ptr<sqlite::Database> db) : m_session(std::move(db)) {}

  std::mutex m_mutex;
  SqliteSession m_session;  // guarded by m_mutex
};

}  // namespace anju::server
