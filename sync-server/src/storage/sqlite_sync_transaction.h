// The SQLite unit of work: BEGIN IMMEDIATE on construction, COMMIT on commit(), ROLLBACK in the
// destructor otherwise. Holds the storage mutex for its whole life. Private to SqliteStorage.
// commit() first refreshes the register index rows of the houses whose records were written, so
// the index changes in the same transaction as the records.
#pragma once

#include <mutex>
#include <set>

#include "storage/server_storage.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

class SqliteSyncTransaction final : public SyncTransaction {
 public:
  /// `db` is borrowed from SqliteStorage and outlives the transaction; `lock` guards it.
  static Result<std::unique_ptr<SyncTransaction>> begin(SqliteConnection& db,
                                                        std::unique_lock<std::mutex> lock);
  ~SqliteSyncTransaction() override;

  Result<std::optional<SeenChange>> findChange(const std::string& changeId) override;
  Result<std::optional<StoredRecord>> findRecord(const std::string& kind, const Uuid& id) override;
  Result<std::int64_t> putRecord(const RecordWrite& write) override;
  Status saveConflict(const ConflictRow& conflict) override;
  Status rememberChange(const SeenChange& change) override;
  Status appendAudit(const AuditEntry& entry) override;
  Status commit() override;

 private:
  SqliteSyncTransaction(SqliteConnection& db, std::unique_lock<std::mutex> lock)
      : m_db(db), m_lock(std::move(lock)) {}

  SqliteConnection& m_db;
  std::unique_lock<std::mutex> m_lock;
  bool m_open = true;
  std::set<Uuid> m_touchedHouses;  // buildings whose register row commit() must refresh
};

}  // namespace anju::server
