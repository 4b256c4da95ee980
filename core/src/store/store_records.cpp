// User actions on records (one transaction each) and reading records back.
#include <type_traits>

#include "anju/message.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "store/audit_summary.h"
#include "store/change_log.h"
#include "store/record_rows.h"
#include "store/store_impl.h"

namespace anju {
namespace {

using store::Database;
using store::StatementUse;
using store::Transaction;

Status requireBuilding(Database& db, const Uuid& buildingId) {
  Result<StatementUse> query = db.cached("SELECT 1 FROM buildings WHERE id = ?1");
  if (!query) return query.status();
  Result<bool> found = (*query)->bindText(1, buildingId).step();
  if (!found) return found.status();
  if (!*found) return Status::notFound(msg("store.building_not_saved", {{"id", buildingId}}));
  return Status::ok();
}

// Kind-specific rules that need the stored record (validation.h checks the record alone).
Status checkChange(Database& db, const std::optional<Building>&, const Building&) {
  (void)db;
  return Status::ok();
}
Status checkChange(Database& db, const std::optional<Inspection>& before, const Inspection& in) {
  if (before && before->review != in.review)
    if (Status s = checkReviewTransition(before->review, in.review); !s) return s;
  return requireBuilding(db, in.buildingId);
}
// A stored photo may change only its descriptions (caption, category) and be deleted, once and
// for good, while its inspection is a draft: a submitted inspection's photos are evidence.
Status checkChange(Database& db, const std::optional<PhotoRecord>& before, const PhotoRecord& p) {
  if (!before) return requireBuilding(db, p.buildingId);
  PhotoRecord described = *before;
  described.caption = p.caption;
  described.category = p.category;
  described.deleted = p.deleted;
  if (described != p || (before->deleted && !p.deleted))
    return Status::conflict(msg("store.photo_immutable", {{"id", p.id}}));
  if (!p.deleted || before->deleted || p.inspectionId.empty()) return Status::ok();
  Result<std::optional<store::StoredRow>> row =
      store::loadRow(db, RecordKind::kInspection, p.inspectionId);
  if (!row) return row.status();
  if (!*row) return Status::ok();  // a draft not saved yet
  Result<Inspection> inspection = store::decodeAs<Inspection>((*row)->payload);
  if (!inspection) return inspection.status();
  if (inspection->review != ReviewState::kDraft)
    return Status::conflict(msg("store.photo_is_evidence", {{"id", p.id}}));
  return Status::ok();
}
Status checkChange(Database& db, const std::optional<Rectification>& before,
                   const Rectification& r) {
  if (before && before->status != r.status)
    if (Status s = checkRectificationTransition(before->status, r.status); !s) return s;
  return requireBuilding(db, r.buildingId);
}

Status checkChange(Database& db, const std::optional<Visit>&, const Visit& v) {
  return requireBuilding(db, v.buildingId);
}

// The body of every save: inside `tx`, write the record, its outbox row and its audit row.
// The caller validated the record, writes `search` and commits.
template <typename T>
Result<HlcVersion> saveInTransaction(Store::Impl& impl, const Transaction& tx, const T& record,
                                     std::string_view actor, store::SearchIndexBatch& search) {
  Database& db = *impl.db;
  const AnyRecord any = record;
  const RecordKind kind = recordKind(any);
  Result<std::optional<store::StoredRow>> stored = store::loadRow(db, kind, record.id);
  if (!stored) return stored.status();
  std::optional<T> before;
  if (*stored) {
    Result<T> decoded = store::decodeAs<T>((*stored)->payload);
    if (!decoded) return decoded.status();
    before = std::move(*decoded);
  }
  // Pressing "save" on an unchanged record must not create a change to sync.
  if (before && *before == record) return (*stored)->version;
  if (Status s = checkChange(db, before, record); !s) return s;

  // Another connection to this file (the app's sync worker) may have stored a newer version
  // than this connection's clock has seen: the new version must still come after it.
  if (*stored) impl.clock.observe((*stored)->version);
  const HlcVersion version = impl.clock.now();
  HlcVersion baseVersion = 0;
  if (*stored) {
    Result<HlcVersion> base =
        store::baseVersionForNewChange(db, kind, record.id, (*stored)->version);
    if (!base) return base.status();
    baseVersion = *base;
  }
  const HlcVersion serverVersion = *stored ? (*stored)->serverVersion : 0;
  const std::string payload = encodeRecord(any);
  const TimestampMs now = impl.wallNow();

  if (Status s = store::writeRecord(db, tx, any, payload, version, serverVersion, search); !s)
    return s;
  Status s = store::appendOutbox(
      db, tx, OutboxEntry{0, newUuid(), kind, record.id, version, baseVersion, payload, now});
  if (!s) return s;
  if constexpr (std::is_same_v<T, PhotoRecord>) {
    // Only a photo taken on this tablet has bytes here to upload; pulled ones never pass here.
    if (s = store::queuePhotoUpload(db, tx, record, now); !s) return s;
  }
  const std::optional<AnyRecord> beforeAny =
      before ? std::optional<AnyRecord>(*before) : std::nullopt;
  s = store::appendAudit(
      db, tx,
      AuditEntry{0, now, std::string(actor), impl.options.deviceId, before ? "update" : "create",
                 kind, record.id, version, store::describeChange(beforeAny, any)});
  if (!s) return s;
  return version;
}

template <typename T>
Result<HlcVersion> saveOne(Store::Impl& impl, const T& record, std::string_view actor,
                           const Status& validation) {
  if (!validation) return validation;
  std::lock_guard lock(impl.mutex);
  Result<Transaction> tx = Transaction::begin(*impl.db);
  if (!tx) return tx.status();
  store::SearchIndexBatch search;
  Result<HlcVersion> version = saveInTransaction(impl, *tx, record, actor, search);
  if (!version) return version;  // tx rolls back: nothing of this save remains
  if (Status s = search.write(*impl.db, *tx); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  return version;
}

template <typename T>
Result<T> loadRecord(Store::Impl& impl, RecordKind kind, const Uuid& id) {
  std::lock_guard lock(impl.mutex);
  Result<std::optional<store::StoredRow>> stored = store::loadRow(*impl.db, kind, id);
  if (!stored) return stored.status();
  if (!*stored)
    return Status::notFound(msg("store.no_record", {recordKindParam(kind), {"id", id}}));
  return store::decodeAs<T>((*stored)->payload);
}

template <typename T>
Result<std::vector<T>> loadList(Store::Impl& impl, const char* sql, const Uuid& key) {
  std::lock_guard lock(impl.mutex);
  Result<StatementUse> query = impl.db->cached(sql);
  if (!query) return query.status();
  (*query)->bindText(1, key);
  return store::decodeAll<T>(**query);
}

}  // namespace

Result<HlcVersion> Store::putBuilding(const Building& building, std::string_view actor) {
  return saveOne(*m_impl, building, actor, validateBuilding(building, m_impl->wallNow()));
}

Result<HlcVersion> Store::putInspection(const Inspection& inspection, std::string_view actor) {
  return saveOne(*m_impl, inspection, actor, validateInspection(inspection));
}

Result<HlcVersion> Store::putPhoto(const PhotoRecord& photo, std::string_view actor) {
  return saveOne(*m_impl, photo, actor, validatePhoto(photo));
}

Result<HlcVersion> Store::putRectification(const Rectification& rectification,
                                           std::string_view actor) {
  return saveOne(*m_impl, rectification, actor, validateRectification(rectification));
}

Result<HlcVersion> Store::putVisit(const Visit& visit, std::string_view actor) {
  return saveOne(*m_impl, visit, actor, validateVisit(visit, m_impl->wallNow()));
}

Result<HlcVersion> Store::putInspectionWithVisit(const Inspection& inspection, const Visit& visit,
                                                 std::string_view actor) {
  if (Status s = validateInspection(inspection); !s) return s;
  if (Status s = validateVisit(visit, m_impl->wallNow()); !s) return s;
  if (visit.inspectionId != inspection.id || visit.buildingId != inspection.buildingId)
    return Status::invalidArgument(
        msg("store.visit_must_name_inspection"),
        {fieldError("inspection_id", msg("store.must_be", {{"value", inspection.id}}))});
  std::lock_guard lock(m_impl->mutex);
  Result<Transaction> tx = Transaction::begin(*m_impl->db);
  if (!tx) return tx.status();
  store::SearchIndexBatch search;  // stays empty: neither record is a building
  Result<HlcVersion> version = saveInTransaction(*m_impl, *tx, inspection, actor, search);
  if (!version) return version;
  if (Result<HlcVersion> v = saveInTransaction(*m_impl, *tx, visit, actor, search); !v)
    return v.status();
  if (Status s = search.write(*m_impl->db, *tx); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  return version;
}

Status Store::putBuildings(std::span<const Building> buildings, std::string_view actor) {
  const TimestampMs now = m_impl->wallNow();
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    Status s = validateBuilding(buildings[i], now);
    if (!s)
      return Status::invalidArgument(
          msg("store.building_n_invalid", {{"n", std::to_string(i + 1)}}), s.fieldErrors());
  }
  std::lock_guard lock(m_impl->mutex);
  Result<Transaction> tx = Transaction::begin(*m_impl->db);
  if (!tx) return tx.status();
  store::SearchIndexBatch search;
  for (const Building& b : buildings) {
    Result<HlcVersion> version = saveInTransaction(*m_impl, *tx, b, actor, search);
    if (!version) return version.status();
  }
  if (Status s = search.write(*m_impl->db, *tx); !s) return s;
  return tx->commit();
}

Result<Building> Store::building(const Uuid& id) {
  return loadRecord<Building>(*m_impl, RecordKind::kBuilding, id);
}

Result<Inspection> Store::inspection(const Uuid& id) {
  return loadRecord<Inspection>(*m_impl, RecordKind::kInspection, id);
}

Result<PhotoRecord> Store::photo(const Uuid& id) {
  return loadRecord<PhotoRecord>(*m_impl, RecordKind::kPhoto, id);
}

Result<std::vector<Inspection>> Store::inspectionsOfBuilding(const Uuid& buildingId) {
  return loadList<Inspection>(
      *m_impl,
      "SELECT payload FROM inspections WHERE building_id = ?1 ORDER BY started_at DESC, id DESC",
      buildingId);
}

Result<std::vector<PhotoRecord>> Store::photosOfInspection(const Uuid& inspectionId) {
  return loadList<PhotoRecord>(
      *m_impl, "SELECT payload FROM photos WHERE inspection_id = ?1 ORDER BY captured_at, id",
      inspectionId);
}

Result<std::vector<Rectification>> Store::rectificationsOfBuilding(const Uuid& buildingId) {
  // Those with a deadline first, soonest first; then those without one.
  return loadList<Rectification>(*m_impl,
                                 "SELECT payload FROM rectifications WHERE building_id = ?1 "
                                 "ORDER BY deadline = '', deadline, id",
                                 buildingId);
}

Result<std::vector<Visit>> Store::visitsOfBuilding(const Uuid& buildingId) {
  return loadList<Visit>(
      *m_impl,
      "SELECT payload FROM visits WHERE building_id = ?1 ORDER BY visited_at DESC, id DESC",
      buildingId);
}

Result<RecordVersions> Store::versionsOf(RecordKind kind, const Uuid& id) {
  std::lock_guard lock(m_impl->mutex);
  Result<std::optional<store::StoredRow>> stored = store::loadRow(*m_impl->db, kind, id);
  if (!stored) return stored.status();
  if (!*stored)
    return Status::notFound(msg("store.no_record", {recordKindParam(kind), {"id", id}}));
  return RecordVersions{(*stored)->version, (*stored)->serverVersion};
}

Result<std::vector<AuditEntry>> Store::auditTrail(RecordKind kind, const Uuid& id) {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT id, at, actor, device, action, kind, record_id, version, summary FROM audit_log "
      "WHERE kind = ?1 AND record_id = ?2 ORDER BY id");
  if (!query) return query.status();
  (*query)->bindText(1, recordKindCode(kind)).bindText(2, id);
  std::vector<AuditEntry> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& q = **query;
    Result<RecordKind> stored = store::kindColumn(q, 5);
    if (!stored) return stored.status();
    out.push_back(AuditEntry{q.integer(0), q.integer(1), q.text(2), q.text(3), q.text(4), *stored,
                             q.text(6), q.version(7), q.text(8)});
  }
}

}  // namespace anju
