#include "anju/sqlite_database.h"

#include <sqlite3.h>

namespace anju::sqlite {

Statement::Statement(Statement&& other) noexcept
    : m_stmt(other.m_stmt), m_db(other.m_db), m_bindError(other.m_bindError) {
  other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_stmt = other.m_stmt;
    m_db = other.m_db;
    m_bindError = other.m_bindError;
    other.m_stmt = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

namespace {
// Remembers the first failing bind; later binds are still attempted (they are harmless).
void keep(int& firstError, int rc) {
  if (rc != SQLITE_OK && firstError == SQLITE_OK) firstError = rc;
}
}  // namespace

Statement& Statement::bindText(int index, std::string_view text) {
  keep(m_bindError,
       sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
  // A zero-length blob must still be a blob, not NULL: bind_blob64 with a null pointer gives NULL.
  static const char kEmpty = 0;
  keep(m_bindError, sqlite3_bind_blob64(m_stmt, index, bytes.empty() ? &kEmpty : bytes.data(),
                                        bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bindInt(int index, std::int64_t value) {
  keep(m_bindError, sqlite3_bind_int64(m_stmt, index, value));
  return *this;
}

Statement& Statement::bindVersion(int index, HlcVersion version) {
  return bindInt(index, static_cast<std::int64_t>(version));
}

Statement& Statement::bindNull(int index) {
  keep(m_bindError, sqlite3_bind_null(m_stmt, index));
  return *this;
}

Statement& Statement::bindTextOrNull(int index, std::string_view text) {
  return text.empty() ? bindNull(index) : bindText(index, text);
}

int Statement::parameterIndex(const char* name) const {
  return sqlite3_bind_parameter_index(m_stmt, name);
}

Result<bool> Statement::step() {
  if (m_bindError != SQLITE_OK) return m_db->error(m_bindError, sqlite3_sql(m_stmt));
  // SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR,
  // SQLITE_NOMEM …). A later statement of the same user action would then run in autocommit
  // mode and be committed on its own — an outbox row without its record. Refuse to write
  // outside the transaction the caller believes it is in.
  if (m_db->inTransaction() && sqlite3_get_autocommit(m_db->handle()) &&
      !sqlite3_stmt_readonly(m_stmt))
    return Status::ioError(msg("store.transaction_aborted"));
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return m_db->error(rc, sqlite3_sql(m_stmt));
}

Status Statement::run() {
  Result<bool> r = step();
  if (!r) return r.status();
  if (*r) return Status::internal(msg("store.statement_unexpectedly_returned_rows"));
  return Status::ok();
}

Result<std::optional<std::int64_t>> Statement::runReturningInteger() {
  Result<bool> row = step();
  if (!row) return row.status();
  if (!*row) return std::optional<std::int64_t>();
  const std::int64_t value = integer(0);
  if (Status s = run(); !s) return s;
  return std::optional<std::int64_t>(value);
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_bindError = SQLITE_OK;
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

HlcVersion Statement::version(int column) const {
  return static_cast<HlcVersion>(sqlite3_column_int64(m_stmt, column));
}

std::string Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
           : std::string();
}

std::string Statement::blob(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
           : std::string();
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path,
                                                 const OpenOptions& options) {
  sqlite3* db = nullptr;
  int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (options.callerSerialises) flags |= SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Message text = msg("store.cannot_open",
                       {{"path", path}, {"detail", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)}});
    sqlite3_close(db);  // a handle is returned even on failure, and must be closed
    return Status::ioError(std::move(text));
  }
  // Extended codes tell a foreign-key failure from other constraints, and SQLITE_FULL apart.
  sqlite3_extended_result_codes(db, 1);
  if (options.busyTimeoutMs > 0) sqlite3_busy_timeout(db, options.busyTimeoutMs);
  return std::unique_ptr<Database>(
      new Database(db, options.mapError ? options.mapError : &storeError));
}

Database::~Database() {
  m_cache.clear();  // statements must be finalized before the connection closes
  sqlite3_close(m_db);
}

Status Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // error() reads the same text from the connection
  return rc == SQLITE_OK ? Status::ok() : error(rc, sql.substr(0, 80));
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, sql.substr(0, 80));
  return Statement(stmt, this);
}

Result<StatementUse> Database::cached(const char* sql) {
  auto it = m_cache.find(sql);
  if (it == m_cache.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error(rc, sql);
    it = m_cache.emplace(sql, std::make_unique<Statement>(stmt, this)).first;
  }
  return StatementUse(it->second.get());
}

Result<std::int64_t> Database::queryInt(std::string_view sql) {
  Result<Statement> stmt = prepare(sql);
  if (!stmt) return stmt.status();
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return Status::internal(msg("store.no_row", {{"sql", std::string(sql)}}));
  return stmt->integer(0);
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

std::string Database::lastErrorMessage() const { return sqlite3_errmsg(m_db); }

Status Database::error(int rc, std::string_view what) const {
  return m_mapError(rc, what, m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
}

Status storeError(int rc, std::string_view what, std::string_view sqliteSays) {
  const std::string detail = std::string(what) + ": " + std::string(sqliteSays);
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::corruption(msg("store.damaged", {{"detail", detail}}));
    case SQLITE_FULL:
      return Status::ioError(msg("store.full", {{"detail", detail}}));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::unavailable(msg("store.busy", {{"detail", detail}}));
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return Status::notFound(msg("store.reference_missing", {{"detail", detail}}));
      return Status::conflict(msg("store.constraint_failed", {{"detail", detail}}));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
      return Status::ioError(msg("store.io_failed", {{"detail", detail}}));
    default:
      return Status::internal(msg("store.error", {{"detail", detail}}));
  }
}

Result<Transaction> Transaction::begin(Database& db) {
  if (db.m_inTransaction) return Status::internal(msg("store.transactions_cannot_nested"));
  Status s = db.exec("BEGIN IMMEDIATE");
  if (!s) return s;
  db.m_inTransaction = true;
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }

Transaction::~Transaction() {
  if (!m_db) return;
  // Skip ROLLBACK when SQLite already rolled back by itself; a failing rollback cannot usefully
  // be reported from here (SQLite then rolls back when the connection closes).
  if (!sqlite3_get_autocommit(m_db->handle())) (void)m_db->exec("ROLLBACK");
  m_db->m_inTransaction = false;
}

Status Transaction::commit() {
  if (!m_db) return Status::internal(msg("store.transaction_already_finished"));
  if (sqlite3_get_autocommit(m_db->handle()))
    return Status::ioError(msg("store.transaction_aborted"));
  Status s = m_db->exec("COMMIT");
  if (s) {
    m_db->m_inTransaction = false;
    m_db = nullptr;
  }
  return s;
}

}  // namespace anju::sqlite
