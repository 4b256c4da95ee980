#include "store/change_log.h"

namespace anju::store {

Status appendOutbox(Database& db, const Transaction&, const OutboxEntry& e) {
  Result<StatementUse> insert = db.cached(
      "INSERT INTO outbox (change_id, kind, record_id, version, base_version, payload, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return insert.status();
  return (*insert)
      ->bindText(1, e.changeId)
      .bindText(2, recordKindCode(e.kind))
      .bindText(3, e.recordId)
      .bindVersion(4, e.version)
      .bindVersion(5, e.baseVersion)
      .bindBlob(6, e.payload)
      .bindInt(7, e.createdAt)
      .run();
}

Result<std::optional<PendingHead>> oldestPending(Database& db, RecordKind kind, const Uuid& id) {
  Result<StatementUse> query = db.cached(
      "SELECT change_id, base_version FROM outbox WHERE kind = ?1 AND record_id = ?2 "
      "AND rejected_at IS NULL ORDER BY seq LIMIT 1");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, recordKindCode(kind)).bindText(2, id).step();
  if (!row) return row.status();
  if (!*row) return std::optional<PendingHead>();
  return std::optional<PendingHead>(PendingHead{(*query)->text(0), (*query)->version(1)});
}

Result<HlcVersion> baseVersionForNewChange(Database& db, RecordKind kind, const Uuid& id,
                                           HlcVersion storedVersion) {
  Result<StatementUse> query = db.cached(
      "SELECT version, base_version, rejected_at IS NOT NULL FROM outbox "
      "WHERE kind = ?1 AND record_id = ?2 ORDER BY seq DESC LIMIT 1");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, recordKindCode(kind)).bindText(2, id).step();
  if (!row) return row.status();
  // The stored version came from a change the server refused: the server still holds the
  // version that change was built on, so the new change must be built on that one too.
  if (*row && (*query)->integer(2) != 0 && (*query)->version(0) == storedVersion)
    return (*query)->version(1);
  return storedVersion;
}

Status queuePhotoUpload(Database& db, const Transaction&, const PhotoRecord& photo,
                        TimestampMs now) {
  Result<StatementUse> insert = db.cached(
      "INSERT OR IGNORE INTO photo_uploads (sha256, byte_size, queued_at) VALUES (?1, ?2, ?3)");
  if (!insert) return insert.status();
  return (*insert)->bindText(1, photo.sha256).bindInt(2, photo.byteSize).bindInt(3, now).run();
}

Status appendAudit(Database& db, const Transaction&, const AuditEntry& e) {
  Result<StatementUse> insert = db.cached(
      "INSERT INTO audit_log (at, actor, device, action, kind, record_id, version, summary) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!insert) return insert.status();
  return (*insert)
      ->bindInt(1, e.at)
      .bindText(2, e.actor)
      .bindText(3, e.device)
      .bindText(4, e.action)
      .bindText(5, recordKindCode(e.kind))
      .bindText(6, e.recordId)
      .bindVersion(7, e.version)
      .bindText(8, e.summary)
      .run();
}

Result<std::int64_t> appendConflict(Database& db, const Transaction&, const ConflictEntry& e) {
  Result<StatementUse> insert = db.cached(
      "INSERT INTO conflicts (kind, record_id, origin, losing_version, losing_payload, "
      "winning_version, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
  if (!insert) return insert.status();
  Result<std::optional<std::int64_t>> id = (*insert)
                                               ->bindText(1, recordKindCode(e.kind))
                                               .bindText(2, e.recordId)
                                               .bindText(3, e.origin)
                                               .bindVersion(4, e.losingVersion)
                                               .bindBlob(5, e.losingPayload)
                                               .bindVersion(6, e.winningVersion)
                                               .bindInt(7, e.detectedAt)
                                               .runReturningInteger();
  if (!id) return id.status();
  if (!*id) return Status::internal(msg("store.conflict_insert_returned_no"));
  return **id;
}

Status writeSyncState(Database& db, const Transaction&, std::string_view key,
                      std::string_view value) {
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!upsert) return upsert.status();
  return (*upsert)->bindText(1, key).bindText(2, value).run();
}

}  // namespace anju::store
