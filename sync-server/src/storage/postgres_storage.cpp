#include "storage/postgres_storage.h"

#include <algorithm>
#include <type_traits>

#include "storage/postgres_register.h"
#include "storage/postgres_rows.h"
#include "storage/postgres_schema.h"
#include "storage/postgres_sync_transaction.h"
#include "storage/region_sql.h"

namespace anju::server {
namespace {

Status statusOf(const Status& s) { return s; }
template <typename T>
Status statusOf(const Result<T>& r) {
  return r.status();
}

Result<User> loadUser(PgConnection& db, const std::string& name) {
  PgParams params;
  params.text(name);
  Result<PgResult> user =
      db.query("SELECT name, role, display_name, password_hash FROM users WHERE name = $1", params);
  if (!user) return user.status();
  if (user->rows() == 0) return Status::notFound("没有此用户 / no such user: " + name);
  User out;
  out.name = user->text(0, 0);
  out.role = parseRole(user->text(0, 1)).value_or(Role::kInspector);
  out.displayName = user->text(0, 2);
  out.passwordHash = user->text(0, 3);
  // COLLATE "C": byte order, the same as SQLite's, whatever the database's locale.
  Result<PgResult> regions = db.query(
      "SELECT district, street, community FROM user_regions WHERE user_name = $1 "
      "ORDER BY district COLLATE \"C\", street COLLATE \"C\", community COLLATE \"C\"",
      params);
  if (!regions) return regions.status();
  for (int i = 0; i < regions->rows(); ++i)
    out.regions.push_back({regions->text(i, 0), regions->text(i, 1), regions->text(i, 2)});
  return out;
}

}  // namespace

template <typename Work>
auto PostgresStorage::withConnection(Work work) -> decltype(work(std::declval<PgConnection&>())) {
  for (int attempt = 0;; ++attempt) {
    Result<PgPool::Lease> lease = m_pool->acquire();
    if (!lease) return lease.status();
    auto result = work(lease->connection());
    const bool staleConnection = !lease->fresh() && !lease->connection().healthy();
    if (statusOf(result) || !staleConnection || attempt > 0) return result;
  }
}

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(const PostgresOptions& options) {
  Result<std::unique_ptr<PgPool>> pool =
      PgPool::create(options.conninfo, std::max(1, options.poolSize), options.acquireTimeout);
  if (!pool) return pool.status();
  std::unique_ptr<PostgresStorage> storage(new PostgresStorage(std::move(pool).value()));
  Status migrated =
      storage->withConnection([](PgConnection& db) { return migratePostgresSchema(db); });
  if (!migrated) return migrated;
  Result<PgResult> epoch = storage->withConnection(
      [](PgConnection& db) { return db.query("SELECT value FROM meta WHERE key = 'epoch'"); });
  if (!epoch) return epoch.status();
  if (epoch->rows() != 1) return Status::corruption("数据库缺少 epoch / database has no epoch");
  storage->m_epoch = epoch->text(0, 0);
  return storage;
}

std::string PostgresStorage::epoch() {
  Result<PgResult> r = withConnection(
      [](PgConnection& db) { return db.query("SELECT value FROM meta WHERE key = 'epoch'"); });
  std::lock_guard lock(m_epochMutex);
  if (r && r->rows() == 1) m_epoch = r->text(0, 0);
  return m_epoch;
}

Status PostgresStorage::rotateEpoch() {
  Result<PgResult> r = withConnection([](PgConnection& db) {
    return db.query(
        "UPDATE meta SET value = replace(gen_random_uuid()::text, '-', '') "
        "WHERE key = 'epoch' RETURNING value");
  });
  if (!r) return r.status();
  if (r->rows() != 1) return Status::corruption("数据库缺少 epoch / database has no epoch");
  std::lock_guard lock(m_epochMutex);
  m_epoch = r->text(0, 0);
  return Status::ok();
}

Status PostgresStorage::createUser(const User& user) {
  PgParams params;
  params.text(user.name).text(roleCode(user.role)).text(user.displayName).text(user.passwordHash);
  Status s = withConnection([&](PgConnection& db) {
    return db
        .query(
            "INSERT INTO users (name, role, display_name, password_hash, created_at) "
            "VALUES ($1, $2, $3, $4, (extract(epoch FROM now()) * 1000)::bigint)",
            params)
        .status();
  });
  if (s.code() == StatusCode::kAlreadyExists)
    return Status::alreadyExists("用户已存在 / user already exists: " + user.name);
  return s;
}

Result<User> PostgresStorage::findUser(const std::string& name) {
  return withConnection([&](PgConnection& db) { return loadUser(db, name); });
}

Status PostgresStorage::addUserRegion(const std::string& name, const RegionPath& region) {
  return withConnection([&](PgConnection& db) -> Status {
    if (Result<User> user = loadUser(db, name); !user) return user.status();
    PgParams params;
    params.text(name).text(region.district).text(region.street).text(region.community);
    return db
        .query(
            "INSERT INTO user_regions (user_name, district, street, community) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            params)
        .status();
  });
}

Status PostgresStorage::saveToken(const TokenRow& token) {
  PgParams params;
  params.text(token.tokenHash).text(token.userName).text(token.deviceId);
  params.int64(token.createdAt).int64(token.expiresAt);
  return withConnection([&](PgConnection& db) {
    return db
        .query(
            "INSERT INTO tokens (token_hash, user_name, device_id, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4, $5)",
            params)
        .status();
  });
}

Result<User> PostgresStorage::findUserByToken(const std::string& tokenHash, TimestampMs now) {
  return withConnection([&](PgConnection& db) -> Result<User> {
    PgParams params;
    params.text(tokenHash);
    Result<PgResult> r =
        db.query("SELECT user_name, expires_at FROM tokens WHERE token_hash = $1", params);
    if (!r) return r.status();
    if (r->rows() == 0) return Status::unauthenticated("令牌无效 / invalid token");
    if (r->int64(0, 1) <= now) return Status::unauthenticated("令牌已过期 / token expired");
    return loadUser(db, r->text(0, 0));
  });
}

Result<std::unique_ptr<SyncTransaction>> PostgresStorage::beginTransaction() {
  for (int attempt = 0;; ++attempt) {
    Result<PgPool::Lease> lease = m_pool->acquire();
    if (!lease) return lease.status();
    Status begun = beginWriteTransaction(lease->connection());
    if (begun) return PostgresSyncTransaction::adopt(std::move(lease).value());
    const bool staleConnection = !lease->fresh() && !lease->connection().healthy();
    if (!staleConnection || attempt > 0) return begun;
  }
}

Result<PullPage> PostgresStorage::pullPage(std::int64_t afterSeq, const RegionFilter& filter,
                                           int limit) {
  const bool nothingVisible = !filter.unrestricted() && filter.grants().empty();
  // One statement, so MAX(seq) and the page come from one snapshot even under READ COMMITTED.
  // The LEFT JOIN keeps the MAX row when the page is empty.
  std::string sql =
      "SELECT m.max_seq, r.* FROM (SELECT COALESCE(MAX(seq), 0) AS max_seq FROM record_versions) m "
      "LEFT JOIN LATERAL (SELECT ";
  sql += kPgRecordColumns;
  sql += " FROM records WHERE seq > $1";
  PgParams params;
  params.int64(afterSeq).int64(nothingVisible ? 0 : static_cast<std::int64_t>(limit) + 1);
  if (!filter.unrestricted() && !nothingVisible) {
    // One OR-ed condition per grant; empty street/community in a grant means "any".
    sql += " AND (";
    int p = 3;
    for (std::size_t i = 0; i < filter.grants().size(); ++i, p += 3) {
      const RegionPath& g = filter.grants()[i];
      params.text(g.district).text(g.street).text(g.community);
      const std::string d = "$" + std::to_string(p), s = "$" + std::to_string(p + 1),
                        c = "$" + std::to_string(p + 2);
      if (i) sql += " OR ";
      sql += "(district = " + d + " AND (" + s + " = '' OR street = " + s + ") AND (" + c +
             " = '' OR community = " + c + "))";
    }
    sql += ")";
  }
  sql += " ORDER BY seq LIMIT $2) r ON true ORDER BY r.seq";

  Result<PgResult> result = withConnection([&](PgConnection& db) { return db.query(sql, params); });
  if (!result) return result.status();
  PullPage page;
  page.scannedThrough = std::max(afterSeq, result->int64(0, 0));
  for (int row = 0; row < result->rows(); ++row) {
    if (result->isNull(row, 10)) break;  // the empty side of the LEFT JOIN: no records
    if (static_cast<int>(page.records.size()) == limit) {
      page.hasMore = true;  // the one extra row we asked for
      page.scannedThrough = page.records.back().seq;
      break;
    }
    page.records.push_back(readPgRecordRow(*result, row, 1));
  }
  return page;
}

Result<std::int64_t> PostgresStorage::maxSequence() {
  Result<PgResult> r = withConnection([](PgConnection& db) {
    return db.query("SELECT COALESCE(MAX(seq), 0) FROM record_versions");
  });
  if (!r) return r.status();
  return r->int64(0, 0);
}

Result<std::optional<StoredRecord>> PostgresStorage::findRecord(const std::string& kind,
                                                                const Uuid& id) {
  return withConnection([&](PgConnection& db) { return selectPgRecord(db, kind, id); });
}

Result<std::vector<ConflictRow>> PostgresStorage::conflictsFor(const Uuid& recordId) {
  PgParams params;
  params.text(recordId);
  Result<PgResult> r = withConnection([&](PgConnection& db) {
    return db.query(
        "SELECT change_id, kind, record_id, base_version, incoming_version, server_version, "
        "payload, user_name, device_id, received_at FROM conflicts WHERE record_id = $1 "
        "ORDER BY id",
        params);
  });
  if (!r) return r.status();
  std::vector<ConflictRow> out;
  for (int i = 0; i < r->rows(); ++i) {
    ConflictRow c;
    c.changeId = r->text(i, 0);
    c.kind = r->text(i, 1);
    c.recordId = r->text(i, 2);
    c.baseVersion = static_cast<HlcVersion>(r->int64(i, 3));
    c.incomingVersion = static_cast<HlcVersion>(r->int64(i, 4));
    c.serverVersion = static_cast<HlcVersion>(r->int64(i, 5));
    c.payload = r->bytes(i, 6);
    c.userName = r->text(i, 7);
    c.deviceId = r->text(i, 8);
    c.receivedAt = r->int64(i, 9);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<StoredRecord>> PostgresStorage::recordsOfBuilding(const Uuid& buildingId) {
  PgParams params;
  params.text(buildingId);
  // COLLATE "C": the same kind order as SQLite whatever the database's locale.
  Result<PgResult> r = withConnection([&](PgConnection& db) {
    return db.query(std::string("SELECT ") + kPgRecordColumns +
                        " FROM records WHERE building_id = $1 AND kind <> 'building' "
                        "ORDER BY kind COLLATE \"C\", seq",
                    params);
  });
  if (!r) return r.status();
  std::vector<StoredRecord> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(readPgRecordRow(*r, i));
  return out;
}

Result<std::vector<AuditEntry>> PostgresStorage::auditLog(const RegionFilter& scope,
                                                          const Uuid& buildingId,
                                                          std::int64_t beforeId, int limit) {
  PgParams params;
  params.int64(beforeId).text(buildingId).int64(limit);
  for (const RegionPath& g : scope.unrestricted() ? std::vector<RegionPath>{} : scope.grants())
    params.text(g.district).text(g.street).text(g.community);
  const std::string sql =
      "SELECT id, at, user_name, action, target_kind, target_id, building_id, district, street, "
      "community, detail FROM audit_log WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR "
      "building_id = $2) AND " +
      regionCondition(scope, '$', 4) + " ORDER BY id DESC LIMIT $3";
  Result<PgResult> r = withConnection([&](PgConnection& db) { return db.query(sql, params); });
  if (!r) return r.status();
  std::vector<AuditEntry> out;
  for (int i = 0; i < r->rows(); ++i) {
    AuditEntry e;
    e.id = r->int64(i, 0);
    e.at = r->int64(i, 1);
    e.userName = r->text(i, 2);
    e.action = r->text(i, 3);
    e.targetKind = r->text(i, 4);
    e.targetId = r->text(i, 5);
    e.buildingId = r->text(i, 6);
    e.region = {r->text(i, 7), r->text(i, 8), r->text(i, 9)};
    e.detail = r->text(i, 10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<PhotoBlobState>> PostgresStorage::findPhotoBlob(const std::string& sha256) {
  PgParams params;
  params.text(sha256);
  Result<PgResult> r = withConnection([&](PgConnection& db) {
    return db.query("SELECT sha256, total_bytes, complete FROM photo_blobs WHERE sha256 = $1",
                    params);
  });
  if (!r) return r.status();
  if (r->rows() == 0) return std::optional<PhotoBlobState>();
  return std::optional<PhotoBlobState>(
      PhotoBlobState{r->text(0, 0), r->int64(0, 1), r->boolean(0, 2)});
}

Status PostgresStorage::putPhotoBlob(const PhotoBlobState& state) {
  PgParams params;
  params.text(state.sha256).int64(state.totalBytes).boolean(state.complete);
  return withConnection([&](PgConnection& db) {
    return db
        .query(
            "INSERT INTO photo_blobs (sha256, total_bytes, complete) VALUES ($1, $2, $3) "
            "ON CONFLICT (sha256) DO UPDATE SET total_bytes = excluded.total_bytes, "
            "complete = excluded.complete",
            params)
        .status();
  });
}

Status PostgresStorage::deletePhotoBlob(const std::string& sha256) {
  PgParams params;
  params.text(sha256);
  return withConnection([&](PgConnection& db) {
    return db.query("DELETE FROM photo_blobs WHERE sha256 = $1", params).status();
  });
}

Result<InspectionPhotos> PostgresStorage::inspectionPhotos(const Uuid& inspectionId) {
  return withConnection([&](PgConnection& db) -> Result<InspectionPhotos> {
    InspectionPhotos out;
    Result<std::optional<StoredRecord>> inspection = selectPgRecord(db, "inspection", inspectionId);
    if (!inspection) return inspection.status();
    out.inspectionExists = inspection->has_value();
    PgParams params;
    params.text(inspectionId);
    Result<PgResult> r = db.query(
        "SELECT r.id, r.sha256, COALESCE(b.complete, false) FROM records r "
        "LEFT JOIN photo_blobs b ON b.sha256 = r.sha256 "
        "WHERE r.kind = 'photo' AND r.inspection_id = $1 ORDER BY r.id COLLATE \"C\"",
        params);
    if (!r) return r.status();
    for (int i = 0; i < r->rows(); ++i)
      out.photos.push_back({r->text(i, 0), r->text(i, 1), r->boolean(i, 2)});
    return out;
  });
}

Result<RegisterPage> PostgresStorage::queryRegister(const RegisterFilter& filter,
                                                    const std::optional<RegisterKey>& after,
                                                    int limit) {
  return withConnection(
      [&](PgConnection& db) { return queryPgRegister(db, filter, after, limit); });
}

Result<RegisterSummary> PostgresStorage::countRegister(const RegisterFilter& filter) {
  return withConnection([&](PgConnection& db) { return countPgRegister(db, filter); });
}

Result<std::vector<StoredRecord>> PostgresStorage::houseRecords(const Uuid& buildingId) {
  return withConnection([&](PgConnection& db) { return selectPgHouseRecords(db, buildingId); });
}

}  // namespace anju::server
