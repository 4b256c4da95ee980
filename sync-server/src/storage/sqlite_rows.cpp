#include "storage/sqlite_rows.h"

namespace anju::server {

StoredRecord readRecordRow(const SqliteStatement& stmt) {
  StoredRecord r;
  r.kind = stmt.text(0);
  r.id = stmt.text(1);
  r.region = {stmt.text(2), stmt.text(3), stmt.text(4)};
  r.buildingId = stmt.text(5);
  r.inspectionId = stmt.text(6);
  r.sha256 = stmt.text(7);
  r.version = static_cast<HlcVersion>(stmt.int64(8));
  r.seq = stmt.int64(9);
  r.payload = stmt.blob(10);
  return r;
}

Result<std::optional<StoredRecord>> selectRecord(SqliteConnection& db, const std::string& kind,
                                                 const Uuid& id) {
  Result<SqliteStatement> stmt = db.prepare(std::string("SELECT ") + kRecordColumns +
                                            " FROM records WHERE kind = ?1 AND id = ?2");
  if (!stmt) return stmt.status();
  stmt->bind(1, kind).bind(2, id);
  Result<bool> row = stmt->step();
  if (!row) return row.status();
  if (!*row) return std::optional<StoredRecord>();
  return std::optional<StoredRecord>(readRecordRow(*stmt));
}

}  // namespace anju::server
