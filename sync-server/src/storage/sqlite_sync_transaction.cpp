#include "storage/sqlite_sync_transaction.h"

#include "register/register_builder.h"
#include "storage/sqlite_register.h"
#include "storage/sqlite_rows.h"

namespace anju::server {

Result<std::unique_ptr<SyncTransaction>> SqliteSyncTransaction::begin(
    SqliteConnection& db, std::unique_lock<std::mutex> lock) {
  // IMMEDIATE takes the write lock now, so two writers never both read-then-write stale state.
  if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s;
  return std::unique_ptr<SyncTransaction>(new SqliteSyncTransaction(db, std::move(lock)));
}

SqliteSyncTransaction::~SqliteSyncTransaction() {
  if (m_open) (void)m_db.exec("ROLLBACK");
}

Result<std::optional<SeenChange>> SqliteSyncTransaction::findChange(const std::string& changeId) {
  Result<SqliteStatement> stmt = m_db.prepare(
      "SELECT change_id, kind, record_id, outcome, version, user_name, device_id, received_at "
      "FROM changes WHERE change_id = ?1");
  if (!stmt) return stmt.status();
  stmt->bind(1, changeId);
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return std::optional<SeenChange>();
  SeenChange c;
  c.changeId = stmt->text(0);
  c.kind = stmt->text(1);
  c.recordId = stmt->text(2);
  c.outcome = stmt->text(3) == "conflict" ? ChangeOutcome::kConflict : ChangeOutcome::kApplied;
  c.version = static_cast<HlcVersion>(stmt->int64(4));
  c.userName = stmt->text(5);
  c.deviceId = stmt->text(6);
  c.receivedAt = stmt->int64(7);
  return std::optional<SeenChange>(std::move(c));
}

Result<std::optional<StoredRecord>> SqliteSyncTransaction::findRecord(const std::string& kind,
                                                                      const Uuid& id) {
  return selectRecord(m_db, kind, id);
}

Result<std::int64_t> SqliteSyncTransaction::putRecord(const RecordWrite& write) {
  const StoredRecord& r = write.record;
  Result<SqliteStatement> history = m_db.prepare(
      "INSERT INTO record_versions (kind, record_id, version, change_id, source, written_at, "
      "payload) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7)");
  if (!history) return history.status();
  history->bind(1, r.kind).bind(2, r.id).bind(3, static_cast<std::int64_t>(r.version));
  history->bind(4, write.changeId).bind(5, write.source).bind(6, write.writtenAt);
  history->bindBlob(7, r.payload);
  if (Status s = history->run(); !s) return s;
  const std::int64_t seq = m_db.lastInsertRowId();

  Result<SqliteStatement> current = m_db.prepare(
      "INSERT INTO records (kind, id, district, street, community, building_id, inspection_id, "
      "sha256, version, seq, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (kind, id) DO UPDATE SET district = excluded.district, "
      "street = excluded.street, community = excluded.community, "
      "building_id = excluded.building_id, inspection_id = excluded.inspection_id, "
      "sha256 = excluded.sha256, version = excluded.version, seq = excluded.seq, "
      "payload = excluded.payload");
  if (!current) return current.status();
  current->bind(1, r.kind).bind(2, r.id).bind(3, r.region.district).bind(4, r.region.street);
  current->bind(5, r.region.community).bind(6, r.buildingId).bind(7, r.inspectionId);
  current->bind(8, r.sha256).bind(9, static_cast<std::int64_t>(r.version)).bind(10, seq);
  current->bindBlob(11, r.payload);
  if (Status s = current->run(); !s) return s;
  m_touchedHouses.insert(houseOf(r));
  return seq;
}

Status SqliteSyncTransaction::saveConflict(const ConflictRow& c) {
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO conflicts (change_id, kind, record_id, base_version, incoming_version, "
      "server_version, payload, user_name, device_id, received_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!stmt) return stmt.status();
  stmt->bind(1, c.changeId).bind(2, c.kind).bind(3, c.recordId);
  stmt->bind(4, static_cast<std::int64_t>(c.baseVersion));
  stmt->bind(5, static_cast<std::int64_t>(c.incomingVersion));
  stmt->bind(6, static_cast<std::int64_t>(c.serverVersion));
  stmt->bindBlob(7, c.payload).bind(8, c.userName).bind(9, c.deviceId).bind(10, c.receivedAt);
  return stmt->run();
}

Status SqliteSyncTransaction::rememberChange(const SeenChange& c) {
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO changes (change_id, kind, record_id, outcome, version, user_name, device_id, "
      "received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!stmt) return stmt.status();
  stmt->bind(1, c.changeId).bind(2, c.kind).bind(3, c.recordId);
  stmt->bind(4, c.outcome == ChangeOutcome::kConflict ? "conflict" : "applied");
  stmt->bind(5, static_cast<std::int64_t>(c.version)).bind(6, c.userName).bind(7, c.deviceId);
  stmt->bind(8, c.receivedAt);
  return stmt->run();
}

Status SqliteSyncTransaction::appendAudit(const AuditEntry& e) {
  Result<SqliteStatement> stmt = m_db.prepare(
      "INSERT INTO audit_log (at, user_name, action, target_kind, target_id, building_id, "
      "district, street, community, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!stmt) return stmt.status();
  stmt->bind(1, e.at).bind(2, e.userName).bind(3, e.action).bind(4, e.targetKind);
  stmt->bind(5, e.targetId).bind(6, e.buildingId).bind(7, e.region.district);
  stmt->bind(8, e.region.street).bind(9, e.region.community).bind(10, e.detail);
  return stmt->run();
}

Status SqliteSyncTransaction::commit() {
  if (!m_open) return Status::internal("transaction already finished");
  for (const Uuid& house : m_touchedHouses) {
    if (Status s = refreshSqliteRegister(m_db, house); !s) return s;  // destructor rolls back
  }
  m_touchedHouses.clear();
  Status s = m_db.exec("COMMIT");
  if (!s) return s;  // still open: the destructor rolls back
  m_open = false;
  return Status::ok();
}

}  // namespace anju::server
