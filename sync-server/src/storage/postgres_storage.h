// PostgresStorage: ServerStorage on a PostgreSQL database through libpq, for a province: several
// stateless server processes behind a load balancer share one database.
//
// Writes of records (push, review, import) go through PostgresSyncTransaction, which takes one
// cluster-wide transaction-level advisory lock (kWriteLockKey) before its first read. That one
// lock gives the two properties the services rely on, across every process:
//  - the rules' read-then-write is safe: no other SyncTransaction runs in between, exactly as
//    with SQLite's single writer, and with one lock there is no lock order to get wrong, so no
//    deadlock between pushes;
//  - seq becomes visible in commit order: seq is drawn under the lock and the lock is released
//    only after the commit is visible, so a snapshot that sees seq N also sees every seq < N
//    that committed. Pull can therefore never skip a record whose lower seq commits late.
// The price is that record writes are serialised cluster-wide (a push batch takes a few
// milliseconds); pulls, logins and photo uploads do not take the lock and run in parallel.
//
// Thread-safety: any method may be called from many threads; each call (and each
// SyncTransaction) leases its own connection from a PgPool.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "storage/postgres_pool.h"
#include "storage/server_storage.h"

namespace anju::server {

struct PostgresOptions {
  std::string conninfo;  // libpq key=value string or postgresql:// URI
  int poolSize = 8;      // connections per server process
  std::chrono::milliseconds acquireTimeout{30000};
};

class PostgresStorage final : public ServerStorage {
 public:
  /// Connects, applies pending migrations and reads the epoch. unavailable when the database
  /// cannot be reached, invalidArgument for a malformed conninfo.
  static Result<std::unique_ptr<PostgresStorage>> open(const PostgresOptions& options);

  /// Read fresh from the database so that rotate-epoch reaches every server process at once;
  /// the last value read when the database is unreachable (the request then fails anyway).
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
  explicit PostgresStorage(std::unique_ptr<PgPool> pool) : m_pool(std::move(pool)) {}

  /// Runs `work(PgConnection&)` on a leased connection. When a connection taken from the pool
  /// turns out to be dead (PostgreSQL restarted while it sat idle), runs it once more on a new
  /// one, so a restart costs no failed request once the database is back.
  template <typename Work>
  auto withConnection(Work work) -> decltype(work(std::declval<PgConnection&>()));

  std::unique_ptr<PgPool> m_pool;
  std::mutex m_epochMutex;
  std::string m_epoch;  // guarded by m_epochMutex
};

}  // namespace anju::server
