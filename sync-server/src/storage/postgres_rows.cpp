#include "storage/postgres_rows.h"

namespace anju::server {

StoredRecord readPgRecordRow(const PgResult& result, int row, int first) {
  StoredRecord r;
  r.kind = result.text(row, first);
  r.id = result.text(row, first + 1);
  r.region = {result.text(row, first + 2), result.text(row, first + 3),
              result.text(row, first + 4)};
  r.buildingId = result.text(row, first + 5);
  r.inspectionId = result.text(row, first + 6);
  r.sha256 = result.text(row, first + 7);
  r.version = static_cast<HlcVersion>(result.int64(row, first + 8));
  r.seq = result.int64(row, first + 9);
  r.payload = result.bytes(row, first + 10);
  return r;
}

Result<std::optional<StoredRecord>> selectPgRecord(PgConnection& db, const std::string& kind,
                                                   const Uuid& id) {
  PgParams params;
  params.text(kind).text(id);
  Result<PgResult> result = db.query(
      std::string("SELECT ") + kPgRecordColumns + " FROM records WHERE kind = $1 AND id = $2",
      params);
  if (!result) return result.status();
  if (result->rows() == 0) return std::optional<StoredRecord>();
  return std::optional<StoredRecord>(readPgRecordRow(*result, 0));
}

}  // namespace anju::server
