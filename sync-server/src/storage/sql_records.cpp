#include "storage/sql_records.h"

namespace anju::server {

StoredRecord readRecordRow(const SqlRows& rows, int first) {
  StoredRecord r;
  r.kind = rows.text(first);
  r.id = rows.text(first + 1);
  r.region = {rows.text(first + 2), rows.text(first + 3), rows.text(first + 4)};
  r.buildingId = rows.text(first + 5);
  r.inspectionId = rows.text(first + 6);
  r.sha256 = rows.text(first + 7);
  r.version = static_cast<HlcVersion>(rows.int64(first + 8));
  r.seq = rows.int64(first + 9);
  r.payload = rows.bytes(first + 10);
  return r;
}

Result<std::optional<StoredRecord>> selectRecord(SqlSession& session, const std::string& kind,
                                                 const Uuid& id) {
  return firstRow(
      session,
      std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = $1 AND id = $2",
      SqlParams().text(kind).text(id), [](const SqlRows& rows) { return readRecordRow(rows); });
}

Result<std::vector<StoredRecord>> selectHouseRecords(SqlSession& session, const Uuid& buildingId) {
  return collectRows(
      session,
      std::string("SELECT ") + kRecordColumns +
          " FROM records WHERE kind = 'building' AND id = $1 UNION ALL SELECT " + kRecordColumns +
          " FROM records WHERE building_id = $1 AND kind <> 'building'",
      SqlParams().text(buildingId), [](const SqlRows& rows) { return readRecordRow(rows); });
}

}  // namespace anju::server
