#include "storage/sql_sync_transaction.h"

#include "storage/sql_records.h"

namespace anju::server {

Result<std::optional<SeenChange>> SqlSyncTransaction::findChange(const std::string& changeId) {
  Result<std::vector<SeenChange>> found = collectCheckedRows<SeenChange>(
      session(),
      "SELECT change_id, kind, record_id, outcome, version, user_name, device_id, received_at "
      "FROM changes WHERE change_id = $1",
      SqlParams().text(changeId), [](const SqlRows& rows) -> Result<SeenChange> {
        SeenChange c;
        c.changeId = rows.text(0);
        Result<RecordKind> kind = kindColumn(rows, 1, c.changeId);
        if (!kind) return kind.status();
        c.kind = *kind;
        c.recordId = rows.text(2);
        c.outcome = rows.text(3) == "conflict" ? ChangeOutcome::kConflict : ChangeOutcome::kApplied;
        c.version = static_cast<HlcVersion>(rows.int64(4));
        c.userName = rows.text(5);
        c.deviceId = rows.text(6);
        c.receivedAt = rows.int64(7);
        return c;
      });
  if (!found) return found.status();
  if (found->empty()) return std::optional<SeenChange>();
  return std::optional<SeenChange>(std::move(found->front()));
}

Result<std::optional<StoredRecord>> SqlSyncTransaction::findRecord(RecordKind kind,
                                                                   const Uuid& id) {
  return selectRecord(session(), kind, id);
}

Result<std::int64_t> SqlSyncTransaction::putRecord(const RecordWrite& write) {
  const StoredRecord& r = write.record;
  // The history row first: its seq is the record's new position in pull order.
  Result<std::int64_t> seq = session().returningInt64(
      "INSERT INTO record_versions (kind, record_id, version, change_id, source, written_at, "
      "payload) VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7) RETURNING seq",
      SqlParams()
          .text(recordKindCode(r.kind))
          .text(r.id)
          .int64(static_cast<std::int64_t>(r.version))
          .text(write.changeId)
          .text(write.source)
          .int64(write.writtenAt)
          .bytes(r.payload));
  if (!seq) return seq.status();
  Status current = session().run(
      "INSERT INTO records (kind, id, district, street, community, building_id, inspection_id, "
      "sha256, version, seq, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT (kind, id) DO UPDATE SET district = excluded.district, "
      "street = excluded.street, community = excluded.community, "
      "building_id = excluded.building_id, inspection_id = excluded.inspection_id, "
      "sha256 = excluded.sha256, version = excluded.version, seq = excluded.seq, "
      "payload = excluded.payload",
      SqlParams()
          .text(recordKindCode(r.kind))
          .text(r.id)
          .text(r.region.district)
          .text(r.region.street)
          .text(r.region.community)
          .text(r.buildingId)
          .text(r.inspectionId)
          .text(r.sha256)
          .int64(static_cast<std::int64_t>(r.version))
          .int64(*seq)
          .bytes(r.payload));
  if (!current) return current;
  // The house a record belongs to: a building is its own.
  m_touchedHouses.insert(r.kind == RecordKind::kBuilding ? r.id : r.buildingId);
  return *seq;
}

Status SqlSyncTransaction::saveConflict(const ConflictRow& c) {
  return session().run(
      "INSERT INTO conflicts (change_id, kind, record_id, base_version, incoming_version, "
      "server_version, payload, user_name, device_id, received_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      SqlParams()
          .text(c.changeId)
          .text(recordKindCode(c.kind))
          .text(c.recordId)
          .int64(static_cast<std::int64_t>(c.baseVersion))
          .int64(static_cast<std::int64_t>(c.incomingVersion))
          .int64(static_cast<std::int64_t>(c.serverVersion))
          .bytes(c.payload)
          .text(c.userName)
          .text(c.deviceId)
          .int64(c.receivedAt));
}

Status SqlSyncTransaction::rememberChange(const SeenChange& c) {
  return session().run(
      "INSERT INTO changes (change_id, kind, record_id, outcome, version, user_name, device_id, "
      "received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      SqlParams()
          .text(c.changeId)
          .text(recordKindCode(c.kind))
          .text(c.recordId)
          .text(c.outcome == ChangeOutcome::kConflict ? "conflict" : "applied")
          .int64(static_cast<std::int64_t>(c.version))
          .text(c.userName)
          .text(c.deviceId)
          .int64(c.receivedAt));
}

Status SqlSyncTransaction::appendAudit(const AuditEntry& e) {
  return session().run(
      "INSERT INTO audit_log (at, user_name, action, target_kind, target_id, building_id, "
      "district, street, community, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      SqlParams()
          .int64(e.at)
          .text(e.userName)
          .text(e.action)
          .text(e.targetKind)
          .text(e.targetId)
          .text(e.buildingId)
          .text(e.region.district)
          .text(e.region.street)
          .text(e.region.community)
          .text(e.detail));
}

Status SqlSyncTransaction::commit() {
  if (m_beforeCommit && !m_touchedHouses.empty()) {
    if (Status s = m_beforeCommit(session(), m_touchedHouses); !s) return s;  // rolls back
  }
  m_touchedHouses.clear();
  return m_tx->commit();
}

}  // namespace anju::server
