#include "store/record_rows.h"

#include "anju/enum_codes.h"
#include "anju/natural_sort.h"
#include "store/search_index.h"

namespace anju::store {
namespace {

std::string optionalCode(const auto& value) {
  return value ? std::string(toCode(*value)) : std::string();
}

// The house list shows each building's latest inspection; the columns are recomputed whenever an
// inspection of the building, or the building itself, is written. A building that neither shows
// one nor has any (a new house from the register: nearly every row of a first pull) is left
// alone rather than rewritten with the same NULLs.
Status refreshLatestInspection(Database& db, const Uuid& buildingId) {
  Result<StatementUse> update = db.cached(
      "UPDATE buildings SET (latest_inspection_id, latest_inspected_at, latest_judgment, "
      "latest_review) = (SELECT id, started_at, judgment, review FROM inspections "
      "WHERE building_id = ?1 ORDER BY started_at DESC, id DESC LIMIT 1) WHERE id = ?1 "
      "AND (latest_inspection_id IS NOT NULL "
      "OR EXISTS (SELECT 1 FROM inspections WHERE building_id = ?1))");
  if (!update) return update.status();
  return (*update)->bindText(1, buildingId).run();
}

// The house list's visit columns: the latest visit (by time, then id) and how many there were.
// Skipped, like the above, for a building with no visit shown and none stored.
Status refreshLatestVisit(Database& db, const Uuid& buildingId) {
  Result<StatementUse> update = db.cached(
      "UPDATE buildings SET (last_visit_outcome, last_visited_at, visit_count) = "
      "(SELECT (SELECT outcome FROM visits WHERE building_id = ?1 "
      "ORDER BY visited_at DESC, id DESC LIMIT 1), max(visited_at), count(*) "
      "FROM visits WHERE building_id = ?1) WHERE id = ?1 "
      "AND (visit_count > 0 OR EXISTS (SELECT 1 FROM visits WHERE building_id = ?1))");
  if (!update) return update.status();
  return (*update)->bindText(1, buildingId).run();
}

Status writeBuilding(Database& db, const Building& b, const std::string& payload,
                     HlcVersion version, HlcVersion serverVersion, SearchIndexBatch& search) {
  const std::string addressKey = naturalSortKey(b.address);  // the house list's sort key
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO buildings (id, district, street, community, address, structure, "
      "building_code, payload, version, server_version, address_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (id) DO UPDATE SET district = excluded.district, street = excluded.street, "
      "community = excluded.community, address = excluded.address, "
      "address_key = excluded.address_key, "
      "structure = excluded.structure, building_code = excluded.building_code, "
      "payload = excluded.payload, version = excluded.version, "
      "server_version = excluded.server_version "
      "RETURNING row_no");
  if (!upsert) return upsert.status();
  (*upsert)
      ->bindText(1, b.id)
      .bindText(2, b.region.district)
      .bindText(3, b.region.street)
      .bindText(4, b.region.community)
      .bindText(5, b.address)
      .bindText(6, toCode(b.structure))
      .bindText(7, b.buildingCode)
      .bindBlob(8, payload)
      .bindVersion(9, version)
      .bindVersion(10, serverVersion)
      .bindText(11, addressKey);
  Result<std::optional<std::int64_t>> rowNo = (*upsert)->runReturningInteger();
  if (!rowNo) return rowNo.status();
  if (!*rowNo) return Status::internal(msg("store.building_upsert_returned_no"));
  search.add(**rowNo, b.region, b.address);
  // Inspections and visits may have arrived before their building (same pull batch).
  if (Status s = refreshLatestInspection(db, b.id); !s) return s;
  return refreshLatestVisit(db, b.id);
}

Result<std::optional<Uuid>> buildingOfInspection(Database& db, const Uuid& inspectionId) {
  Result<StatementUse> query = db.cached("SELECT building_id FROM inspections WHERE id = ?1");
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, inspectionId).step();
  if (!row) return row.status();
  if (!*row) return std::optional<Uuid>();
  return std::optional<Uuid>((*query)->text(0));
}

Status writeFindings(Database& db, const Inspection& in) {
  Result<StatementUse> clear = db.cached("DELETE FROM findings WHERE inspection_id = ?1");
  if (!clear) return clear.status();
  if (Status s = (*clear)->bindText(1, in.id).run(); !s) return s;
  for (const Finding& f : in.findings) {
    Result<StatementUse> insert = db.cached(
        "INSERT INTO findings (inspection_id, id, component, hazard, severity) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.status();
    Status s = (*insert)
                   ->bindText(1, in.id)
                   .bindText(2, f.id)
                   .bindText(3, toCode(f.component))
                   .bindText(4, toCode(f.hazard))
                   .bindText(5, toCode(f.severity))
                   .run();
    if (!s) return s;
  }
  return Status::ok();
}

Status writeInspection(Database& db, const Transaction&, const Inspection& in,
                       const std::string& payload, HlcVersion version, HlcVersion serverVersion) {
  Result<std::optional<Uuid>> previousBuilding = buildingOfInspection(db, in.id);
  if (!previousBuilding) return previousBuilding.status();
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO inspections (id, building_id, inspector, started_at, submitted_at, judgment, "
      "appraisal_grade, review, payload, version, server_version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id, "
      "inspector = excluded.inspector, started_at = excluded.started_at, "
      "submitted_at = excluded.submitted_at, judgment = excluded.judgment, "
      "appraisal_grade = excluded.appraisal_grade, review = excluded.review, "
      "payload = excluded.payload, version = excluded.version, "
      "server_version = excluded.server_version");
  if (!upsert) return upsert.status();
  Status s = (*upsert)
                 ->bindText(1, in.id)
                 .bindText(2, in.buildingId)
                 .bindText(3, in.inspector)
                 .bindInt(4, in.startedAt)
                 .bindInt(5, in.submittedAt)
                 .bindTextOrNull(6, optionalCode(in.effectiveJudgment()))
                 .bindTextOrNull(7, optionalCode(in.appraisalGrade))
                 .bindText(8, toCode(in.review))
                 .bindBlob(9, payload)
                 .bindVersion(10, version)
                 .bindVersion(11, serverVersion)
                 .run();
  if (!s) return s;
  if (s = writeFindings(db, in); !s) return s;
  if (s = refreshLatestInspection(db, in.buildingId); !s) return s;
  if (*previousBuilding && **previousBuilding != in.buildingId)
    return refreshLatestInspection(db, **previousBuilding);
  return Status::ok();
}

Status writePhoto(Database& db, const Transaction&, const PhotoRecord& p,
                  const std::string& payload, HlcVersion version, HlcVersion serverVersion) {
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO photos (id, building_id, inspection_id, finding_id, sha256, byte_size, "
      "captured_at, payload, version, server_version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
      "ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id, "
      "inspection_id = excluded.inspection_id, finding_id = excluded.finding_id, "
      "sha256 = excluded.sha256, byte_size = excluded.byte_size, "
      "captured_at = excluded.captured_at, payload = excluded.payload, "
      "version = excluded.version, server_version = excluded.server_version");
  if (!upsert) return upsert.status();
  return (*upsert)
      ->bindText(1, p.id)
      .bindText(2, p.buildingId)
      .bindTextOrNull(3, p.inspectionId)
      .bindTextOrNull(4, p.findingId)
      .bindText(5, p.sha256)
      .bindInt(6, p.byteSize)
      .bindInt(7, p.capturedAt)
      .bindBlob(8, payload)
      .bindVersion(9, version)
      .bindVersion(10, serverVersion)
      .run();
}

Status writeRectification(Database& db, const Transaction&, const Rectification& r,
                          const std::string& payload, HlcVersion version,
                          HlcVersion serverVersion) {
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO rectifications (id, building_id, family, measure, status, deadline, payload, "
      "version, server_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id, "
      "family = excluded.family, measure = excluded.measure, status = excluded.status, "
      "deadline = excluded.deadline, payload = excluded.payload, version = excluded.version, "
      "server_version = excluded.server_version");
  if (!upsert) return upsert.status();
  return (*upsert)
      ->bindText(1, r.id)
      .bindText(2, r.buildingId)
      .bindText(3, toCode(r.family))
      .bindText(4, r.measure)
      .bindText(5, toCode(r.status))
      .bindText(6, r.deadline)
      .bindBlob(7, payload)
      .bindVersion(8, version)
      .bindVersion(9, serverVersion)
      .run();
}

Status writeVisit(Database& db, const Transaction&, const Visit& v, const std::string& payload,
                  HlcVersion version, HlcVersion serverVersion) {
  Result<std::optional<Uuid>> previous = [&]() -> Result<std::optional<Uuid>> {
    Result<StatementUse> query = db.cached("SELECT building_id FROM visits WHERE id = ?1");
    if (!query) return query.status();
    Result<bool> row = (*query)->bindText(1, v.id).step();
    if (!row) return row.status();
    if (!*row) return std::optional<Uuid>();
    return std::optional<Uuid>((*query)->text(0));
  }();
  if (!previous) return previous.status();
  Result<StatementUse> upsert = db.cached(
      "INSERT INTO visits (id, building_id, inspector, visited_at, outcome, inspection_id, "
      "payload, version, server_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (id) DO UPDATE SET building_id = excluded.building_id, "
      "inspector = excluded.inspector, visited_at = excluded.visited_at, "
      "outcome = excluded.outcome, inspection_id = excluded.inspection_id, "
      "payload = excluded.payload, version = excluded.version, "
      "server_version = excluded.server_version");
  if (!upsert) return upsert.status();
  Status s = (*upsert)
                 ->bindText(1, v.id)
                 .bindText(2, v.buildingId)
                 .bindText(3, v.inspector)
                 .bindInt(4, v.visitedAt)
                 .bindText(5, toCode(v.outcome))
                 .bindTextOrNull(6, v.inspectionId)
                 .bindBlob(7, payload)
                 .bindVersion(8, version)
                 .bindVersion(9, serverVersion)
                 .run();
  if (!s) return s;
  if (s = refreshLatestVisit(db, v.buildingId); !s) return s;
  if (*previous && **previous != v.buildingId) return refreshLatestVisit(db, **previous);
  return Status::ok();
}

}  // namespace

const char* tableOfKind(RecordKind kind) {
  switch (kind) {
    case RecordKind::kBuilding:
      return "buildings";
    case RecordKind::kInspection:
      return "inspections";
    case RecordKind::kPhoto:
      return "photos";
    case RecordKind::kRectification:
      return "rectifications";
    case RecordKind::kVisit:
      return "visits";
  }
  return "buildings";  // unreachable: the switch covers every kind (-Wswitch checks it)
}

Result<RecordKind> kindColumn(const Statement& query, int column) {
  const std::string code = query.text(column);
  if (std::optional<RecordKind> kind = parseRecordKind(code)) return *kind;
  return Status::corruption(msg("store.unknown_kind", {{"kind", code}}));
}

Result<std::optional<StoredRow>> loadRow(Database& db, RecordKind kind, const Uuid& id) {
  // The table name comes from the fixed list above, never from input.
  const char* table = tableOfKind(kind);
  const std::string sql =
      std::string("SELECT version, server_version, payload FROM ") + table + " WHERE id = ?1";
  Result<StatementUse> query = db.cached(sql.c_str());
  if (!query) return query.status();
  Result<bool> row = (*query)->bindText(1, id).step();
  if (!row) return row.status();
  if (!*row) return std::optional<StoredRow>();
  return std::optional<StoredRow>(
      StoredRow{(*query)->version(0), (*query)->version(1), (*query)->blob(2)});
}

Status writeRecord(Database& db, const Transaction& tx, const AnyRecord& record,
                   const std::string& payload, HlcVersion version, HlcVersion serverVersion,
                   SearchIndexBatch& search) {
  return std::visit(
      [&](const auto& r) -> Status {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Building>)
          return writeBuilding(db, r, payload, version, serverVersion, search);
        else if constexpr (std::is_same_v<T, Inspection>)
          return writeInspection(db, tx, r, payload, version, serverVersion);
        else if constexpr (std::is_same_v<T, PhotoRecord>)
          return writePhoto(db, tx, r, payload, version, serverVersion);
        else if constexpr (std::is_same_v<T, Rectification>)
          return writeRectification(db, tx, r, payload, version, serverVersion);
        else
          return writeVisit(db, tx, r, payload, version, serverVersion);
      },
      record);
}

Status raiseServerVersion(Database& db, const Transaction&, RecordKind kind, const Uuid& id,
                          HlcVersion serverVersion) {
  const char* table = tableOfKind(kind);
  const std::string sql = std::string("UPDATE ") + table +
                          " SET server_version = max(server_version, ?2) WHERE id = ?1";
  Result<StatementUse> update = db.cached(sql.c_str());
  if (!update) return update.status();
  return (*update)->bindText(1, id).bindVersion(2, serverVersion).run();
}

Result<HlcVersion> maxStoredVersion(Database& db) {
  Result<std::int64_t> max = db.queryInt(
      "SELECT max(coalesce((SELECT max(version) FROM buildings), 0), "
      "coalesce((SELECT max(version) FROM inspections), 0), "
      "coalesce((SELECT max(version) FROM photos), 0), "
      "coalesce((SELECT max(version) FROM rectifications), 0), "
      "coalesce((SELECT max(version) FROM visits), 0), "
      "coalesce((SELECT max(version) FROM outbox), 0), "
      "coalesce((SELECT max(max(losing_version, winning_version)) FROM conflicts), 0))");
  if (!max) return max.status();
  return static_cast<HlcVersion>(*max);
}

}  // namespace anju::store
