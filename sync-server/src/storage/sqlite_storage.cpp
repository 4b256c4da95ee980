#include "storage/sqlite_storage.h"

#include <algorithm>

#include "storage/region_sql.h"
#include "storage/sqlite_register.h"
#include "storage/sqlite_rows.h"
#include "storage/sqlite_schema.h"
#include "storage/sqlite_sync_transaction.h"

namespace anju::server {
namespace {

Result<std::string> readEpoch(SqliteConnection& db) {
  Result<SqliteStatement> stmt = db.prepare("SELECT value FROM meta WHERE key = 'epoch'");
  if (!stmt) return stmt.status();
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return Status::corruption("数据库缺少 epoch / database has no epoch");
  return stmt->text(0);
}

}  // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::string& path) {
  Result<SqliteConnection> db = SqliteConnection::open(path);
  if (!db) return db.status();
  if (Status s = migrateSqliteSchema(*db); !s) return s;
  Result<std::string> epoch = readEpoch(*db);
  if (!epoch) return epoch.status();
  std::unique_ptr<SqliteStorage> storage(new SqliteStorage(std::move(db).value()));
  storage->m_epoch = *epoch;
  return storage;
}

std::string SqliteStorage::epoch() {
  std::lock_guard lock(m_mutex);
  return m_epoch;
}

Status SqliteStorage::rotateEpoch() {
  std::lock_guard lock(m_mutex);
  if (Status s = m_db.exec("UPDATE meta SET value = lower(hex(randomblob(16))) "
                           "WHERE key = 'epoch'");
      !s)
    return s;
  Result<std::string> epoch = readEpoch(m_db);
  if (!epoch) return epoch.status();
  m_epoch = *epoch;
  return Status::ok();
}

Status SqliteStorage::createUser(const User& user) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO users (name, role, display_name, password_hash, created_at) "
      "VALUES (?1, ?2, ?3, ?4, CAST(strftime('%s','now') AS INTEGER) * 1000)");
  if (!stmt) return stmt.status();
  stmt->bind(1, user.name).bind(2, roleCode(user.role)).bind(3, user.displayName);
  stmt->bind(4, user.passwordHash);
  Status s = stmt->run();
  if (s.code() == StatusCode::kAlreadyExists)
    return Status::alreadyExists("用户已存在 / user already exists: " + user.name);
  return s;
}

Result<User> SqliteStorage::loadUserLocked(const std::string& name) {
  Result<SqliteStatement> stmt =
      m_db.prepare("SELECT name, role, display_name, password_hash FROM users WHERE name = ?1");
  if (!stmt) return stmt.status();
  stmt->bind(1, name);
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return Status::notFound("没有此用户 / no such user: " + name);
  User user;
  user.name = stmt->text(0);
  user.role = parseRole(stmt->text(1)).value_or(Role::kInspector);
  user.displayName = stmt->text(2);
  user.passwordHash = stmt->text(3);

  Result<SqliteStatement> regions = m_db.prepare(
      "SELECT district, street, community FROM user_regions WHERE user_name = ?1 "
      "ORDER BY district, street, community");
  if (!regions) return regions.status();
  regions->bind(1, name);
  while (true) {
    Result<bool> r = regions->step();
    if (!r) return r.status();
    if (!*r) break;
    user.regions.push_back({regions->text(0), regions->text(1), regions->text(2)});
  }
  return user;
}

Result<User> SqliteStorage::findUser(const std::string& name) {
  std::lock_guard lock(m_mutex);
  return loadUserLocked(name);
}

Status SqliteStorage::addUserRegion(const std::string& name, const RegionPath& region) {
  std::lock_guard lock(m_mutex);
  if (Result<User> user = loadUserLocked(name); !user) return user.status();
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT OR IGNORE INTO user_regions (user_name, district, street, community) "
      "VALUES (?1, ?2, ?3, ?4)");
  if (!stmt) return stmt.status();
  stmt->bind(1, name).bind(2, region.district).bind(3, region.street).bind(4, region.community);
  return stmt->run();
}

Status SqliteStorage::saveToken(const TokenRow& token) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO tokens (token_hash, user_name, device_id, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!stmt) return stmt.status();
  stmt->bind(1, token.tokenHash).bind(2, token.userName).bind(3, token.deviceId);
  stmt->bind(4, token.createdAt).bind(5, token.expiresAt);
  return stmt->run();
}

Result<User> SqliteStorage::findUserByToken(const std::string& tokenHash, TimestampMs now) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt =
      m_db.prepare("SELECT user_name, expires_at FROM tokens WHERE token_hash = ?1");
  if (!stmt) return stmt.status();
  stmt->bind(1, tokenHash);
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return Status::unauthenticated("令牌无效 / invalid token");
  if (stmt->int64(1) <= now) return Status::unauthenticated("令牌已过期 / token expired");
  return loadUserLocked(stmt->text(0));
}

Result<std::unique_ptr<SyncTransaction>> SqliteStorage::beginTransaction() {
  return SqliteSyncTransaction::begin(m_db, std::unique_lock(m_mutex));
}

Result<PullPage> SqliteStorage::pullPage(std::int64_t afterSeq, const RegionFilter& filter,
                                         int limit) {
  std::lock_guard lock(m_mutex);
  PullPage page;
  // A read transaction pins one snapshot for MAX(seq) and the page (the CLI may write meanwhile).
  if (Status s = m_db.exec("BEGIN"); !s) return s;
  struct EndRead {
    SqliteConnection& db;
    ~EndRead() { (void)db.exec("COMMIT"); }
  } endRead{m_db};
  Result<SqliteStatement> maxStmt =
      m_db.prepare("SELECT COALESCE(MAX(seq), 0) FROM record_versions");
  if (!maxStmt) return maxStmt.status();
  if (Result<bool> row = maxStmt->step(); !row) return row.status();
  const std::int64_t maxSeq = maxStmt->int64(0);
  page.scannedThrough = std::max(afterSeq, maxSeq);
  if (!filter.unrestricted() && filter.grants().empty()) return page;
  // One OR-ed condition per grant; empty street/community in a grant means "any".
  std::string sql = std::string("SELECT ") + kRecordColumns + " FROM records WHERE seq > ?1";
  int param = 3;
  if (!filter.unrestricted()) {
    sql += " AND (";
    for (std::size_t i = 0; i < filter.grants().size(); ++i) {
      if (i) sql += " OR ";
      sql += "(district = ?" + std::to_string(param) + " AND (?" + std::to_string(param + 1) +
             " = '' OR street = ?" + std::to_string(param + 1) + ") AND (?" +
             std::to_string(param + 2) + " = '' OR community = ?" + std::to_string(param + 2) +
             "))";
      param += 3;
    }
    sql += ")";
  }
  sql += " ORDER BY seq LIMIT ?2";
  Result<SqliteStatement> stmt = m_db.prepare(sql);
  if (!stmt) return stmt.status();
  stmt->bind(1, afterSeq).bind(2, static_cast<std::int64_t>(limit) + 1);
  param = 3;
  for (const RegionPath& g : filter.unrestricted() ? std::vector<RegionPath>{} : filter.grants()) {
    stmt->bind(param, g.district).bind(param + 1, g.street).bind(param + 2, g.community);
    param += 3;
  }
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    if (static_cast<int>(page.records.size()) == limit) {
      page.hasMore = true;  // the one extra row we asked for
      page.scannedThrough = page.records.back().seq;
      break;
    }
    page.records.push_back(readRecordRow(*stmt));
  }
  return page;
}

Result<std::int64_t> SqliteStorage::maxSequence() {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare("SELECT COALESCE(MAX(seq), 0) FROM record_versions");
  if (!stmt) return stmt.status();
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  return stmt->int64(0);
}

Result<std::optional<StoredRecord>> SqliteStorage::findRecord(const std::string& kind,
                                                              const Uuid& id) {
  std::lock_guard lock(m_mutex);
  return selectRecord(m_db, kind, id);
}

Result<std::vector<ConflictRow>> SqliteStorage::conflictsFor(const Uuid& recordId) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare(
      "SELECT change_id, kind, record_id, base_version, incoming_version, server_version, "
      "payload, user_name, device_id, received_at FROM conflicts WHERE record_id = ?1 ORDER BY id");
  if (!stmt) return stmt.status();
  stmt->bind(1, recordId);
  std::vector<ConflictRow> out;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    ConflictRow c;
    c.changeId = stmt->text(0);
    c.kind = stmt->text(1);
    c.recordId = stmt->text(2);
    c.baseVersion = static_cast<HlcVersion>(stmt->int64(3));
    c.incomingVersion = static_cast<HlcVersion>(stmt->int64(4));
    c.serverVersion = static_cast<HlcVersion>(stmt->int64(5));
    c.payload = stmt->blob(6);
    c.userName = stmt->text(7);
    c.deviceId = stmt->text(8);
    c.receivedAt = stmt->int64(9);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<StoredRecord>> SqliteStorage::recordsOfBuilding(const Uuid& buildingId) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare(
      std::string("SELECT ") + kRecordColumns +
      " FROM records WHERE building_id = ?1 AND kind <> 'building' ORDER BY kind, seq");
  if (!stmt) return stmt.status();
  stmt->bind(1, buildingId);
  std::vector<StoredRecord> out;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    out.push_back(readRecordRow(*stmt));
  }
  return out;
}

Result<std::vector<AuditEntry>> SqliteStorage::auditLog(const RegionFilter& scope,
                                                        const Uuid& buildingId,
                                                        std::int64_t beforeId, int limit) {
  std::lock_guard lock(m_mutex);
  std::string sql =
      "SELECT id, at, user_name, action, target_kind, target_id, building_id, district, street, "
      "community, detail FROM audit_log WHERE (?1 = 0 OR id < ?1) AND (?2 = '' OR "
      "building_id = ?2) AND " +
      regionCondition(scope, '?', 4) + " ORDER BY id DESC LIMIT ?3";
  Result<SqliteStatement> stmt = m_db.prepare(sql);
  if (!stmt) return stmt.status();
  stmt->bind(1, beforeId).bind(2, buildingId).bind(3, static_cast<std::int64_t>(limit));
  int param = 4;
  for (const RegionPath& g : scope.unrestricted() ? std::vector<RegionPath>{} : scope.grants()) {
    stmt->bind(param, g.district).bind(param + 1, g.street).bind(param + 2, g.community);
    param += 3;
  }
  std::vector<AuditEntry> out;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    AuditEntry e;
    e.id = stmt->int64(0);
    e.at = stmt->int64(1);
    e.userName = stmt->text(2);
    e.action = stmt->text(3);
    e.targetKind = stmt->text(4);
    e.targetId = stmt->text(5);
    e.buildingId = stmt->text(6);
    e.region = {stmt->text(7), stmt->text(8), stmt->text(9)};
    e.detail = stmt->text(10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<PhotoBlobState>> SqliteStorage::findPhotoBlob(const std::string& sha256) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt =
      m_db.prepare("SELECT sha256, total_bytes, complete FROM photo_blobs WHERE sha256 = ?1");
  if (!stmt) return stmt.status();
  stmt->bind(1, sha256);
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return std::optional<PhotoBlobState>();
  return std::optional<PhotoBlobState>(
      PhotoBlobState{stmt->text(0), stmt->int64(1), stmt->int64(2) != 0});
}

Status SqliteStorage::putPhotoBlob(const PhotoBlobState& state) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO photo_blobs (sha256, total_bytes, complete) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (sha256) DO UPDATE SET total_bytes = excluded.total_bytes, "
      "complete = excluded.complete");
  if (!stmt) return stmt.status();
  stmt->bind(1, state.sha256).bind(2, state.totalBytes).bind(3, std::int64_t{state.complete});
  return stmt->run();
}

Status SqliteStorage::deletePhotoBlob(const std::string& sha256) {
  std::lock_guard lock(m_mutex);
  Result<SqliteStatement> stmt = m_db.prepare("DELETE FROM photo_blobs WHERE sha256 = ?1");
  if (!stmt) return stmt.status();
  stmt->bind(1, sha256);
  return stmt->run();
}

Result<InspectionPhotos> SqliteStorage::inspectionPhotos(const Uuid& inspectionId) {
  std::lock_guard lock(m_mutex);
  InspectionPhotos out;
  Result<std::optional<StoredRecord>> inspection = selectRecord(m_db, "inspection", inspectionId);
  if (!inspection) return inspection.status();
  out.inspectionExists = inspection->has_value();
  Result<SqliteStatement> stmt = m_db.prepare(
      "SELECT r.id, r.sha256, COALESCE(b.complete, 0) FROM records r "
      "LEFT JOIN photo_blobs b ON b.sha256 = r.sha256 "
      "WHERE r.kind = 'photo' AND r.inspection_id = ?1 ORDER BY r.id");
  if (!stmt) return stmt.status();
  stmt->bind(1, inspectionId);
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    out.photos.push_back({stmt->text(0), stmt->text(1), stmt->int64(2) != 0});
  }
  return out;
}

Result<RegisterPage> SqliteStorage::queryRegister(const RegisterFilter& filter,
                                                  const std::optional<RegisterKey>& after,
                                                  int limit) {
  std::lock_guard lock(m_mutex);
  return querySqliteRegister(m_db, filter, after, limit);
}

Result<RegisterSummary> SqliteStorage::countRegister(const RegisterFilter& filter) {
  std::lock_guard lock(m_mutex);
  return countSqliteRegister(m_db, filter);
}

Result<std::vector<StoredRecord>> SqliteStorage::houseRecords(const Uuid& buildingId) {
  std::lock_guard lock(m_mutex);
  return selectSqliteHouseRecords(m_db, buildingId);
}

}  // namespace anju::server
