// The PostgreSQL unit of work. beginWriteTransaction() opens a READ COMMITTED transaction on a
// leased connection and takes the cluster-wide write lock (a transaction-level advisory lock,
// released by COMMIT or ROLLBACK), so the rules' read-decide-write runs as if alone and seq values
// are drawn and made visible in commit order; see postgres_storage.h for why. The destructor rolls
// back an uncommitted transaction. Private to PostgresStorage.
#pragma once

#include <set>

#include "storage/postgres_pool.h"
#include "storage/server_storage.h"

namespace anju::server {

class PostgresSyncTransaction final : public SyncTransaction {
 public:
  /// Takes over a connection on which beginWriteTransaction() succeeded.
  static std::unique_ptr<SyncTransaction> adopt(PgPool::Lease lease);
  ~PostgresSyncTransaction() override;

  Result<std::optional<SeenChange>> findChange(const std::string& changeId) override;
  Result<std::optional<StoredRecord>> findRecord(const std::string& kind, const Uuid& id) override;
  Result<std::int64_t> putRecord(const RecordWrite& write) override;
  Status saveConflict(const ConflictRow& conflict) override;
  Status rememberChange(const SeenChange& change) override;
  Status appendAudit(const AuditEntry& entry) override;
  Status commit() override;

 private:
  explicit PostgresSyncTransaction(PgPool::Lease lease) : m_lease(std::move(lease)) {}
  PgConnection& db() { return m_lease.connection(); }

  PgPool::Lease m_lease;
  bool m_open = true;
  std::set<Uuid> m_touchedHouses;  // buildings whose register row commit() must refresh
};

/// Opens the transaction and waits for the write lock (bounded by lock_timeout: unavailable when
/// it runs out). Separate from adopt() so PostgresStorage can retry it on a fresh connection when
/// a pooled one turns out to be dead.
Status beginWriteTransaction(PgConnection& db);

}  // namespace anju::server
