#include "storage/postgres_sync_transaction.h"

#include "register/register_builder.h"
#include "storage/postgres_register.h"
#include "storage/postgres_rows.h"
#include "storage/postgres_schema.h"

namespace anju::server {

Status beginWriteTransaction(PgConnection& db) {
  // READ COMMITTED, not REPEATABLE READ: each statement must see what earlier holders of the
  // lock committed, and a REPEATABLE READ snapshot would be taken before the lock wait ends.
  // lock_timeout bounds the wait behind a stuck writer; idle_in_transaction_session_timeout
  // makes PostgreSQL drop (and so unlock) a server process that stalls mid-transaction.
  return db.exec(
      "BEGIN ISOLATION LEVEL READ COMMITTED; "
      "SET LOCAL lock_timeout = '30s'; "
      "SET LOCAL idle_in_transaction_session_timeout = '60s'; "
      "SELECT pg_advisory_xact_lock(" +
      std::to_string(kWriteLockKey) + ")");
}

std::unique_ptr<SyncTransaction> PostgresSyncTransaction::adopt(PgPool::Lease lease) {
  return std::unique_ptr<SyncTransaction>(new PostgresSyncTransaction(std::move(lease)));
}

PostgresSyncTransaction::~PostgresSyncTransaction() {
  // A broken connection has no transaction left to roll back; the pool drops it.
  if (m_open && db().healthy()) (void)db().exec("ROLLBACK");
}

Result<std::optional<SeenChange>> PostgresSyncTransaction::findChange(const std::string& changeId) {
  PgParams params;
  params.text(changeId);
  Result<PgResult> r = db().query(
      "SELECT change_id, kind, record_id, outcome, version, user_name, device_id, received_at "
      "FROM changes WHERE change_id = $1",
      params);
  if (!r) return r.status();
  if (r->rows() == 0) return std::optional<SeenChange>();
  SeenChange c;
  c.changeId = r->text(0, 0);
  c.kind = r->text(0, 1);
  c.recordId = r->text(0, 2);
  c.outcome = r->text(0, 3) == "conflict" ? ChangeOutcome::kConflict : ChangeOutcome::kApplied;
  c.version = static_cast<HlcVersion>(r->int64(0, 4));
  c.userName = r->text(0, 5);
  c.deviceId = r->text(0, 6);
  c.receivedAt = r->int64(0, 7);
  return std::optional<SeenChange>(std::move(c));
}

Result<std::optional<StoredRecord>> PostgresSyncTransaction::findRecord(const std::string& kind,
                                                                        const Uuid& id) {
  return selectPgRecord(db(), kind, id);
}

Result<std::int64_t> PostgresSyncTransaction::putRecord(const RecordWrite& write) {
  const StoredRecord& r = write.record;
  PgParams params;
  params.text(r.kind).text(r.id).int64(static_cast<std::int64_t>(r.version));
  params.text(write.changeId).text(write.source).int64(write.writtenAt).bytes(r.payload);
  params.text(r.region.district).text(r.region.street).text(r.region.community);
  params.text(r.buildingId).text(r.inspectionId).text(r.sha256);
  // History row and current row in one round trip; seq comes from the history row.
  Result<PgResult> result = db().query(
      "WITH v AS (INSERT INTO record_versions (kind, record_id, version, change_id, source, "
      "written_at, payload) VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7) RETURNING seq) "
      "INSERT INTO records (kind, id, district, street, community, building_id, inspection_id, "
      "sha256, version, seq, payload) SELECT $1, $2, $8, $9, $10, $11, $12, $13, $3, v.seq, $7 "
      "FROM v ON CONFLICT (kind, id) DO UPDATE SET district = excluded.district, "
      "street = excluded.street, community = excluded.community, "
      "building_id = excluded.building_id, inspection_id = excluded.inspection_id, "
      "sha256 = excluded.sha256, version = excluded.version, seq = excluded.seq, "
      "payload = excluded.payload RETURNING seq",
      params);
  if (!result) return result.status();
  if (result->rows() != 1) return Status::internal("putRecord wrote no row");
  m_touchedHouses.insert(houseOf(r));
  return result->int64(0, 0);
}

Status PostgresSyncTransaction::saveConflict(const ConflictRow& c) {
  PgParams params;
  params.text(c.changeId).text(c.kind).text(c.recordId);
  params.int64(static_cast<std::int64_t>(c.baseVersion));
  params.int64(static_cast<std::int64_t>(c.incomingVersion));
  params.int64(static_cast<std::int64_t>(c.serverVersion));
  params.bytes(c.payload).text(c.userName).text(c.deviceId).int64(c.receivedAt);
  return db()
      .query(
          "INSERT INTO conflicts (change_id, kind, record_id, base_version, incoming_version, "
          "server_version, payload, user_name, device_id, received_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          params)
      .status();
}

Status PostgresSyncTransaction::rememberChange(const SeenChange& c) {
  PgParams params;
  params.text(c.changeId).text(c.kind).text(c.recordId);
  params.text(c.outcome == ChangeOutcome::kConflict ? "conflict" : "applied");
  params.int64(static_cast<std::int64_t>(c.version)).text(c.userName).text(c.deviceId);
  params.int64(c.receivedAt);
  return db()
      .query(
          "INSERT INTO changes (change_id, kind, record_id, outcome, version, user_name, "
          "device_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          params)
      .status();
}

Status PostgresSyncTransaction::appendAudit(const AuditEntry& e) {
  PgParams params;
  params.int64(e.at).text(e.userName).text(e.action).text(e.targetKind).text(e.targetId);
  params.text(e.buildingId).text(e.region.district).text(e.region.street);
  params.text(e.region.community).text(e.detail);
  return db()
      .query(
          "INSERT INTO audit_log (at, user_name, action, target_kind, target_id, building_id, "
          "district, street, community, detail) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          params)
      .status();
}

Status PostgresSyncTransaction::commit() {
  if (!m_open) return Status::internal("transaction already finished");
  // COMMIT of an aborted transaction "succeeds" as a rollback; never report that as stored.
  if (db().inFailedTransaction())
    return Status::internal("事务已中止 / transaction aborted by an earlier error");
  // The register index rows of the houses written, in this same transaction.
  for (const Uuid& house : m_touchedHouses) {
    if (Status s = refreshPgRegister(db(), house); !s) return s;  // destructor rolls back
  }
  m_touchedHouses.clear();
  // Whatever COMMIT answers, the transaction is over: PostgreSQL rolls back a failed commit.
  // synchronous_commit (on by default) makes it durable before the answer arrives.
  m_open = false;
  return db().exec("COMMIT");
}

}  // namespace anju::server
