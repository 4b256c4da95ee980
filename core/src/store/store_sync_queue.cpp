// The sync client's queues beside the outbox: changes the server rejected (kept for the user,
// not resent) and photo bytes still to upload. The algorithm is documented in store.h.
#include "anju/uuid.h"
#include "store/record_rows.h"
#include "store/store_impl.h"

namespace anju {
namespace {

using store::Database;
using store::StatementUse;
using store::Transaction;

struct RejectedRow {
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  HlcVersion version = 0;
  HlcVersion baseVersion = 0;
  std::int64_t seq = 0;
};

Result<RejectedRow> loadOutboxRow(Database& db, const Uuid& changeId) {
  Result<StatementUse> query = db.cached(
      "SELECT kind, record_id, version, base_version, seq FROM outbox "
      "WHERE change_id = ?1 AND rejected_at IS NULL");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, changeId).step();
  if (!row) return row.status();
  if (!*row) return Status::notFound(msg("store.no_pending_change", {{"id", changeId}}));
  const store::Statement& q = **query;
  Result<RecordKind> kind = store::kindColumn(q, 0);
  if (!kind) return kind.status();
  return RejectedRow{*kind, q.text(1), q.version(2), q.version(3), q.integer(4)};
}

// Later changes built on the rejected one: the server never had that version, so they are
// built on what it does have. Fresh ids, because the server may have kept the old ids as
// conflicts (a resend would only be answered DUPLICATE).
Status rebaseFollowers(Database& db, const Transaction&, const RejectedRow& rejected) {
  Result<StatementUse> followers = db.cached(
      "SELECT change_id FROM outbox WHERE kind = ?1 AND record_id = ?2 AND seq > ?3 "
      "AND base_version = ?4 AND rejected_at IS NULL");
  if (!followers) return followers.status();
  (*followers)
      ->bindText(1, recordKindCode(rejected.kind))
      .bindText(2, rejected.recordId)
      .bindInt(3, rejected.seq)
      .bindVersion(4, rejected.version);
  std::vector<Uuid> ids;
  for (;;) {
    Result<bool> row = (*followers)->step();
    if (!row) return row.status();
    if (!*row) break;
    ids.push_back((*followers)->text(0));
  }
  for (const Uuid& id : ids) {
    Result<StatementUse> update =
        db.cached("UPDATE outbox SET base_version = ?2, change_id = ?3 WHERE change_id = ?1");
    if (!update) return update.status();
    Status s = (*update)
                   ->bindText(1, id)
                   .bindVersion(2, rejected.baseVersion)
                   .bindText(3, newUuid())
                   .run();
    if (!s) return s;
  }
  return Status::ok();
}

}  // namespace

Status Store::rejectOutbox(const Uuid& changeId, std::string_view reason) {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  Result<RejectedRow> row = loadOutboxRow(db, changeId);
  if (!row) return row.status();
  Result<StatementUse> mark =
      db.cached("UPDATE outbox SET rejected_at = ?2, reject_reason = ?3 WHERE change_id = ?1");
  if (!mark) return mark.status();
  Status s = (*mark)->bindText(1, changeId).bindInt(2, m_impl->wallNow()).bindText(3, reason).run();
  if (!s) return s;
  if (s = rebaseFollowers(db, *tx, *row); !s) return s;
  return tx->commit();
}

Result<std::vector<RejectedChange>> Store::rejectedOutbox() {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT seq, change_id, kind, record_id, version, base_version, payload, created_at, "
      "reject_reason, rejected_at FROM outbox WHERE rejected_at IS NOT NULL ORDER BY seq");
  if (!query) return query.status();
  std::vector<RejectedChange> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& q = **query;
    Result<RecordKind> kind = store::kindColumn(q, 2);
    if (!kind) return kind.status();
    out.push_back(RejectedChange{OutboxEntry{q.integer(0), q.text(1), *kind, q.text(3),
                                             q.version(4), q.version(5), q.blob(6), q.integer(7)},
                                 q.text(8), q.integer(9)});
  }
}

Status Store::discardRejected(const Uuid& changeId) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> del = m_impl->db->cached(
      "DELETE FROM outbox WHERE change_id = ?1 AND rejected_at IS NOT NULL RETURNING seq");
  if (!del) return del.status();
  Result<std::optional<std::int64_t>> row = (*del)->bindText(1, changeId).runReturningInteger();
  if (!row) return row.status();
  if (!*row) return Status::notFound(msg("store.no_rejected_change", {{"id", changeId}}));
  return Status::ok();
}

Result<std::vector<PhotoUpload>> Store::pendingPhotoUploads(int limit) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT sha256, byte_size FROM photo_uploads WHERE uploaded_at IS NULL "
      "ORDER BY queued_at, sha256 LIMIT ?1");
  if (!query) return query.status();
  (*query)->bindInt(1, limit);
  std::vector<PhotoUpload> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back(PhotoUpload{(*query)->text(0), (*query)->integer(1)});
  }
}

Result<std::int64_t> Store::pendingPhotoUploadCount() {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->db->queryInt("SELECT count(*) FROM photo_uploads WHERE uploaded_at IS NULL");
}

Status Store::markPhotoUploaded(std::string_view sha256) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> update = m_impl->db->cached(
      "UPDATE photo_uploads SET uploaded_at = ?2 WHERE sha256 = ?1 AND uploaded_at IS NULL");
  if (!update) return update.status();
  return (*update)->bindText(1, sha256).bindInt(2, m_impl->wallNow()).run();
}

}  // namespace anju
