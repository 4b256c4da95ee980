#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "anju/message.h"
#include "util/storage_full.h"

namespace anju::server {

Status sqliteError(sqlite3* db, int rc, std::string_view what) {
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  Message text = msg("storage.database_error", {{"what", std::string(what)}, {"detail", detail}});
  if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
    return Status::alreadyExists(std::move(text));
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return Status::unavailable(std::move(text));
  // The detail of a full disk is for the server log only (storageFullStatus).
  if ((rc & 0xff) == SQLITE_FULL) return storageFullStatus(std::string(what) + ": " + detail);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    return Status::corruption(std::move(text));
  return Status::ioError(std::move(text));
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt) {
  other.m_stmt = nullptr;
}

SqliteStatement::~SqliteStatement() {
  if (m_stmt) sqlite3_finalize(m_stmt);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, std::string_view bytes) {
  // A zero-length blob still has to be a blob, not NULL: sqlite3_bind_zeroblob handles it.
  if (bytes.empty())
    sqlite3_bind_zeroblob(m_stmt, index, 0);
  else
    sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(m_stmt, index, value);
  return *this;
}

Result<bool> SqliteStatement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqliteError(m_db, rc, "step");
}

Status SqliteStatement::run() {
  while (true) {
    Result<bool> row = step();
    if (!row) return row.status();
    if (!*row) return Status::ok();
  }
}

std::string SqliteStatement::text(int column) const {
  const unsigned char* p = sqlite3_column_text(m_stmt, column);
  const int n = sqlite3_column_bytes(m_stmt, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
           : std::string();
}

std::string SqliteStatement::blob(int column) const {
  const void* p = sqlite3_column_blob(m_stmt, column);
  const int n = sqlite3_column_bytes(m_stmt, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::int64_t SqliteStatement::int64(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int SqliteStatement::parameterIndex(const std::string& name) const {
  return sqlite3_bind_parameter_index(m_stmt, name.c_str());
}

void SqliteStatement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

namespace {

// Byte order, as SQLite's BINARY and PostgreSQL's "C" collation compare.
int compareBytes(void*, int leftLength, const void* left, int rightLength, const void* right) {
  const int common = std::min(leftLength, rightLength);
  if (const int c = common > 0 ? std::memcmp(left, right, static_cast<std::size_t>(common)) : 0)
    return c;
  return leftLength - rightLength;
}

}  // namespace

Result<SqliteConnection> SqliteConnection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = sqliteError(db, rc, "open " + path);
    sqlite3_close(db);
    return s;
  }
  SqliteConnection conn(db);
  sqlite3_busy_timeout(db, 10000);
  if (const int c =
          sqlite3_create_collation_v2(db, "C", SQLITE_UTF8, nullptr, compareBytes, nullptr);
      c != SQLITE_OK)
    return sqliteError(db, c, "collation C");
  // synchronous=FULL: a push is acknowledged only after its commit survives a power cut.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (Status s = conn.exec(pragma); !s) return s;
  }
  return conn;
}

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept : m_db(other.m_db) {
  other.m_db = nullptr;
}

SqliteConnection::~SqliteConnection() {
  if (m_db) sqlite3_close(m_db);
}

Status SqliteConnection::exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::ok();
  Status s = sqliteError(m_db, rc, err ? err : sql);
  sqlite3_free(err);
  return s;
}

Result<SqliteStatement> SqliteConnection::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return sqliteError(m_db, rc, sql);
  return SqliteStatement(m_db, stmt);
}

std::int64_t SqliteConnection::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

}  // namespace anju::server
