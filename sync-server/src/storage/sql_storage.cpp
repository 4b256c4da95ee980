#include "storage/sql_storage.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>

#include "anju/message.h"
#include "anju/uuid.h"
#include "storage/region_sql.h"
#include "storage/sql_records.h"
#include "storage/sql_schema.h"
#include "storage/sql_sync_transaction.h"

namespace anju::server {
namespace {

constexpr const char* kAuditColumns =
    "id, at, user_name, action, target_kind, target_id, building_id, district, street, "
    "community, detail";

AuditEntry readAuditRow(const SqlRows& rows) {
  AuditEntry e;
  e.id = rows.int64(0);
  e.at = rows.int64(1);
  e.userName = rows.text(2);
  e.action = rows.text(3);
  e.targetKind = rows.text(4);
  e.targetId = rows.text(5);
  e.buildingId = rows.text(6);
  e.region = {rows.text(7), rows.text(8), rows.text(9)};
  e.detail = rows.text(10);
  return e;
}

/// "$<first>, $<first+1>, ..." for `count` parameters.
std::string placeholders(std::size_t count, std::size_t first = 1) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ", ";
    out += "$" + std::to_string(first + i);
  }
  return out;
}

constexpr std::size_t kMaxHousesPerQuery = 1000;

Status statusOf(const Status& s) { return s; }
template <typename T>
Status statusOf(const Result<T>& r) {
  return r.status();
}

void bindGrants(SqlParams& params, const RegionFilter& filter) {
  if (filter.unrestricted()) return;
  for (const RegionPath& g : filter.grants())
    params.text(g.district).text(g.street).text(g.community);
}

Result<std::string> readEpoch(SqlSession& session) {
  Result<std::optional<std::string>> epoch =
      firstRow(session, "SELECT value FROM meta WHERE key = 'epoch'", {},
               [](const SqlRows& rows) { return rows.text(0); });
  if (!epoch) return epoch.status();
  if (!*epoch) return Status::corruption(msg("storage.no_epoch"));
  return **epoch;
}

Result<User> loadUser(SqlSession& session, const std::string& name) {
  Result<std::optional<User>> user =
      firstRow(session, "SELECT name, role, display_name, password_hash FROM users WHERE name = $1",
               SqlParams().text(name), [](const SqlRows& rows) {
                 User u;
                 u.name = rows.text(0);
                 u.role = parseRole(rows.text(1)).value_or(Role::kInspector);
                 u.displayName = rows.text(2);
                 u.passwordHash = rows.text(3);
                 return u;
               });
  if (!user) return user.status();
  if (!*user) return Status::notFound(msg("storage.no_such_user", {{"name", name}}));
  // COLLATE "C": byte order on both engines, whatever the database's locale.
  Result<std::vector<RegionPath>> regions =
      collectRows(session,
                  "SELECT district, street, community FROM user_regions WHERE user_name = $1 "
                  "ORDER BY district COLLATE \"C\", street COLLATE \"C\", community COLLATE \"C\"",
                  SqlParams().text(name), [](const SqlRows& rows) {
                    return RegionPath{rows.text(0), rows.text(1), rows.text(2)};
                  });
  if (!regions) return regions.status();
  (*user)->regions = std::move(regions).value();
  return std::move(**user);
}

TimestampMs nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

template <typename Work>
auto SqlStorage::withSession(Work work, Access access)
    -> decltype(work(std::declval<SqlSession&>())) {
  std::optional<decltype(work(std::declval<SqlSession&>()))> out;
  const auto run = [&](SqlSession& session) {
    out.emplace(work(session));
    return statusOf(*out);
  };
  Status s = access == Access::kRead ? m_driver->withReadSession(run) : m_driver->withSession(run);
  if (!out) return s;  // no session could be had
  return std::move(*out);
}

Result<std::unique_ptr<SqlStorage>> SqlStorage::open(std::unique_ptr<SqlDriver> driver,
                                                     StorageHooks hooks) {
  std::unique_ptr<SqlStorage> storage(new SqlStorage(std::move(driver)));
  if (Status s = storage->start(std::move(hooks)); !s) return s;
  return storage;
}

Status SqlStorage::start(StorageHooks hooks) {
  m_hooks = std::move(hooks);
  if (Status s = migrateSchema(*m_driver, m_hooks.rebuildIndexes); !s) return s;
  Result<std::string> epoch = withSession([](SqlSession& s) { return readEpoch(s); });
  if (!epoch) return epoch.status();
  std::lock_guard lock(m_epochMutex);
  m_epoch = *epoch;
  return Status::ok();
}

std::string SqlStorage::epoch() {
  Result<std::string> epoch = withReadSession([](SqlSession& s) { return readEpoch(s); });
  std::lock_guard lock(m_epochMutex);
  if (epoch) m_epoch = *epoch;
  return m_epoch;
}

Status SqlStorage::rotateEpoch() {
  std::string fresh = newUuid();
  std::erase(fresh, '-');
  Status s = withSession([&](SqlSession& session) {
    return session.run("UPDATE meta SET value = $1 WHERE key = 'epoch'", SqlParams().text(fresh));
  });
  if (!s) return s;
  std::lock_guard lock(m_epochMutex);
  m_epoch = fresh;
  return Status::ok();
}

Status SqlStorage::createUser(const User& user) {
  Status s = withSession([&](SqlSession& session) {
    return session.run(
        "INSERT INTO users (name, role, display_name, password_hash, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        SqlParams()
            .text(user.name)
            .text(roleCode(user.role))
            .text(user.displayName)
            .text(user.passwordHash)
            .int64(nowMs()));
  });
  if (s.code() == StatusCode::kAlreadyExists)
    return Status::alreadyExists(msg("storage.user_exists", {{"name", user.name}}));
  return s;
}

Result<User> SqlStorage::findUser(const std::string& name) {
  return withReadSession([&](SqlSession& session) { return loadUser(session, name); });
}

Status SqlStorage::addUserRegion(const std::string& name, const RegionPath& region) {
  return withSession([&](SqlSession& session) -> Status {
    if (Result<User> user = loadUser(session, name); !user) return user.status();
    return session.run(
        "INSERT INTO user_regions (user_name, district, street, community) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        SqlParams().text(name).text(region.district).text(region.street).text(region.community));
  });
}

Status SqlStorage::saveToken(const TokenRow& token) {
  return withSession([&](SqlSession& session) {
    return session.run(
        "INSERT INTO tokens (token_hash, user_name, device_id, created_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        SqlParams()
            .text(token.tokenHash)
            .text(token.userName)
            .text(token.deviceId)
            .int64(token.createdAt)
            .int64(token.expiresAt));
  });
}

Result<User> SqlStorage::findUserByToken(const std::string& tokenHash, TimestampMs now,
                                         TokenUse use) {
  return withReadSession([&](SqlSession& session) -> Result<User> {
    struct Owner {
      std::string userName;
      TimestampMs expiresAt;
      TimestampMs revokedAt;
      bool finalPush;
    };
    Result<std::optional<Owner>> owner =
        firstRow(session,
                 "SELECT user_name, expires_at, revoked_at, final_push FROM tokens WHERE "
                 "token_hash = $1",
                 SqlParams().text(tokenHash), [](const SqlRows& rows) {
                   return Owner{rows.text(0), rows.int64(1), rows.int64(2), rows.int64(3) != 0};
                 });
    if (!owner) return owner.status();
    if (!*owner) return Status::unauthenticated(msg("auth.invalid_token"));
    // Revoked before expired: a lost tablet is told to wipe itself even after its token lapsed.
    // A lost (not stolen) tablet may still hand over what it holds, until its token would have
    // expired: its pull is refused, and that answer wipes it.
    const bool handingOver = use == TokenUse::kUpload && (*owner)->finalPush;
    if ((*owner)->revokedAt != 0 && !handingOver)
      return Status::unauthenticated(msg(std::string(kTokenRevokedId)));
    if ((*owner)->expiresAt <= now) return Status::unauthenticated(msg("auth.token_expired"));
    return loadUser(session, (*owner)->userName);
  });
}

Result<std::vector<DeviceTokens>> SqlStorage::deviceTokens(TimestampMs now) {
  return withReadSession([&](SqlSession& session) {
    return collectRows(session,
                       "SELECT user_name, device_id, MAX(created_at), "
                       "SUM(CASE WHEN revoked_at = 0 AND expires_at > $1 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN revoked_at <> 0 THEN 1 ELSE 0 END) "
                       "FROM tokens GROUP BY user_name, device_id ORDER BY user_name, device_id",
                       SqlParams().int64(now), [](const SqlRows& rows) {
                         return DeviceTokens{rows.text(0), rows.text(1), rows.int64(2),
                                             static_cast<int>(rows.int64(3)),
                                             static_cast<int>(rows.int64(4))};
                       });
  });
}

Result<std::unique_ptr<SyncTransaction>> SqlStorage::beginTransaction() {
  Result<std::unique_ptr<SqlTransaction>> tx = m_driver->beginWrite();
  if (!tx) return tx.status();
  return std::unique_ptr<SyncTransaction>(
      new SqlSyncTransaction(std::move(tx).value(), m_hooks.beforeCommit, m_hooks.recordWritten));
}

Result<PullPage> SqlStorage::pullPage(std::int64_t afterSeq, const RegionFilter& filter,
                                      int limit) {
  // One statement, so MAX(seq) and the page come from one snapshot on both engines. The LEFT
  // JOIN keeps the MAX row when the page is empty.
  const std::string sql =
      "SELECT m.max_seq, r.* FROM (SELECT COALESCE(MAX(seq), 0) AS max_seq FROM record_versions) m "
      "LEFT JOIN (SELECT " +
      std::string(kRecordColumns) + " FROM records WHERE seq > $1 AND " +
      regionCondition(filter, '$', 3) + " ORDER BY seq LIMIT $2) r ON true ORDER BY r.seq";
  SqlParams params;
  params.int64(afterSeq).int64(static_cast<std::int64_t>(limit) + 1);
  bindGrants(params, filter);
  return withReadSession([&](SqlSession& session) -> Result<PullPage> {
    Result<std::unique_ptr<SqlRows>> rows = session.query(sql, params);
    if (!rows) return rows.status();
    PullPage page;
    while (true) {
      Result<bool> row = (*rows)->next();
      if (!row) return row.status();
      if (!*row) break;
      page.scannedThrough = std::max(afterSeq, (*rows)->int64(0));
      if ((*rows)->isNull(10)) break;  // the empty side of the LEFT JOIN: no records
      if (static_cast<int>(page.records.size()) == limit) {
        page.hasMore = true;  // the one extra row we asked for
        page.scannedThrough = page.records.back().seq;
        break;
      }
      Result<StoredRecord> record = readRecordRow(**rows, 1);
      if (!record) return record.status();
      page.records.push_back(std::move(*record));
    }
    return page;
  });
}

Result<std::int64_t> SqlStorage::countAfter(std::int64_t afterSeq, const RegionFilter& filter) {
  // The same rows as pullPage's, counted along records_by_district_seq.
  const std::string sql =
      "SELECT count(*) FROM records WHERE seq > $1 AND " + regionCondition(filter, '$', 2);
  SqlParams params;
  params.int64(afterSeq);
  bindGrants(params, filter);
  // A read connection: on the writer's this count queued behind every group commit.
  return withReadSession([&](SqlSession& session) -> Result<std::int64_t> {
    Result<std::optional<std::int64_t>> count =
        firstRow(session, sql, params, [](const SqlRows& rows) { return rows.int64(0); });
    if (!count) return count.status();
    return count->value_or(0);
  });
}

Result<std::int64_t> SqlStorage::maxSequence() {
  return withReadSession([](SqlSession& session) -> Result<std::int64_t> {
    Result<std::optional<std::int64_t>> max =
        firstRow(session, "SELECT COALESCE(MAX(seq), 0) FROM record_versions", {},
                 [](const SqlRows& rows) { return rows.int64(0); });
    if (!max) return max.status();
    return max->value_or(0);
  });
}

Result<std::optional<StoredRecord>> SqlStorage::findRecord(RecordKind kind, const Uuid& id) {
  return withReadSession([&](SqlSession& session) { return selectRecord(session, kind, id); });
}

Result<std::vector<ConflictRow>> SqlStorage::conflictsFor(const Uuid& recordId) {
  return withReadSession([&](SqlSession& session) {
    return collectCheckedRows<ConflictRow>(
        session,
        "SELECT change_id, kind, record_id, base_version, incoming_version, server_version, "
        "payload, user_name, device_id, received_at FROM conflicts WHERE record_id = $1 "
        "ORDER BY id",
        SqlParams().text(recordId), [](const SqlRows& rows) -> Result<ConflictRow> {
          ConflictRow c;
          c.changeId = rows.text(0);
          Result<RecordKind> kind = kindColumn(rows, 1, c.changeId);
          if (!kind) return kind.status();
          c.kind = *kind;
          c.recordId = rows.text(2);
          c.baseVersion = static_cast<HlcVersion>(rows.int64(3));
          c.incomingVersion = static_cast<HlcVersion>(rows.int64(4));
          c.serverVersion = static_cast<HlcVersion>(rows.int64(5));
          c.payload = rows.bytes(6);
          c.userName = rows.text(7);
          c.deviceId = rows.text(8);
          c.receivedAt = rows.int64(9);
          return c;
        });
  });
}

Result<std::vector<StoredRecord>> SqlStorage::recordsOfBuilding(const Uuid& buildingId) {
  // COLLATE "C": the same kind order on both engines whatever the database's locale.
  return withReadSession([&](SqlSession& session) {
    // The kind is in the text, not bound, to match the partial index records_by_building.
    return collectRecords(session,
                          std::string("SELECT ") + kRecordColumns +
                              " FROM records WHERE building_id = $1 AND kind <> " +
                              kindLiteral(RecordKind::kBuilding) +
                              " ORDER BY kind COLLATE \"C\", seq",
                          SqlParams().text(buildingId));
  });
}

Result<std::vector<AuditEntry>> SqlStorage::auditLog(const RegionFilter& scope,
                                                     const Uuid& buildingId, std::int64_t beforeId,
                                                     int limit) {
  SqlParams params;
  params.int64(beforeId).text(buildingId).int64(limit);
  bindGrants(params, scope);
  const std::string sql = std::string("SELECT ") + kAuditColumns +
                          " FROM audit_log WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR "
                          "building_id = $2) AND " +
                          regionCondition(scope, '$', 4) + " ORDER BY id DESC LIMIT $3";
  return withReadSession(
      [&](SqlSession& session) { return collectRows(session, sql, params, readAuditRow); });
}

Result<std::optional<PhotoBlobState>> SqlStorage::findPhotoBlob(const std::string& sha256) {
  return withReadSession([&](SqlSession& session) {
    return firstRow(session,
                    "SELECT sha256, total_bytes, complete FROM photo_blobs WHERE sha256 = $1",
                    SqlParams().text(sha256), [](const SqlRows& rows) {
                      return PhotoBlobState{rows.text(0), rows.int64(1), rows.boolean(2)};
                    });
  });
}

Status SqlStorage::putPhotoBlob(const PhotoBlobState& state) {
  return withSession([&](SqlSession& session) {
    return session.run(
        "INSERT INTO photo_blobs (sha256, total_bytes, complete) VALUES ($1, $2, $3) "
        "ON CONFLICT (sha256) DO UPDATE SET total_bytes = excluded.total_bytes, "
        "complete = excluded.complete",
        SqlParams().text(state.sha256).int64(state.totalBytes).boolean(state.complete));
  });
}

Status SqlStorage::deletePhotoBlob(const std::string& sha256) {
  return withSession([&](SqlSession& session) {
    return session.run("DELETE FROM photo_blobs WHERE sha256 = $1", SqlParams().text(sha256));
  });
}

Result<InspectionPhotos> SqlStorage::inspectionPhotos(const Uuid& inspectionId) {
  return withReadSession([&](SqlSession& session) -> Result<InspectionPhotos> {
    InspectionPhotos out;
    Result<std::optional<StoredRecord>> inspection =
        selectRecord(session, RecordKind::kInspection, inspectionId);
    if (!inspection) return inspection.status();
    out.inspectionExists = inspection->has_value();
    Result<std::vector<InspectionPhotos::Photo>> photos =
        // The kind is in the text, not bound, to match the partial index records_by_inspection.
        collectRows(session,
                    "SELECT r.id, r.sha256, COALESCE(b.complete, false) FROM records r "
                    "LEFT JOIN photo_blobs b ON b.sha256 = r.sha256 WHERE r.kind = " +
                        kindLiteral(RecordKind::kPhoto) +
                        " AND r.inspection_id = $1 ORDER BY r.id COLLATE \"C\"",
                    SqlParams().text(inspectionId), [](const SqlRows& rows) {
                      return InspectionPhotos::Photo{rows.text(0), rows.text(1), rows.boolean(2)};
                    });
    if (!photos) return photos.status();
    out.photos = std::move(photos).value();
    return out;
  });
}

Result<std::vector<StoredRecord>> SqlStorage::houseRecords(const Uuid& buildingId) {
  return withReadSession(
      [&](SqlSession& session) { return selectHouseRecords(session, buildingId); });
}

Result<std::vector<Assignment>> SqlStorage::assignments(const RegionFilter& scope,
                                                        const std::string& inspector,
                                                        const RegionPath& community) {
  SqlParams params;
  params.text(inspector).text(community.district).text(community.street).text(community.community);
  bindGrants(params, scope);
  const std::string sql =
      "SELECT a.building_id, a.inspector, a.due_date, a.assigned_by, a.assigned_at, r.district, "
      "r.street, r.community FROM assignments a JOIN records r ON r.kind = " +
      kindLiteral(RecordKind::kBuilding) + " AND r.id = a.building_id WHERE " +
      // Shaped by what is asked, so a tablet's "mine" walks assignments_by_inspector instead of
      // every assignment (each parameter still named: see regionCondition).
      std::string(inspector.empty() ? "$1 = ''" : "a.inspector = $1") +
      " AND ($2 = '' OR (r.district = $2 AND ($3 = '' OR r.street = $3) AND ($4 = '' OR "
      "r.community = $4))) AND " +
      regionCondition(scope, '$', 5, "r") +
      " ORDER BY a.due_date COLLATE \"C\", a.building_id COLLATE \"C\"";
  // A read connection: every tablet's last pull page asks for its assignments, and on the
  // writer's connection each one queued behind the group commit of concurrent pushes.
  return withReadSession([&](SqlSession& session) {
    return collectRows(session, sql, params, [](const SqlRows& rows) {
      Assignment a;
      a.buildingId = rows.text(0);
      a.inspector = rows.text(1);
      a.dueDate = rows.text(2);
      a.assignedBy = rows.text(3);
      a.assignedAt = rows.int64(4);
      a.region = {rows.text(5), rows.text(6), rows.text(7)};
      return a;
    });
  });
}

Result<std::vector<Uuid>> SqlStorage::buildingsIn(const RegionPath& region) {
  const std::string sql =
      "SELECT id FROM records WHERE kind = " + kindLiteral(RecordKind::kBuilding) +
      " AND district = $1 AND ($2 = '' OR street = $2) AND ($3 = '' OR community = $3) "
      "ORDER BY id COLLATE \"C\"";
  return withReadSession([&](SqlSession& session) {
    return collectRows(session, sql,
                       SqlParams().text(region.district).text(region.street).text(region.community),
                       [](const SqlRows& rows) { return rows.text(0); });
  });
}

Result<std::vector<User>> SqlStorage::usersWithRole(Role role) {
  return withReadSession([&](SqlSession& session) -> Result<std::vector<User>> {
    Result<std::vector<std::string>> names = collectRows(
        session, "SELECT name FROM users WHERE role = $1 ORDER BY name COLLATE \"C\"",
        SqlParams().text(roleCode(role)), [](const SqlRows& rows) { return rows.text(0); });
    if (!names) return names.status();
    std::vector<User> out;
    for (const std::string& name : *names) {
      Result<User> user = loadUser(session, name);
      if (!user) return user.status();
      user->passwordHash.clear();
      out.push_back(std::move(user).value());
    }
    return out;
  });
}

Result<std::vector<StoredRecord>> SqlStorage::housesFacts(
    const std::vector<Uuid>& buildingIds, const std::vector<Uuid>& shownInspections) {
  if (buildingIds.empty()) return std::vector<StoredRecord>();
  if (buildingIds.size() > kMaxHousesPerQuery || shownInspections.size() > kMaxHousesPerQuery)
    return Status::invalidArgument(msg("storage.too_many_houses_per_query"));
  const std::string inspection = kindLiteral(RecordKind::kInspection);
  const std::string rectification = kindLiteral(RecordKind::kRectification);
  return withReadSession([&](SqlSession& session) -> Result<std::vector<StoredRecord>> {
    // Which records, from register_facts (kept by every write) through its covering index
    // register_facts_by_building: the houses' approved inspections (the hazard ledger's is the
    // latest of them) and their rectifications. Never the drafts, photos or visits. (Asking
    // records for "building_id IN (…) AND kind IN (…)" made SQLite walk every inspection and
    // rectification of the district through the primary key's kind prefix, for every page.)
    SqlParams houses;
    for (const Uuid& id : buildingIds) houses.text(id);
    Result<std::vector<std::pair<std::string, Uuid>>> refs = collectRows(
        session,
        "SELECT kind, id FROM register_facts WHERE building_id IN (" +
            placeholders(buildingIds.size()) + ") AND kind IN (" + inspection + ", " +
            rectification + ") AND (kind <> " + inspection + " OR result = 2)",
        houses, [](const SqlRows& rows) { return std::pair(rows.text(0), rows.text(1)); });
    if (!refs) return refs.status();
    std::vector<Uuid> inspections = shownInspections;
    std::vector<Uuid> rectifications;
    for (auto& [kind, id] : *refs)
      (kind == recordKindCode(RecordKind::kInspection) ? inspections : rectifications)
          .push_back(std::move(id));
    std::sort(inspections.begin(), inspections.end());
    inspections.erase(std::unique(inspections.begin(), inspections.end()), inspections.end());
    // Then the records themselves by primary key (kind, id), a thousand ids per query.
    std::vector<StoredRecord> out;
    const std::pair<RecordKind, const std::vector<Uuid>*> wanted[] = {
        {RecordKind::kBuilding, &buildingIds},
        {RecordKind::kInspection, &inspections},
        {RecordKind::kRectification, &rectifications}};
    for (const auto& [kind, ids] : wanted)
      for (std::size_t first = 0; first < ids->size(); first += kMaxHousesPerQuery) {
        const std::size_t count = std::min(kMaxHousesPerQuery, ids->size() - first);
        SqlParams params;
        for (std::size_t i = first; i < first + count; ++i) params.text((*ids)[i]);
        Result<std::vector<StoredRecord>> found =
            collectRecords(session,
                           std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = " +
                               kindLiteral(kind) + " AND id IN (" + placeholders(count) + ")",
                           params);
        if (!found) return found.status();
        std::move(found->begin(), found->end(), std::back_inserter(out));
      }
    return out;
  });
}

Result<std::vector<AuditEntry>> SqlStorage::auditOfHouses(const std::vector<Uuid>& buildingIds,
                                                          const std::vector<std::string>& actions) {
  if (buildingIds.empty() || actions.empty()) return std::vector<AuditEntry>();
  if (buildingIds.size() > kMaxHousesPerQuery)
    return Status::invalidArgument(msg("storage.too_many_houses_per_query"));
  SqlParams params;
  for (const Uuid& id : buildingIds) params.text(id);
  for (const std::string& a : actions) params.text(a);
  // Ordered as audit_by_building (building_id, id) is, so the planner looks up each house in
  // it; "ORDER BY id" alone made it walk the whole log in id order for every page of houses.
  const std::string sql =
      std::string("SELECT ") + kAuditColumns + " FROM audit_log WHERE building_id IN (" +
      placeholders(buildingIds.size()) + ") AND action IN (" +
      placeholders(actions.size(), buildingIds.size() + 1) + ") ORDER BY building_id, id";
  return withReadSession(
      [&](SqlSession& session) { return collectRows(session, sql, params, readAuditRow); });
}

Result<std::map<std::string, std::string>> SqlStorage::displayNames() {
  return withReadSession([&](SqlSession& session) -> Result<std::map<std::string, std::string>> {
    Result<std::vector<std::pair<std::string, std::string>>> rows =
        collectRows(session, "SELECT name, display_name FROM users", {},
                    [](const SqlRows& r) { return std::pair(r.text(0), r.text(1)); });
    if (!rows) return rows.status();
    return std::map<std::string, std::string>(rows->begin(), rows->end());
  });
}

}  // namespace anju::server
