#include "storage/postgres_connection.h"

#include <libpq-fe.h>

#include <cstring>

#include "anju/message.h"
#include "util/log.h"
#include "util/storage_full.h"

namespace anju::server {
namespace {

// Type OIDs from pg_type (stable across PostgreSQL versions; the server headers that name them
// are not part of libpq-dev).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;

std::string oneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string bigEndian(std::int64_t value) {
  std::string be(8, '\0');
  auto u = static_cast<std::uint64_t>(value);
  for (int i = 7; i >= 0; --i) {
    be[static_cast<std::size_t>(i)] = static_cast<char>(u & 0xff);
    u >>= 8;
  }
  return be;
}

std::uint64_t readBigEndian(const char* data, int length) {
  std::uint64_t v = 0;
  for (int i = 0; i < length; ++i) v = (v << 8) | static_cast<unsigned char>(data[i]);
  return v;
}

void forwardNotice(void*, const char* message) {
  logInfo("postgres: " + oneLine(message ? message : ""));
}

}  // namespace

const Message kDatabaseUnavailable = msg("storage.database_unavailable");

PgFailureKind classifyPgFailure(std::string_view state, bool connectionHealthy) {
  if (state == "23505") return PgFailureKind::kDuplicate;
  if (!connectionHealthy) return PgFailureKind::kUnavailable;
  // disk_full: like SQLITE_FULL and ENOSPC, retrying cannot help until an administrator frees
  // space, and the client is told exactly that (507).
  if (state == "53100") return PgFailureKind::kStorageFull;
  if (state.size() != 5) return PgFailureKind::kFailed;
  // After these a retry may well succeed: the connection or server went away (08), the server
  // is short of memory or connections (53200 out_of_memory, 53300 too_many_connections, 53400),
  // it is starting or shutting down (57), or a lock wait / deadlock / serialisation failure
  // aborted the transaction.
  const std::string_view cls = state.substr(0, 2);
  if (cls == "08" || cls == "53" || cls == "57" || state == "40001" || state == "40P01" ||
      state == "55P03")
    return PgFailureKind::kUnavailable;
  return PgFailureKind::kFailed;
}

PgResult::~PgResult() {
  if (m_result) PQclear(m_result);
}

int PgResult::rows() const { return PQntuples(m_result); }

bool PgResult::isNull(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }

std::string PgResult::text(int row, int column) const {
  if (isNull(row, column)) return {};
  return std::string(PQgetvalue(m_result, row, column),
                     static_cast<std::size_t>(PQgetlength(m_result, row, column)));
}

std::int64_t PgResult::int64(int row, int column) const {
  if (isNull(row, column)) return 0;
  const Oid type = PQftype(m_result, column);
  const int length = PQgetlength(m_result, row, column);
  const std::uint64_t raw = readBigEndian(PQgetvalue(m_result, row, column), length);
  // Sign-extend the narrower integer types.
  if (type == kInt4Oid && length == 4) return static_cast<std::int32_t>(raw);
  if (type == kInt2Oid && length == 2) return static_cast<std::int16_t>(raw);
  return static_cast<std::int64_t>(raw);
}

bool PgResult::boolean(int row, int column) const {
  return !isNull(row, column) && PQgetlength(m_result, row, column) == 1 &&
         PQgetvalue(m_result, row, column)[0] != 0;
}

Result<PgConnection> PgConnection::connect(const std::vector<std::string>& keywords,
                                           const std::vector<std::string>& values) {
  std::vector<const char*> k, v;
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    k.push_back(keywords[i].c_str());
    v.push_back(values[i].c_str());
  }
  k.push_back(nullptr);
  v.push_back(nullptr);
  pg_conn* conn = PQconnectdbParams(k.data(), v.data(), 0);
  if (!conn) {
    logError("postgres: out of memory creating a connection");
    return Status::unavailable(kDatabaseUnavailable);
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's message names host, port, user and database, never the password.
    logWarn("postgres: cannot connect: " + oneLine(PQerrorMessage(conn)));
    PQfinish(conn);
    return Status::unavailable(kDatabaseUnavailable);
  }
  PQsetNoticeProcessor(conn, forwardNotice, nullptr);
  return PgConnection(conn);
}

PgConnection::~PgConnection() {
  if (m_conn) PQfinish(m_conn);
}

bool PgConnection::healthy() const { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }

bool PgConnection::inFailedTransaction() const {
  return m_conn && PQtransactionStatus(m_conn) == PQTRANS_INERROR;
}

bool PgConnection::idle() const { return healthy() && PQtransactionStatus(m_conn) == PQTRANS_IDLE; }

Status PgConnection::failure(pg_result* result, std::string_view sql) {
  const char* stateField = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = stateField ? stateField : "";
  std::string message = oneLine(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
  if (message.empty()) message = oneLine(PQerrorMessage(m_conn));
  if (result) PQclear(result);
  const std::string statement(sql.substr(0, 80));
  const std::string context = " [" + state + "] " + message + " (in: " + statement + ")";
  switch (classifyPgFailure(state, healthy())) {
    case PgFailureKind::kDuplicate:
      return Status::alreadyExists(msg("storage.already_exists", {{"detail", message}}));
    case PgFailureKind::kStorageFull:
      // The detail is for the server log only (storageFullStatus), as on SQLite.
      logError("postgres: disk full:" + context);
      return storageFullStatus("postgres [" + state + "] " + message);
    case PgFailureKind::kUnavailable:
      logWarn("postgres: unavailable:" + context);
      return Status::unavailable(kDatabaseUnavailable);
    case PgFailureKind::kFailed:
      break;
  }
  logError("postgres: statement failed:" + context);
  return Status::ioError(
      msg("storage.statement_failed", {{"state", state}, {"detail", message}, {"sql", statement}}));
}

Status PgConnection::exec(const std::string& sql) {
  pg_result* result = PQexec(m_conn, sql.c_str());
  const ExecStatusType st = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return failure(result, sql);
  PQclear(result);
  return Status::ok();
}

Result<PgResult> PgConnection::query(const std::string& sql, const SqlParams& params) {
  // Every parameter in binary format with its type: int8 big-endian, bool one byte.
  const std::size_t n = params.values().size();
  std::vector<Oid> types(n);
  std::vector<std::string> encoded(n);
  std::vector<const char*> values(n);
  std::vector<int> lengths(n), formats(n, 1);
  for (std::size_t i = 0; i < n; ++i) {
    const SqlParams::Value& v = params.values()[i];
    switch (v.type) {
      case SqlParams::Type::kText:
        types[i] = kTextOid;
        encoded[i] = v.data;
        break;
      case SqlParams::Type::kBytes:
        types[i] = kByteaOid;
        encoded[i] = v.data;
        break;
      case SqlParams::Type::kInt64:
        types[i] = kInt8Oid;
        encoded[i] = bigEndian(v.number);
        break;
      case SqlParams::Type::kBoolean:
        types[i] = kBoolOid;
        encoded[i] = std::string(1, v.number != 0 ? 1 : 0);
        break;
    }
    values[i] = encoded[i].data();
    lengths[i] = static_cast<int>(encoded[i].size());
  }
  pg_result* result =
      PQexecParams(m_conn, sql.c_str(), static_cast<int>(n), types.data(), values.data(),
                   lengths.data(), formats.data(), /*resultFormat=*/1);
  const ExecStatusType st = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return failure(result, sql);
  return PgResult(result);
}

}  // namespace anju::server
