// The unit of work of SqlStorage: a SqlTransaction (the driver's write transaction, exclusive
// against every other writer) seen through the SyncTransaction interface the services use.
// commit() first runs the beforeCommit hook of the layer above (the register index) with the
// houses whose records were written, so derived tables change in the same transaction as the
// records; recordWritten runs after each record write, for the layer's per-record tables.
// Private to SqlStorage.
#pragma once

#include <functional>
#include <memory>
#include <set>

#include "storage/server_storage.h"
#include "storage/sql_driver.h"

namespace anju::server {

class SqlSyncTransaction final : public SyncTransaction {
 public:
  using BeforeCommit = std::function<Status(SqlSession&, const std::set<Uuid>&)>;
  using RecordWritten = std::function<Status(SqlSession&, const StoredRecord&)>;
  /// The hooks are borrowed from SqlStorage (may be empty) and outlive the transaction.
  SqlSyncTransaction(std::unique_ptr<SqlTransaction> tx, const BeforeCommit& beforeCommit,
                     const RecordWritten& recordWritten)
      : m_tx(std::move(tx)), m_beforeCommit(beforeCommit), m_recordWritten(recordWritten) {}

  Result<std::optional<SeenChange>> findChange(const std::string& changeId) override;
  Result<std::optional<StoredRecord>> findRecord(RecordKind kind, const Uuid& id) override;
  Result<std::vector<StoredRecord>> houseRecords(const Uuid& buildingId) override;
  Result<std::int64_t> putRecord(const RecordWrite& write) override;
  Status saveConflict(const ConflictRow& conflict) override;
  Status rememberChange(const SeenChange& change) override;
  Status appendAudit(const AuditEntry& entry) override;
  Result<std::int64_t> revokeTokens(const std::string& userName, const std::string& deviceId,
                                    TimestampMs at, bool finalPush) override;
  Status savepoint() override;
  Status releaseSavepoint() override;
  Status rollbackToSavepoint() override;
  Result<std::optional<Assignment>> findAssignment(const Uuid& buildingId) override;
  Status putAssignment(const Assignment& a) override;
  Status commit() override;

 private:
  SqlSession& session() { return m_tx->session(); }
  /// After a building is written: its house's other records (inspections, photos,
  /// rectifications, visits) and audit rows still in another region move to the building's, in
  /// this transaction, each record under a new seq (docs/protocol.md, "A house that moves").
  Status moveHouseRecords(const RecordWrite& building);
  /// Adds `r`'s history row (record_versions); its seq is the record's place in pull order.
  Result<std::int64_t> appendVersion(const StoredRecord& r, const std::string& changeId,
                                     const std::string& source, TimestampMs writtenAt);

  std::unique_ptr<SqlTransaction> m_tx;  // rolls back when destroyed uncommitted
  const BeforeCommit& m_beforeCommit;
  const RecordWritten& m_recordWritten;
  std::set<Uuid> m_touchedHouses;  // buildings whose records this transaction wrote
};

}  // namespace anju::server
