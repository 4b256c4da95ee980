// The small interface SqlStorage writes its queries against, so every query of the server is
// written once and runs on SQLite (sqlite_driver.h) or PostgreSQL (postgres_driver.h) — the way
// LiteCore puts its DataFile under the database and LevelDB puts Env under DB.
//
// SQL given to a driver uses PostgreSQL's parameter markers $1, $2, ... (SQLite accepts them as
// named parameters and the SQLite driver binds them by name) and the SQL both engines share:
// INSERT ... ON CONFLICT, RETURNING, true/false, COLLATE "C" (byte order; the SQLite driver
// registers that collation). What differs is handled inside the drivers: parameter and column
// types (bytea/blob, boolean/integer), error mapping (constraint -> alreadyExists, busy or
// unreachable -> unavailable, disk full -> util/storage_full.h), connections (one mutex-guarded
// SQLite connection, a PostgreSQL pool with one retry on a stale connection), the write lock
// (BEGIN IMMEDIATE / a cluster-wide advisory lock) and where the schema version is kept.
//
// Statements are prepared once per connection and reused (SQLite caches them by text; libpq
// sends the text with each call).
//
// Thread-safety: a SqlDriver may be used from many threads; a SqlSession, SqlRows and
// SqlTransaction belong to the thread that got them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anju/status.h"

namespace anju::server {

enum class SqlDialect { kSqlite, kPostgres };

/// Statement parameters, $1, $2, ... in the order added.
class SqlParams {
 public:
  enum class Type { kText, kBytes, kInt64, kBoolean };
  struct Value {
    Type type;
    std::string data;         // text and bytes
    std::int64_t number = 0;  // int64 and boolean
  };

  SqlParams& text(std::string_view value);
  SqlParams& bytes(std::string_view value);
  SqlParams& int64(std::int64_t value);
  SqlParams& boolean(bool value);

  const std::vector<Value>& values() const { return m_values; }

 private:
  std::vector<Value> m_values;
};

/// The rows of one statement, read forward. Columns are 0-based.
class SqlRows {
 public:
  virtual ~SqlRows() = default;
  /// true when a row is available, false when done; an error Status on failure.
  virtual Result<bool> next() = 0;
  virtual bool isNull(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual std::string bytes(int column) const = 0;
  /// 0 for NULL.
  virtual std::int64_t int64(int column) const = 0;
  virtual bool boolean(int column) const = 0;
};

/// One connection, for the duration of one storage call or one transaction.
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  virtual SqlDialect dialect() const = 0;
  /// Runs one statement; its rows (if any) are read through the result. A write's error may
  /// surface only when its rows are read to the end (see run/returningInt64).
  virtual Result<std::unique_ptr<SqlRows>> query(const std::string& sql,
                                                 const SqlParams& params = {}) = 0;
  /// Runs a script of statements without parameters or results (DDL).
  virtual Status execScript(const std::string& sql) = 0;

  /// A statement without result rows, run to completion.
  Status run(const std::string& sql, const SqlParams& params = {});
  /// A write with "RETURNING <one integer>": the value; internal when no row was written.
  Result<std::int64_t> returningInt64(const std::string& sql, const SqlParams& params);
};

/// A write transaction (unit of work): exclusive against every other writer of the database, in
/// this process and in others. Commit makes it durable; the destructor rolls back an
/// uncommitted one. Functions that must run inside one take it as a parameter.
class SqlTransaction {
 public:
  virtual ~SqlTransaction() = default;
  virtual SqlSession& session() = 0;
  /// Durably commits; after an error nothing of the transaction is stored.
  virtual Status commit() = 0;
};

class SqlDriver {
 public:
  virtual ~SqlDriver() = default;
  virtual SqlDialect dialect() const = 0;

  /// Runs `work` on a session outside any write transaction: each statement sees the latest
  /// commits. The PostgreSQL driver runs it once more on a fresh connection when a pooled one
  /// turns out to be dead, so `work` must be safe to repeat (reads, single writes).
  virtual Status withSession(const std::function<Status(SqlSession&)>& work) = 0;
  /// As withSession for `work` that only reads: it may run on a connection of its own, beside a
  /// write transaction in progress (seeing the last commit), so readers — a token check, a pull
  /// page — never wait for a writer's fsync. A write through it fails.
  virtual Status withReadSession(const std::function<Status(SqlSession&)>& work) {
    return withSession(work);
  }
  /// Opens a write transaction (waiting for other writers; unavailable when that takes too long).
  virtual Result<std::unique_ptr<SqlTransaction>> beginWrite() = 0;
  /// Opens the transaction that checks and applies migrations (also exclusive against other
  /// processes migrating the same database at the same moment).
  virtual Result<std::unique_ptr<SqlTransaction>> beginMigration() = 0;

  /// The number of migrations applied, kept where the dialect keeps it. Inside beginMigration.
  virtual Result<std::int64_t> schemaVersion(SqlSession& session) = 0;
  virtual Status setSchemaVersion(SqlSession& session, std::int64_t version) = 0;
};

}  // namespace anju::server
