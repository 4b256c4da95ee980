// After the server was restored from a backup (its epoch changed), the tablet pushes again what
// the server lost. The algorithm is documented in store.h (beginEpochReconcile).
#include <string>
#include <vector>

#include "anju/uuid.h"
#include "store/change_log.h"
#include "store/record_rows.h"
#include "store/store_impl.h"

namespace anju {
namespace {

using store::Database;
using store::StatementUse;
using store::Transaction;

constexpr RecordKind kEveryKind[] = {RecordKind::kBuilding, RecordKind::kInspection,
                                     RecordKind::kPhoto, RecordKind::kRectification,
                                     RecordKind::kVisit};

// A record whose stored version is newer than what the server holds now.
struct Unconfirmed {
  Uuid id;
  HlcVersion version = 0;
  HlcVersion serverVersion = 0;
  std::string payload;
};

Result<std::vector<Unconfirmed>> unconfirmedOf(Database& db, RecordKind kind) {
  // A full scan, once per restore: the tablet holds at most a district's houses.
  const std::string sql = std::string("SELECT id, version, server_version, payload FROM ") +
                          store::tableOfKind(kind) + " WHERE version > server_version";
  Result<store::Statement> query = db.prepare(sql.c_str());
  if (!query) return query.status();
  std::vector<Unconfirmed> out;
  for (;;) {
    Result<bool> row = query->step();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back({query->text(0), query->version(1), query->version(2), query->blob(3)});
  }
}

// Whether this version of the record was saved on this tablet (not pulled, not a conflict's
// winner): the only versions the tablet answers for.
Result<bool> savedHere(Database& db, RecordKind kind, const Uuid& id, HlcVersion version) {
  Result<StatementUse> query = db.cached(
      "SELECT 1 FROM audit_log WHERE kind = ?1 AND record_id = ?2 AND version = ?3 "
      "AND action IN ('create', 'update') LIMIT 1");
  if (!query) return query.status();
  return (*query)->bindText(1, recordKindCode(kind)).bindText(2, id).bindVersion(3, version).step();
}

// A re-sent photo record's bytes are sent again too: the restored server may lack them. The
// upload asks the server for its offset first, so bytes it still has are not sent twice.
Status requeuePhotoBytes(Database& db, const Uuid& photoId, TimestampMs now) {
  Result<StatementUse> requeue = db.cached(
      "INSERT INTO photo_uploads (sha256, byte_size, queued_at) "
      "SELECT sha256, byte_size, ?2 FROM photos WHERE id = ?1 "
      "ON CONFLICT (sha256) DO UPDATE SET uploaded_at = NULL");
  if (!requeue) return requeue.status();
  return (*requeue)->bindText(1, photoId).bindInt(2, now).run();
}

}  // namespace

Status Store::beginEpochReconcile() {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  for (RecordKind kind : kEveryKind) {
    const std::string forget =
        std::string("UPDATE ") + store::tableOfKind(kind) + " SET server_version = 0";
    if (Status s = db.exec(forget.c_str()); !s) return s;
  }
  if (Status s = store::writeSyncState(db, *tx, kSyncPullCursor, ""); !s) return s;
  if (Status s = store::writeSyncState(db, *tx, kSyncEpochRepush, "1"); !s) return s;
  return tx->commit();
}

Result<bool> Store::epochReconcilePending() {
  Result<std::string> flag = syncState(kSyncEpochRepush);
  if (!flag) return flag.status();
  return *flag == "1";
}

Result<std::int64_t> Store::requeueLostChanges() {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  const TimestampMs now = m_impl->wallNow();
  std::int64_t queued = 0;
  for (RecordKind kind : kEveryKind) {
    Result<std::vector<Unconfirmed>> records = unconfirmedOf(db, kind);
    if (!records) return records.status();
    for (const Unconfirmed& r : *records) {
      Result<std::optional<store::PendingHead>> pending = store::oldestPending(db, kind, r.id);
      if (!pending) return pending.status();
      if (*pending) {
        // Still to be sent, but built on a version the server lost: built on what it holds
        // instead (the change carries the whole record, so nothing of the lost version is
        // missing). A fresh id, as rejectOutbox's rebase does.
        if ((*pending)->baseVersion <= r.serverVersion) continue;
        Result<StatementUse> rebase =
            db.cached("UPDATE outbox SET base_version = ?2, change_id = ?3 WHERE change_id = ?1");
        if (!rebase) return rebase.status();
        Status s = (*rebase)
                       ->bindText(1, (*pending)->changeId)
                       .bindVersion(2, r.serverVersion)
                       .bindText(3, newUuid())
                       .run();
        if (!s) return s;
        ++queued;
        continue;
      }
      Result<bool> ours = savedHere(db, kind, r.id, r.version);
      if (!ours) return ours.status();
      if (!*ours) continue;  // another tablet's version: its own tablet sends it again
      Status s = store::appendOutbox(
          db, *tx,
          OutboxEntry{0, newUuid(), kind, r.id, r.version, r.serverVersion, r.payload, now});
      if (!s) return s;
      if (kind == RecordKind::kPhoto) {
        if (s = requeuePhotoBytes(db, r.id, now); !s) return s;
      }
      ++queued;
    }
  }
  if (Status s = store::writeSyncState(db, *tx, kSyncEpochRepush, ""); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  return queued;
}

}  // namespace anju
