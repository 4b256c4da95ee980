#include "storage/sql_records.h"

#include "anju/message.h"

namespace anju::server {

std::string kindLiteral(RecordKind kind) { return "'" + std::string(recordKindCode(kind)) + "'"; }

Result<RecordKind> kindColumn(const SqlRows& rows, int column, const std::string& id) {
  const std::string code = rows.text(column);
  if (std::optional<RecordKind> kind = parseRecordKind(code)) return *kind;
  return Status::corruption(msg("storage.unknown_kind", {{"kind", code}, {"id", id}}));
}

Result<StoredRecord> readRecordRow(const SqlRows& rows, int first) {
  StoredRecord r;
  r.id = rows.text(first + 1);
  Result<RecordKind> kind = kindColumn(rows, first, r.id);
  if (!kind) return kind.status();
  r.kind = *kind;
  r.region = {rows.text(first + 2), rows.text(first + 3), rows.text(first + 4)};
  r.buildingId = rows.text(first + 5);
  r.inspectionId = rows.text(first + 6);
  r.sha256 = rows.text(first + 7);
  r.version = static_cast<HlcVersion>(rows.int64(first + 8));
  r.seq = rows.int64(first + 9);
  r.payload = rows.bytes(first + 10);
  return r;
}

Result<std::vector<StoredRecord>> collectRecords(SqlSession& session, const std::string& sql,
                                                 const SqlParams& params) {
  return collectCheckedRows<StoredRecord>(session, sql, params,
                                          [](const SqlRows& rows) { return readRecordRow(rows); });
}

Result<std::optional<StoredRecord>> selectRecord(SqlSession& session, RecordKind kind,
                                                 const Uuid& id) {
  Result<std::vector<StoredRecord>> found = collectRecords(
      session,
      std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = $1 AND id = $2",
      SqlParams().text(recordKindCode(kind)).text(id));
  if (!found) return found.status();
  if (found->empty()) return std::optional<StoredRecord>();
  return std::optional<StoredRecord>(std::move(found->front()));
}

Result<std::vector<StoredRecord>> selectHouseRecords(SqlSession& session, const Uuid& buildingId) {
  // The kind is written into the text, not bound: the second half must match the partial index
  // records_by_building (WHERE kind <> 'building').
  const std::string building = kindLiteral(RecordKind::kBuilding);
  return collectRecords(session,
                        std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = " +
                            building + " AND id = $1 UNION ALL SELECT " + kRecordColumns +
                            " FROM records WHERE building_id = $1 AND kind <> " + building,
                        SqlParams().text(buildingId));
}

}  // namespace anju::server
