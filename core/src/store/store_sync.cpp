// The sync-facing API: outbox reading and acknowledgement, conflicts, applying pulled changes
// with their cursor. The algorithm is documented in store.h.
#include <algorithm>

#include "anju/record_codec.h"
#include "store/change_log.h"
#include "store/record_rows.h"
#include "store/relaxed_durability.h"
#include "store/store_impl.h"

namespace anju {
namespace {

// The tablet's audit trail is a record kept with the data, read by support staff: its words are
// fixed when written, in Chinese (the primary language).
std::string auditText(const Message& text) { return render(text, Locale::kChinese); }

using store::Database;
using store::StatementUse;
using store::Transaction;
using store::writeSyncState;

constexpr const char* kSyncActor = "sync";

struct PendingChange {
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  HlcVersion version = 0;
  std::string payload;
};

Result<PendingChange> loadPendingChange(Database& db, const Uuid& changeId) {
  Result<StatementUse> query =
      db.cached("SELECT kind, record_id, version, payload FROM outbox WHERE change_id = ?1");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, changeId).step();
  if (!row) return row.status();
  if (!*row)
    return Status::notFound(msg("store.no_pending_change_maybe_acked", {{"id", changeId}}));
  const store::Statement& q = **query;
  Result<RecordKind> kind = store::kindColumn(q, 0);
  if (!kind) return kind.status();
  return PendingChange{*kind, q.text(1), q.version(2), q.blob(3)};
}

Status removePendingChange(Database& db, const Transaction&, const Uuid& changeId) {
  Result<StatementUse> del = db.cached("DELETE FROM outbox WHERE change_id = ?1");
  if (!del) return del.status();
  return (*del)->bindText(1, changeId).run();
}

// Decodes bytes received from the server and checks they are the record we expect.
Result<AnyRecord> decodeExpected(std::string_view bytes, RecordKind kind, const Uuid& id) {
  const std::string code(recordKindCode(kind));
  Result<AnyRecord> record = decodeRecord(bytes);
  if (!record)
    return Status::corruption(
        msg("store.server_record_undecodable",
            {{"kind", code}, {"id", id}, {"detail", describe(record.status(), Locale::kEnglish)}}));
  if (recordKind(*record) != kind || recordId(*record) != id)
    return Status::invalidArgument(
        msg("store.server_record_unexpected",
            {{"got", std::string(recordKindCode(recordKind(*record))) + " " + recordId(*record)},
             {"expected", code + " " + id}}));
  return record;
}

// One acknowledgement inside the caller's transaction: the outbox row goes, the record notes the
// server's version. notFound when the change is no longer pending.
Status settleAcknowledged(Database& db, const Transaction& tx, const Uuid& changeId,
                          HlcVersion serverVersion) {
  Result<PendingChange> change = loadPendingChange(db, changeId);
  if (!change) return change.status();
  if (Status s = removePendingChange(db, tx, changeId); !s) return s;
  return store::raiseServerVersion(db, tx, change->kind, change->recordId, serverVersion);
}

}  // namespace

Result<std::vector<OutboxEntry>> Store::pendingOutbox(int maxCount, std::int64_t maxBytes) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT seq, change_id, kind, record_id, version, base_version, payload, created_at "
      "FROM outbox WHERE rejected_at IS NULL ORDER BY seq LIMIT ?1");
  if (!query) return query.status();
  (*query)->bindInt(1, maxCount);
  std::vector<OutboxEntry> out;
  std::int64_t bytes = 0;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& q = **query;
    Result<RecordKind> kind = store::kindColumn(q, 2);
    if (!kind) return kind.status();
    OutboxEntry e{q.integer(0), q.text(1),    *kind,     q.text(3),
                  q.version(4), q.version(5), q.blob(6), q.integer(7)};
    bytes += static_cast<std::int64_t>(e.payload.size());
    if (!out.empty() && bytes > maxBytes) return out;
    out.push_back(std::move(e));
  }
}

Result<std::int64_t> Store::pendingOutboxCount() {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->db->queryInt("SELECT count(*) FROM outbox WHERE rejected_at IS NULL");
}

Status Store::acknowledgeOutbox(const Uuid& changeId, HlcVersion serverVersion) {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  if (Status s = settleAcknowledged(db, *tx, changeId, serverVersion); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  m_impl->clock.observe(serverVersion);
  return Status::ok();
}

Status Store::acknowledgeOutbox(const std::vector<Acknowledgement>& acknowledgements) {
  if (acknowledgements.empty()) return Status::ok();
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  HlcVersion highest = 0;
  for (const Acknowledgement& ack : acknowledgements) {
    Status s = settleAcknowledged(db, *tx, ack.changeId, ack.serverVersion);
    if (s.code() == StatusCode::kNotFound) continue;  // settled before
    if (!s) return s;
    highest = std::max(highest, ack.serverVersion);
  }
  if (Status s = tx->commit(); !s) return s;
  if (highest != 0) m_impl->clock.observe(highest);
  return Status::ok();
}

Status Store::recordConflict(const Uuid& changeId, std::string_view serverRecordBytes,
                             HlcVersion serverVersion) {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  Result<PendingChange> change = loadPendingChange(db, changeId);
  if (!change) return change.status();
  Result<AnyRecord> server = decodeExpected(serverRecordBytes, change->kind, change->recordId);
  if (!server) return server.status();

  const TimestampMs now = m_impl->wallNow();
  Result<std::int64_t> conflictId =
      store::appendConflict(db, *tx,
                            ConflictEntry{0, change->kind, change->recordId, "push",
                                          change->version, change->payload, serverVersion, now});
  if (!conflictId) return conflictId.status();
  // The server's bytes are stored as they came, so fields this build does not know survive.
  store::SearchIndexBatch search;
  Status s = store::writeRecord(db, *tx, *server, std::string(serverRecordBytes), serverVersion,
                                serverVersion, search);
  if (!s) return s;
  if (s = removePendingChange(db, *tx, changeId); !s) return s;
  s = store::appendAudit(
      db, *tx,
      AuditEntry{0, now, kSyncActor, m_impl->options.deviceId, "conflict", change->kind,
                 change->recordId, serverVersion,
                 auditText(msg("store.audit_server_won",
                               {{"conflict", std::to_string(*conflictId)},
                                {"version", std::to_string(change->version)}}))});
  if (!s) return s;
  if (s = search.write(db, *tx); !s) return s;
  if (s = tx->commit(); !s) return s;
  m_impl->clock.observe(serverVersion);
  return Status::ok();
}

Result<PullOutcome> Store::applyPulled(const std::vector<PulledRecord>& records,
                                       std::string_view newCursor, std::string_view epoch) {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  // A pulled page commits without waiting for the disk (synchronous=NORMAL; the store's saves
  // keep FULL). Its records are already safe on the server and commit together with the cursor,
  // so a power cut can only lose the last pages and their cursor together, which the next sync
  // fetches again; the WAL keeps commits in order, so a later FULL commit makes them durable too.
  // One fsync per page was a third of the time of pulling 100k houses into a new tablet.
  store::RelaxedDurability relaxed(db);
  if (Status s = relaxed.begin(); !s) return s;
  Result<Transaction> tx = Transaction::begin(db);
  if (!tx) return tx.status();
  PullOutcome outcome;
  store::SearchIndexBatch search;
  const TimestampMs now = m_impl->wallNow();
  for (const PulledRecord& r : records) {
    Result<AnyRecord> record = decodeExpected(r.payload, r.kind, r.id);
    if (!record) return record.status();
    Result<std::optional<store::StoredRow>> stored = store::loadRow(db, r.kind, r.id);
    if (!stored) return stored.status();
    Result<std::optional<store::PendingHead>> pending = store::oldestPending(db, r.kind, r.id);
    if (!pending) return pending.status();
    const HlcVersion localVersion = *stored ? (*stored)->version : 0;
    // A version no newer than the one our unsent edits were built on is not another edit: it is
    // that version coming back, or an older one a server restored from a backup still holds.
    const bool seenBeforeOurEdits = *pending && r.version <= (*pending)->baseVersion;

    Status s;
    if (*pending && localVersion != r.version && !seenBeforeOurEdits) {
      // Unsent local edits win locally until they are pushed; the pulled version is kept.
      Result<std::int64_t> conflictId = store::appendConflict(
          db, *tx, ConflictEntry{0, r.kind, r.id, "pull", r.version, r.payload, localVersion, now});
      if (!conflictId) return conflictId.status();
      s = store::raiseServerVersion(db, *tx, r.kind, r.id, r.version);
      if (s)
        s = store::appendAudit(
            db, *tx,
            AuditEntry{0, now, kSyncActor, m_impl->options.deviceId, "conflict", r.kind, r.id,
                       r.version,
                       auditText(msg("store.audit_local_kept",
                                     {{"conflict", std::to_string(*conflictId)}}))});
      ++outcome.conflicts;
    } else if (*stored && r.version <= localVersion) {
      // Our own change coming back, or an older version than we already hold.
      s = store::raiseServerVersion(db, *tx, r.kind, r.id, r.version);
      ++outcome.skipped;
    } else {
      s = store::writeRecord(db, *tx, *record, r.payload, r.version, r.version, search);
      ++outcome.applied;
    }
    if (!s) return s;
  }
  if (Status s = writeSyncState(db, *tx, kSyncPullCursor, newCursor); !s) return s;
  if (Status s = writeSyncState(db, *tx, kSyncEpoch, epoch); !s) return s;
  if (Status s = search.write(db, *tx); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  if (Status s = relaxed.end(); !s) return s;
  for (const PulledRecord& r : records) m_impl->clock.observe(r.version);
  return outcome;
}

Result<std::string> Store::syncState(std::string_view key) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached("SELECT value FROM sync_state WHERE key = ?1");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, key).step();
  if (!row) return row.status();
  return *row ? (*query)->text(0) : std::string();
}

Status Store::setSyncState(std::string_view key, std::string_view value) {
  std::lock_guard lock(m_impl->mutex);
  Result<Transaction> tx = Transaction::begin(*m_impl->db);
  if (!tx) return tx.status();
  if (Status s = writeSyncState(*m_impl->db, *tx, key, value); !s) return s;
  return tx->commit();
}

Status Store::setSyncStates(const std::vector<std::pair<std::string, std::string>>& values) {
  std::lock_guard lock(m_impl->mutex);
  Result<Transaction> tx = Transaction::begin(*m_impl->db);
  if (!tx) return tx.status();
  for (const auto& [key, value] : values)
    if (Status s = writeSyncState(*m_impl->db, *tx, key, value); !s) return s;
  return tx->commit();
}

Status Store::wipe() {
  std::lock_guard lock(m_impl->mutex);
  Database& db = *m_impl->db;
  // Freed pages are overwritten with zeros, so deleted rows do not linger in the file.
  if (Status s = db.exec("PRAGMA secure_delete = ON"); !s) return s;
  // Every table but SQLite's own; an FTS5 index is emptied through its virtual table, never
  // through its shadow tables (named after it).
  Result<store::Statement> list = db.prepare(
      "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master WHERE type = 'table' "
      "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  if (!list) return list.status();
  std::vector<std::string> tables, virtuals;
  for (;;) {
    Result<bool> row = list->step();
    if (!row) return row.status();
    if (!*row) break;
    (list->integer(1) ? virtuals : tables).push_back(list->text(0));
  }
  std::erase_if(tables, [&](const std::string& name) {
    return std::any_of(virtuals.begin(), virtuals.end(),
                       [&](const std::string& v) { return name.rfind(v + "_", 0) == 0; });
  });
  tables.insert(tables.end(), virtuals.begin(), virtuals.end());
  {
    Result<Transaction> tx = Transaction::begin(db);
    if (!tx) return tx.status();
    // Children and parents go in name order; the keys are checked at commit, when all are gone.
    if (Status s = db.exec("PRAGMA defer_foreign_keys = ON"); !s) return s;
    for (const std::string& table : tables)
      if (Status s = db.exec("DELETE FROM \"" + table + "\""); !s) return s;
    if (Status s = tx->commit(); !s) return s;
  }
  if (Status s = db.exec("VACUUM"); !s) return s;
  return db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<std::vector<ConflictEntry>> Store::openConflicts() {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT id, kind, record_id, origin, losing_version, losing_payload, winning_version, "
      "detected_at FROM conflicts WHERE dismissed_at IS NULL ORDER BY id");
  if (!query) return query.status();
  std::vector<ConflictEntry> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& q = **query;
    Result<RecordKind> kind = store::kindColumn(q, 1);
    if (!kind) return kind.status();
    out.push_back(ConflictEntry{q.integer(0), *kind, q.text(2), q.text(3), q.version(4), q.blob(5),
                                q.version(6), q.integer(7)});
  }
}

Status Store::dismissConflict(std::int64_t conflictId) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> update = m_impl->db->cached(
      "UPDATE conflicts SET dismissed_at = ?2 WHERE id = ?1 AND dismissed_at IS NULL "
      "RETURNING id");
  if (!update) return update.status();
  Result<std::optional<std::int64_t>> row =
      (*update)->bindInt(1, conflictId).bindInt(2, m_impl->wallNow()).runReturningInteger();
  if (!row) return row.status();
  if (!*row)
    return Status::notFound(msg("store.no_open_conflict", {{"id", std::to_string(conflictId)}}));
  return Status::ok();
}

}  // namespace anju
