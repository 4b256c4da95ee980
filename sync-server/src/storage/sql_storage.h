// SqlStorage: ServerStorage with every query written once, over a SqlDriver (sqlite_driver.h or
// postgres_driver.h). The driver owns what differs between the engines; this class owns the SQL
// and the mapping between rows and the structs of server_storage.h.
//
// Layers above storage keep their derived tables (the register index) in step through
// StorageHooks: storage calls them inside the write transaction and never includes their code.
//
// Thread-safety: as ServerStorage; the driver serialises or pools connections.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "storage/server_storage.h"
#include "storage/sql_driver.h"

namespace anju::server {

/// What the layer above storage installs to keep derived tables in step with the records.
struct StorageHooks {
  /// Runs inside every write transaction just before its commit, with the houses (building ids)
  /// whose records it wrote; an error rolls the whole transaction back.
  std::function<Status(SqlSession&, const std::set<Uuid>& houses)> beforeCommit;
  /// Runs inside the write transaction right after each record write (a push, an edit, an
  /// import), with the record as written; an error fails the write.
  std::function<Status(SqlSession&, const StoredRecord&)> recordWritten;
  /// Fills the derived tables from the stored records, inside the migration that creates them.
  std::function<Status(SqlSession&)> rebuildIndexes;
};

class SqlStorage : public ServerStorage {
 public:
  /// Takes over `driver`, applies pending migrations and keeps `hooks` for every write.
  static Result<std::unique_ptr<SqlStorage>> open(std::unique_ptr<SqlDriver> driver,
                                                  StorageHooks hooks);

  /// For the layers above storage that keep their own tables in the same database.
  SqlDriver& driver() { return *m_driver; }

  /// Read fresh from the database so that rotate-epoch (from the admin CLI, or another server
  /// process on PostgreSQL) reaches every process at once; the last value read when the
  /// database cannot be read (the request then fails anyway).
  std::string epoch() override;
  Status rotateEpoch() override;

  Status createUser(const User& user) override;
  Result<User> findUser(const std::string& name) override;
  Status addUserRegion(const std::string& name, const RegionPath& region) override;
  Result<std::vector<User>> usersWithRole(Role role) override;

  Status saveToken(const TokenRow& token) override;
  Result<User> findUserByToken(const std::string& tokenHash, TimestampMs now,
                               TokenUse use) override;

  Result<std::vector<DeviceTokens>> deviceTokens(TimestampMs now) override;
  Result<std::unique_ptr<SyncTransaction>> beginTransaction() override;

  Result<PullPage> pullPage(std::int64_t afterSeq, const RegionFilter& filter, int limit) override;
  Result<std::int64_t> countAfter(std::int64_t afterSeq, const RegionFilter& filter) override;
  Result<std::int64_t> maxSequence() override;
  Result<std::optional<StoredRecord>> findRecord(RecordKind kind, const Uuid& id) override;
  Result<std::vector<ConflictRow>> conflictsFor(const Uuid& recordId) override;
  Result<std::vector<StoredRecord>> recordsOfBuilding(const Uuid& buildingId) override;
  Result<std::vector<AuditEntry>> auditLog(const RegionFilter& scope, const Uuid& buildingId,
                                           std::int64_t beforeId, int limit) override;

  Result<std::optional<PhotoBlobState>> findPhotoBlob(const std::string& sha256) override;
  Status putPhotoBlob(const PhotoBlobState& state) override;
  Status deletePhotoBlob(const std::string& sha256) override;
  Result<InspectionPhotos> inspectionPhotos(const Uuid& inspectionId) override;
  Result<std::vector<StoredRecord>> houseRecords(const Uuid& buildingId) override;
  Result<std::vector<Assignment>> assignments(const RegionFilter& scope,
                                              const std::string& inspector,
                                              const RegionPath& community) override;
  Result<std::vector<Uuid>> buildingsIn(const RegionPath& region) override;
  Result<std::vector<StoredRecord>> housesFacts(const std::vector<Uuid>& buildingIds,
                                                const std::vector<Uuid>& shownInspections) override;
  Result<std::vector<AuditEntry>> auditOfHouses(const std::vector<Uuid>& buildingIds,
                                                const std::vector<std::string>& actions) override;
  Result<std::map<std::string, std::string>> displayNames() override;
  // sql_region_codes.cpp
  Result<std::vector<RegionCode>> regionCodes() override;
  Status putRegionCodes(const std::vector<RegionCode>& codes, TimestampMs at) override;

 protected:
  /// For a subclass that installs its own hooks: construct, then start().
  explicit SqlStorage(std::unique_ptr<SqlDriver> driver) : m_driver(std::move(driver)) {}
  /// Keeps `hooks` and applies pending migrations; call once before any other method.
  Status start(StorageHooks hooks);

  enum class Access { kWrite, kRead };
  /// Runs `work(SqlSession&)` through SqlDriver::withSession (withReadSession for kRead) and
  /// hands back its result.
  template <typename Work>
  auto withSession(Work work, Access access = Access::kWrite)
      -> decltype(work(std::declval<SqlSession&>()));
  /// For work that only reads: beside a write transaction, never waiting for it.
  template <typename Work>
  auto withReadSession(Work work) -> decltype(work(std::declval<SqlSession&>())) {
    return withSession(std::move(work), Access::kRead);
  }

 private:
  std::unique_ptr<SqlDriver> m_driver;
  StorageHooks m_hooks;
  std::mutex m_epochMutex;
  std::string m_epoch;  // guarded by m_epochMutex
};

}  // namespace anju::server
