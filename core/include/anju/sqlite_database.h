// The one thin RAII layer over the SQLite C API, used by the tablet's store, the MBTiles basemap
// reader and the sync server's SQLite driver: one connection (Database), prepared statements
// (Statement, with a per-connection cache of reusable ones) and BEGIN IMMEDIATE transactions.
//
// Not thread-safe: each user serialises its calls (Store and SqliteDriver on a mutex), so one
// Database is only ever used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "anju/hlc.h"
#include "anju/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace anju::sqlite {

class Database;

/// Turns a failing SQLite result code (extended) into a Status in its user's vocabulary: the
/// tablet's store and the server name the same failures differently (a full disk is 507 on the
/// server). `what` names the statement or action; `detail` is SQLite's own message.
using ErrorMapper = Status (*)(int extendedCode, std::string_view what, std::string_view detail);

/// The store's mapping: corruption, full disk, busy, constraint (a missing reference apart), I/O.
Status storeError(int extendedCode, std::string_view what, std::string_view detail);

struct OpenOptions {
  bool readOnly = false;  // e.g. a basemap the bureau handed out; never created
  /// How long a statement waits for another process's lock (the admin CLI writing while the
  /// server runs) before failing busy; 0 fails at once.
  int busyTimeoutMs = 0;
  /// The caller never uses the connection from two threads at once (it holds its own mutex), so
  /// SQLite's per-call mutex is pure cost.
  bool callerSerialises = false;
  ErrorMapper mapError = &storeError;
};

/// One prepared statement. Bind errors are remembered and reported by the next step()/run(), so
/// call sites can chain binds without checking each one.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, Database* db) : m_stmt(stmt), m_db(db) {}  // takes ownership
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& bindText(int index, std::string_view text);
  Statement& bindBlob(int index, std::string_view bytes);
  Statement& bindInt(int index, std::int64_t value);
  /// HLC versions fit in 63 bits for any wall time before the year 6000, so they are stored as
  /// plain SQLite INTEGERs and compare correctly in SQL.
  Statement& bindVersion(int index, HlcVersion version);
  Statement& bindNull(int index);
  /// Binds NULL for an empty string: for optional enum codes such as a judgment not yet given.
  Statement& bindTextOrNull(int index, std::string_view text);
  /// The index of a named parameter ("$1"), 0 when the statement has none of that name.
  int parameterIndex(const char* name) const;

  /// True when a row is available, false when the statement is done.
  Result<bool> step();
  /// Steps a statement that returns no rows (INSERT/UPDATE/DELETE) to completion.
  Status run();
  /// For a write with "RETURNING <one integer>": the value, or nullopt when no row was written.
  /// Steps on to completion, because a write can still fail (e.g. a full disk) after the
  /// returned row was produced, and that error must not be lost in reset().
  Result<std::optional<std::int64_t>> runReturningInteger();
  /// Ready for new bindings; also releases the read snapshot a half-read SELECT holds.
  void reset();

  // Columns are 0-based, as in SQLite.
  bool isNull(int column) const;
  std::int64_t integer(int column) const;
  HlcVersion version(int column) const;
  std::string text(int column) const;
  std::string blob(int column) const;

 private:
  sqlite3_stmt* m_stmt = nullptr;
  Database* m_db = nullptr;  // borrowed: the connection outlives its statements
  int m_bindError = 0;
};

/// A cached statement borrowed for one use; resets it when the use ends so a later call starts
/// clean and no SELECT keeps a read transaction open.
class StatementUse {
 public:
  explicit StatementUse(Statement* statement) : m_statement(statement) {}
  StatementUse(StatementUse&& other) noexcept : m_statement(other.m_statement) {
    other.m_statement = nullptr;
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  StatementUse& operator=(StatementUse&&) = delete;
  ~StatementUse() {
    if (m_statement) m_statement->reset();
  }
  Statement* operator->() const { return m_statement; }
  Statement& operator*() const { return *m_statement; }

 private:
  Statement* m_statement;  // borrowed from Database's cache
};

class Database {
 public:
  /// Opens (creating if missing, unless read-only) a database file. Opening never reads the
  /// file, so a damaged or foreign file is only detected by the first query; see Store::open.
  static Result<std::unique_ptr<Database>> open(const std::string& path,
                                                const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs one or more SQL statements without results.
  Status exec(std::string_view sql);
  /// A fresh statement, for SQL built at run time or used once.
  Result<Statement> prepare(std::string_view sql);
  /// A statement compiled once per connection and reused: the hot paths (bulk import runs the
  /// same five statements 100 000 times) skip re-parsing SQL.
  Result<StatementUse> cached(const char* sql);
  /// A single integer from a query such as "PRAGMA user_version".
  Result<std::int64_t> queryInt(std::string_view sql);

  /// Translates a SQLite result code into a Status through the connection's ErrorMapper, naming
  /// what we were doing (`what`) and what SQLite said.
  Status error(int rc, std::string_view what) const;

  /// For what this layer does not wrap (collations, sqlite3_get_autocommit).
  sqlite3* handle() const { return m_db; }
  std::int64_t lastInsertRowId() const;
  /// SQLite's own words for the last failure, for callers that phrase errors per step.
  std::string lastErrorMessage() const;

  /// Whether a Transaction object is open on this connection (see Statement::step).
  bool inTransaction() const { return m_inTransaction; }

 private:
  friend class Transaction;
  Database(sqlite3* db, ErrorMapper mapError) : m_db(db), m_mapError(mapError) {}

  sqlite3* m_db;
  ErrorMapper m_mapError;
  bool m_inTransaction = false;
  std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

/// BEGIN IMMEDIATE ... COMMIT. Immediate, so the write lock is taken up front and a busy database
/// fails at BEGIN (after the busy timeout) rather than halfway through a user's save. If the
/// object goes out of scope without a successful commit(), the transaction is rolled back: an
/// early `return status;` can never leave half a change behind.
///
/// Functions that write take a `const Transaction&` parameter they do not use, to document (and
/// have the compiler check) that they run inside one.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  /// On failure (e.g. a deferred foreign key, a full disk) the transaction is still open and is
  /// rolled back by the destructor.
  Status commit();

 private:
  explicit Transaction(Database* db) : m_db(db) {}
  Database* m_db;  // borrowed; null once committed or moved from
};

}  // namespace anju::sqlite
