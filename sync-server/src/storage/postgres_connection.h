// A thin RAII layer over libpq: one connection, parameterised statements and their results, with
// errors as Status values. Private to the PostgreSQL storage implementation.
//
// Every parameter travels in binary format with an explicit type and length, so values are never
// spliced into SQL text, bytea needs no escaping and a stray NUL cannot truncate a string.
// Results come back in binary format too; PgResult decodes text, bytea, int8/int4 and bool.
//
// Not thread-safe: a PgConnection is used by one thread at a time (PgPool hands it out).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anju/message.h"
#include "anju/status.h"
#include "storage/sql_driver.h"

struct pg_conn;
struct pg_result;

namespace anju::server {

/// An owned PGresult of a statement that succeeded.
class PgResult {
 public:
  explicit PgResult(pg_result* result) : m_result(result) {}
  PgResult(PgResult&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  bool isNull(int row, int column) const;
  std::string text(int row, int column) const;
  std::string bytes(int row, int column) const { return text(row, column); }
  /// int8, int4 or int2 columns; 0 for NULL.
  std::int64_t int64(int row, int column) const;
  bool boolean(int row, int column) const;

 private:
  pg_result* m_result;
};

class PgConnection {
 public:
  /// Connects with `keywords`/`values` (as for PQconnectdbParams, already validated). unavailable
  /// when the server cannot be reached; the libpq message goes to the log, not into the Status.
  static Result<PgConnection> connect(const std::vector<std::string>& keywords,
                                      const std::vector<std::string>& values);

  PgConnection(PgConnection&& other) noexcept : m_conn(other.m_conn) { other.m_conn = nullptr; }
  PgConnection& operator=(PgConnection&&) = delete;
  PgConnection(const PgConnection&) = delete;
  ~PgConnection();

  /// Runs one statement (or, without parameters, a script of several).
  Status exec(const std::string& sql);
  Result<PgResult> query(const std::string& sql, const SqlParams& params = {});
  /// false once libpq has seen the connection break; the pool then drops it.
  bool healthy() const;
  /// true when no transaction is open (a connection must be idle to go back to the pool).
  bool idle() const;
  /// true inside a transaction that a failed statement has aborted (COMMIT would roll back).
  bool inFailedTransaction() const;

 private:
  explicit PgConnection(pg_conn* conn) : m_conn(conn) {}
  Status failure(pg_result* result, std::string_view sql);

  pg_conn* m_conn;
};

/// What a failed statement's SQLSTATE means for the request.
enum class PgFailureKind {
  kDuplicate,    // 23505 unique_violation: Status::alreadyExists
  kStorageFull,  // 53100 disk_full: storageFullStatus, HTTP 507 (as SQLITE_FULL)
  kUnavailable,  // retry later (connection lost, 53200/53300 and other class 53, 57, 40001,
                 // 40P01, 55P03): Status::unavailable, HTTP 503
  kFailed,       // anything else: Status::ioError, HTTP 500
};
/// Classifies `state` (PG_DIAG_SQLSTATE, "" when libpq gave none) of a statement that failed on
/// a connection that is (`connectionHealthy`) or is no longer usable.
PgFailureKind classifyPgFailure(std::string_view state, bool connectionHealthy);

/// The message of every "database unreachable" Status (storage.database_unavailable): safe to
/// show to clients.
extern const Message kDatabaseUnavailable;

}  // namespace anju::server
