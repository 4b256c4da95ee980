// A thin RAII layer over the sqlite3 C API: a connection and prepared statements whose errors
// come back as Status values. Private to the SQLite storage implementation.
//
// Not thread-safe: one SqliteConnection is used by one thread at a time (SqliteDriver holds a
// mutex around it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "anju/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace anju::server {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  ~SqliteStatement();

  /// Parameters are 1-based, as in SQL. Text and blobs are copied (SQLITE_TRANSIENT).
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bindBlob(int index, std::string_view bytes);
  SqliteStatement& bind(int index, std::int64_t value);

  /// true when a row is available, false when done; an error Status on failure.
  Result<bool> step();
  /// Runs to completion, for statements without result rows.
  Status run();

  std::string text(int column) const;
  std::string blob(int column) const;
  std::int64_t int64(int column) const;
  bool isNull(int column) const;

  /// The index of the named parameter ("$1"), 0 when the statement has none of that name.
  int parameterIndex(const std::string& name) const;
  /// Ready to run again with new bindings; ends the read a half-read SELECT holds.
  void reset();

 private:
  sqlite3* m_db;  // borrowed from the owning SqliteConnection
  sqlite3_stmt* m_stmt;
};

class SqliteConnection {
 public:
  /// Opens (creating) the file with WAL, synchronous=FULL, foreign keys and a busy timeout so
  /// that admin CLI commands may write while the server runs. Registers the collation "C" (byte
  /// order, the same as BINARY) so SQL that names it runs unchanged on SQLite and PostgreSQL.
  static Result<SqliteConnection> open(const std::string& path);

  SqliteConnection(SqliteConnection&& other) noexcept;
  SqliteConnection& operator=(SqliteConnection&&) = delete;
  SqliteConnection(const SqliteConnection&) = delete;
  ~SqliteConnection();

  Status exec(const std::string& sql);
  Result<SqliteStatement> prepare(std::string_view sql);
  std::int64_t lastInsertRowId() const;

 private:
  explicit SqliteConnection(sqlite3* db) : m_db(db) {}
  sqlite3* m_db;
};

/// ioError carrying SQLite's message, or alreadyExists for a UNIQUE/PRIMARY KEY violation.
Status sqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace anju::server
