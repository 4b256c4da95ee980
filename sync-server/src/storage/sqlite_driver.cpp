#include "storage/sqlite_driver.h"

namespace anju::server {
namespace {

constexpr std::size_t kMaxCachedStatements = 256;
constexpr int kMaxReaders = 4;

/// Rows of a statement; gives a cached statement back (reset) when done.
class SqliteRows final : public SqlRows {
 public:
  SqliteRows(sqlite::Statement* statement, bool* inUse) : m_stmt(statement), m_inUse(inUse) {}
  explicit SqliteRows(sqlite::Statement own)
      : m_own(std::make_unique<sqlite::Statement>(std::move(own))), m_stmt(m_own.get()) {}
  ~SqliteRows() override {
    m_stmt->reset();
    if (m_inUse) *m_inUse = false;
  }

  Result<bool> next() override { return m_stmt->step(); }
  bool isNull(int column) const override { return m_stmt->isNull(column); }
  std::string text(int column) const override { return m_stmt->text(column); }
  std::string bytes(int column) const override { return m_stmt->blob(column); }
  std::int64_t int64(int column) const override { return m_stmt->integer(column); }
  bool boolean(int column) const override { return m_stmt->integer(column) != 0; }

 private:
  std::unique_ptr<sqlite::Statement> m_own;  // set when not from the cache
  sqlite::Statement* m_stmt;
  bool* m_inUse = nullptr;
};

/// Extends `indexes` (the statement's index of $1, $2, …) to at least `count` parameters.
void lookUpIndexes(const sqlite::Statement& stmt, std::size_t count, std::vector<int>& indexes) {
  // $N is a named parameter to SQLite; a statement may leave some out (index 0).
  for (std::size_t i = indexes.size(); i < count; ++i)
    indexes.push_back(stmt.parameterIndex(("$" + std::to_string(i + 1)).c_str()));
}

void bindAll(sqlite::Statement& stmt, const SqlParams& params, std::vector<int>& indexes) {
  const std::vector<SqlParams::Value>& values = params.values();
  lookUpIndexes(stmt, values.size(), indexes);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = indexes[i];
    if (index == 0) continue;
    const SqlParams::Value& v = values[i];
    switch (v.type) {
      case SqlParams::Type::kText:
        stmt.bindText(index, v.data);
        break;
      case SqlParams::Type::kBytes:
        stmt.bindBlob(index, v.data);
        break;
      case SqlParams::Type::kInt64:
      case SqlParams::Type::kBoolean:
        stmt.bindInt(index, v.number);
        break;
    }
  }
}

// The shared layer's transaction (BEGIN IMMEDIATE, rolled back unless committed, and no write
// slips into autocommit after SQLite rolled back by itself) plus the driver's mutex, held to the
// end. Declaration order matters: the transaction ends before the mutex is released.
class SqliteTransaction final : public SqlTransaction {
 public:
  SqliteTransaction(SqliteSession& session, std::unique_lock<std::mutex> lock,
                    sqlite::Transaction transaction)
      : m_session(session), m_lock(std::move(lock)), m_transaction(std::move(transaction)) {}
  SqlSession& session() override { return m_session; }
  Status commit() override { return m_transaction.commit(); }

 private:
  SqliteSession& m_session;
  std::unique_lock<std::mutex> m_lock;
  sqlite::Transaction m_transaction;
};

}  // namespace

Result<std::unique_ptr<SqlRows>> SqliteSession::query(const std::string& sql,
                                                      const SqlParams& params) {
  auto it = m_cache.find(sql);
  if (it == m_cache.end()) {
    // SQL built at run time (a filter's grants) has many texts: keep the cache bounded.
    if (m_cache.size() >= kMaxCachedStatements)
      std::erase_if(m_cache, [](const auto& entry) { return !entry.second->inUse; });
    Result<sqlite::Statement> stmt = m_db->prepare(sql);
    if (!stmt) return stmt.status();
    it = m_cache.emplace(sql, std::make_unique<Cached>(Cached{std::move(stmt).value()})).first;
  }
  Cached& cached = *it->second;
  if (cached.inUse) {
    Result<sqlite::Statement> stmt = m_db->prepare(sql);
    if (!stmt) return stmt.status();
    std::vector<int> indexes = cached.parameterIndexes;  // the same text, the same indexes
    bindAll(*stmt, params, indexes);
    return std::unique_ptr<SqlRows>(new SqliteRows(std::move(stmt).value()));
  }
  cached.inUse = true;
  bindAll(cached.statement, params, cached.parameterIndexes);
  return std::unique_ptr<SqlRows>(new SqliteRows(&cached.statement, &cached.inUse));
}

Result<std::unique_ptr<SqliteDriver>> SqliteDriver::open(const std::string& path) {
  Result<std::unique_ptr<sqlite::Database>> db = openServerDatabase(path);
  if (!db) return db.status();
  return std::unique_ptr<SqliteDriver>(new SqliteDriver(std::move(db).value(), path));
}

Status SqliteDriver::withSession(const std::function<Status(SqlSession&)>& work) {
  std::lock_guard lock(m_mutex);
  return work(m_session);
}

Status SqliteDriver::withReadSession(const std::function<Status(SqlSession&)>& work) {
  std::unique_ptr<SqliteSession> reader;
  {
    std::unique_lock lock(m_readersMutex);
    m_readerFree.wait(lock, [&] { return !m_idleReaders.empty() || m_openReaders < kMaxReaders; });
    if (!m_idleReaders.empty()) {
      reader = std::move(m_idleReaders.back());
      m_idleReaders.pop_back();
    } else {
      ++m_openReaders;  // opened below, outside the lock
    }
  }
  if (!reader) {
    Result<std::unique_ptr<sqlite::Database>> db = openServerDatabase(m_path);
    Status readOnly = db ? (*db)->exec("PRAGMA query_only = 1") : db.status();
    if (!readOnly) {
      {
        std::lock_guard lock(m_readersMutex);
        --m_openReaders;
      }
      m_readerFree.notify_one();
      return readOnly;
    }
    reader = std::make_unique<SqliteSession>(std::move(db).value());
  }
  Status result = work(*reader);
  {
    std::lock_guard lock(m_readersMutex);
    m_idleReaders.push_back(std::move(reader));
  }
  m_readerFree.notify_one();
  return result;
}

Result<std::unique_ptr<SqlTransaction>> SqliteDriver::beginWrite() {
  std::unique_lock lock(m_mutex);
  // IMMEDIATE takes the write lock now, so two writers never both read-then-write stale state.
  Result<sqlite::Transaction> transaction = sqlite::Transaction::begin(m_session.database());
  if (!transaction) return transaction.status();
  return std::unique_ptr<SqlTransaction>(
      new SqliteTransaction(m_session, std::move(lock), std::move(transaction).value()));
}

Result<std::int64_t> SqliteDriver::schemaVersion(SqlSession& session) {
  Result<std::unique_ptr<SqlRows>> rows = session.query("PRAGMA user_version");
  if (!rows) return rows.status();
  Result<bool> row = (*rows)->next();
  if (!row) return row.status();
  return *row ? (*rows)->int64(0) : 0;
}

Status SqliteDriver::setSchemaVersion(SqlSession& session, std::int64_t version) {
  return session.execScript("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace anju::server
