// SqliteStorage: ServerStorage on one SQLite file (WAL, synchronous=FULL). The default backend:
// zero setup, enough for a district (10^4–10^5 houses, tens of inspectors).
//
// Thread-safety: one connection guarded by a mutex; a SyncTransaction holds the mutex from
// begin to commit/rollback, so writes are serialised in-process, and BEGIN IMMEDIATE serialises
// them against other processes (the admin CLI) on the same file. Sequence numbers therefore
// grow in commit order, which pull relies on.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "storage/server_storage.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

class SqliteStorage final : public ServerStorage {
 public:
  /// Opens or creates `path` and applies pending migrations.
  static Result<std::unique_ptr<SqliteStorage>> open(const std::string& path);

  std::string epoch() override;
  Status rotateEpoch() override;

  Status createUser(const User& user) override;
  Result<User> findUser(const std::string& name) override;
  Status addUserRegion(const std::string& name, const RegionPath& region) override;

  Status saveToken(const TokenRow& token) override;
  Result<User> findUserByToken(const std::string& tokenHash, TimestampMs now) override;

  Result<std::unique_ptr<SyncTransaction>> beginTransaction() override;

  Result<PullPage> pullPage(std::int64_t afterSeq, const RegionFilter& filter, int limit) override;
  Result<std::int64_t> maxSequence() override;
  Result<std::optional<StoredRecord>> findRecord(const std::string& kind, const Uuid& id) override;
  Result<std::vector<ConflictRow>> conflictsFor(const Uuid& recordId) override;
  Result<std::vector<StoredRecord>> recordsOfBuilding(const Uuid& buildingId) override;
  Result<std::vector<AuditEntry>> auditLog(const RegionFilter& scope, const Uuid& buildingId,
                                           std::int64_t beforeId, int limit) override;

  Result<std::optional<PhotoBlobState>> findPhotoBlob(const std::string& sha256) override;
  Status putPhotoBlob(const PhotoBlobState& state) override;
  Status deletePhotoBlob(const std::string& sha256) override;
  Result<InspectionPhotos> inspectionPhotos(const Uuid& inspectionId) override;

  Result<RegisterPage> queryRegister(const RegisterFilter& filter,
                                     const std::optional<RegisterKey>& after, int limit) override;
  Result<RegisterSummary> countRegister(const RegisterFilter& filter) override;
  Result<std::vector<StoredRecord>> houseRecords(const Uuid& buildingId) override;

 private:
  explicit SqliteStorage(SqliteConnection db) : m_db(std::move(db)) {}
  Result<User> loadUserLocked(const std::string& name);

  std::mutex m_mutex;
  SqliteConnection m_db;
  std::string m_epoch;  // cached; changes only through rotateEpoch
};

}  // namespace anju::server
