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

Result<std::vector<StoredRecord>> SqlSyncTransaction::houseRecords(const Uuid& buildingId) {
  return selectHouseRecords(session(), buildingId);
}

Result<std::int64_t> SqlSyncTransaction::appendVersion(const StoredRecord& r,
                                                       const std::string& changeId,
                                                       const std::string& source,
                                                       TimestampMs writtenAt) {
  // An empty change id (a record moved with its house, not pushed) is stored as NULL.
  return session().returningInt64(
      "INSERT INTO record_versions (kind, record_id, version, change_id, source, written_at, "
      "payload) VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7) RETURNING seq",
      SqlParams()
          .text(recordKindCode(r.kind))
          .text(r.id)
          .int64(static_cast<std::int64_t>(r.version))
          .text(changeId)
          .text(source)
          .int64(writtenAt)
          .bytes(r.payload));
}

Result<std::int64_t> SqlSyncTransaction::putRecord(const RecordWrite& write) {
  const StoredRecord& r = write.record;
  // The history row first: its seq is the record's new position in pull order.
  Result<std::int64_t> seq = appendVersion(r, write.changeId, write.source, write.writtenAt);
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
  if (m_recordWritten) {
    if (Status s = m_recordWritten(session(), r); !s) return s;
  }
  if (r.kind == RecordKind::kBuilding) {
    if (Status moved = moveHouseRecords(write); !moved) return moved;
  }
  // The house a record belongs to: a building is its own.
  m_touchedHouses.insert(r.kind == RecordKind::kBuilding ? r.id : r.buildingId);
  return *seq;
}

Status SqlSyncTransaction::moveHouseRecords(const RecordWrite& building) {
  const StoredRecord& b = building.record;
  // Usually none: only a building that changed its district, street or community leaves its
  // records behind in the old region.
  // The kind is named in the text so the planner uses records_by_building (a partial index).
  Result<std::vector<StoredRecord>> behind = collectRecords(
      session(),
      std::string("SELECT ") + kRecordColumns +
          " FROM records WHERE building_id = $1 AND kind <> " + kindLiteral(RecordKind::kBuilding) +
          " AND (district <> $2 OR street <> $3 OR community <> $4) ORDER BY seq",
      SqlParams()
          .text(b.id)
          .text(b.region.district)
          .text(b.region.street)
          .text(b.region.community));
  if (!behind) return behind.status();
  if (behind->empty()) return Status::ok();
  for (const StoredRecord& r : *behind) {
    // Same version and payload under a new seq: pullers of the new region receive the record
    // after its building, and every region-scoped read sees it where its house now is.
    Result<std::int64_t> seq =
        appendVersion(r, /*changeId=*/"", "moved:" + building.source, building.writtenAt);
    if (!seq) return seq.status();
    Status moved = session().run(
        "UPDATE records SET district = $1, street = $2, community = $3, seq = $4 "
        "WHERE kind = $5 AND id = $6",
        SqlParams()
            .text(b.region.district)
            .text(b.region.street)
            .text(b.region.community)
            .int64(*seq)
            .text(recordKindCode(r.kind))
            .text(r.id));
    if (!moved) return moved;
  }
  // The house's console history goes with it: the log view is scoped like the records.
  return session().run(
      "UPDATE audit_log SET district = $1, street = $2, community = $3 WHERE building_id = $4",
      SqlParams()
          .text(b.region.district)
          .text(b.region.street)
          .text(b.region.community)
          .text(b.id));
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

Result<std::int64_t> SqlSyncTransaction::revokeTokens(const std::string& userName,
                                                      const std::string& deviceId, TimestampMs at,
                                                      bool finalPush) {
  const std::string where =
      " FROM tokens WHERE revoked_at = 0 AND ($1 = '' OR user_name = $1) AND "
      "($2 = '' OR device_id = $2)";
  const SqlParams params = SqlParams().text(userName).text(deviceId);
  Result<std::optional<std::int64_t>> count =
      firstRow(session(), "SELECT COUNT(*)" + where, params,
               [](const SqlRows& rows) { return rows.int64(0); });
  if (!count) return count.status();
  Status s = session().run(
      "UPDATE tokens SET revoked_at = $3, final_push = $4 WHERE revoked_at = 0 AND ($1 = '' OR "
      "user_name = $1) AND ($2 = '' OR device_id = $2)",
      SqlParams().text(userName).text(deviceId).int64(at).int64(finalPush ? 1 : 0));
  if (!s) return s;
  return count->value_or(0);
}

// The houses written since the savepoint stay in m_touchedHouses after a rollback to it:
// refreshing a house whose records did not change rewrites the same row.
Status SqlSyncTransaction::savepoint() { return session().run("SAVEPOINT group_member"); }

Status SqlSyncTransaction::releaseSavepoint() {
  return session().run("RELEASE SAVEPOINT group_member");
}

Status SqlSyncTransaction::rollbackToSavepoint() {
  // ROLLBACK TO keeps the savepoint open (both engines); RELEASE ends it. A failed statement of
  // PostgreSQL's aborted the transaction until here, and this un-aborts it.
  if (Status s = session().run("ROLLBACK TO SAVEPOINT group_member"); !s) return s;
  return session().run("RELEASE SAVEPOINT group_member");
}

Status SqlSyncTransaction::commit() {
  if (m_beforeCommit && !m_touchedHouses.empty()) {
    if (Status s = m_beforeCommit(session(), m_touchedHouses); !s) return s;  // rolls back
  }
  m_touchedHouses.clear();
  return m_tx->commit();
}

Result<std::optional<Assignment>> SqlSyncTransaction::findAssignment(const Uuid& buildingId) {
  return firstRow(session(),
                  "SELECT building_id, inspector, due_date, assigned_by, assigned_at FROM "
                  "assignments WHERE building_id = $1",
                  SqlParams().text(buildingId), [](const SqlRows& rows) {
                    Assignment a;
                    a.buildingId = rows.text(0);
                    a.inspector = rows.text(1);
                    a.dueDate = rows.text(2);
                    a.assignedBy = rows.text(3);
                    a.assignedAt = rows.int64(4);
                    return a;
                  });
}

Status SqlSyncTransaction::putAssignment(const Assignment& a) {
  return session().run(
      "INSERT INTO assignments (building_id, inspector, due_date, assigned_by, assigned_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (building_id) DO UPDATE SET inspector = "
      "excluded.inspector, due_date = excluded.due_date, assigned_by = excluded.assigned_by, "
      "assigned_at = excluded.assigned_at",
      SqlParams()
          .text(a.buildingId)
          .text(a.inspector)
          .text(a.dueDate)
          .text(a.assignedBy)
          .int64(a.assignedAt));
}

}  // namespace anju::server
