#include "storage/sqlite_register.h"

#include "register/register_builder.h"
#include "storage/register_sql.h"
#include "storage/sqlite_rows.h"

namespace anju::server {
namespace {

std::string sqlitePlaceholder(int n) { return "?" + std::to_string(n); }

void bindValues(SqliteStatement& stmt, const std::vector<SqlValue>& values, int first = 1) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = first + static_cast<int>(i);
    if (const auto* text = std::get_if<std::string>(&values[i]))
      stmt.bind(index, *text);
    else
      stmt.bind(index, std::get<std::int64_t>(values[i]));
  }
}

Status writeRow(SqliteConnection& db, const Uuid& buildingId,
                const std::optional<RegisterRow>& row) {
  if (!row) {
    Result<SqliteStatement> del = db.prepare("DELETE FROM house_register WHERE building_id = ?1");
    if (!del) return del.status();
    del->bind(1, buildingId);
    return del->run();
  }
  std::string placeholders;
  for (int i = 1; i <= kRegisterColumnCount; ++i)
    placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
  Result<SqliteStatement> put = db.prepare(std::string("INSERT OR REPLACE INTO house_register (") +
                                           kRegisterColumns + ") VALUES (" + placeholders + ")");
  if (!put) return put.status();
  bindValues(*put, registerRowValues(*row));
  return put->run();
}

}  // namespace

Result<std::vector<StoredRecord>> selectSqliteHouseRecords(SqliteConnection& db,
                                                           const Uuid& buildingId) {
  Result<SqliteStatement> stmt =
      db.prepare(std::string("SELECT ") + kRecordColumns +
                 " FROM records WHERE kind = 'building' AND id = ?1 UNION ALL SELECT " +
                 kRecordColumns + " FROM records WHERE building_id = ?1 AND kind <> 'building'");
  if (!stmt) return stmt.status();
  stmt->bind(1, buildingId);
  std::vector<StoredRecord> records;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    records.push_back(readRecordRow(*stmt));
  }
  return records;
}

Status refreshSqliteRegister(SqliteConnection& db, const Uuid& buildingId) {
  if (buildingId.empty()) return Status::ok();
  Result<std::vector<StoredRecord>> records = selectSqliteHouseRecords(db, buildingId);
  if (!records) return records.status();
  return writeRow(db, buildingId, buildRegisterRow(*records));
}

Status rebuildSqliteRegister(SqliteConnection& db) {
  if (Status s = db.exec("DELETE FROM house_register"); !s) return s;
  // All records grouped by house, so only one house's records are in memory at a time.
  Result<SqliteStatement> stmt =
      db.prepare(std::string("SELECT ") + kRecordColumns +
                 " FROM records ORDER BY CASE WHEN kind = 'building' THEN id ELSE building_id END");
  if (!stmt) return stmt.status();
  std::vector<StoredRecord> house;
  auto flush = [&]() -> Status {
    if (house.empty()) return Status::ok();
    const Uuid id = houseOf(house.front());
    Status s = writeRow(db, id, buildRegisterRow(house));
    house.clear();
    return s;
  };
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    StoredRecord record = readRecordRow(*stmt);
    if (!house.empty() && houseOf(house.front()) != houseOf(record)) {
      if (Status s = flush(); !s) return s;
    }
    house.push_back(std::move(record));
  }
  return flush();
}

Result<RegisterPage> querySqliteRegister(SqliteConnection& db, const RegisterFilter& filter,
                                         const std::optional<RegisterKey>& after, int limit) {
  if (limit < 1 || limit > 10000)
    return Status::invalidArgument("每页行数应为 1–10000 / limit must be 1..10000");
  const SqlWhere where = registerWhere(filter, after, sqlitePlaceholder);
  const int limitParam = static_cast<int>(where.params.size()) + 1;
  Result<SqliteStatement> stmt =
      db.prepare(std::string("SELECT ") + kRegisterColumns + " FROM house_register" + where.sql +
                 " ORDER BY " + kRegisterKeyColumns + " LIMIT ?" + std::to_string(limitParam));
  if (!stmt) return stmt.status();
  bindValues(*stmt, where.params);
  stmt->bind(limitParam, static_cast<std::int64_t>(limit) + 1);  // one more: is there a next page?
  RegisterPage page;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    if (static_cast<int>(page.rows.size()) == limit) {
      page.nextKey = keyOf(page.rows.back());
      break;
    }
    page.rows.push_back(readRegisterRow(*stmt));
  }
  return page;
}

Result<RegisterSummary> countSqliteRegister(SqliteConnection& db, const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, sqlitePlaceholder);
  Result<SqliteStatement> stmt =
      db.prepare(std::string(kRegisterCountSelect) + where.sql + kRegisterCountGroup);
  if (!stmt) return stmt.status();
  bindValues(*stmt, where.params);
  RegisterSummary summary;
  while (true) {
    Result<bool> row = stmt->step();
    if (!row) return row.status();
    if (!*row) break;
    addCountRow(*stmt, summary);
  }
  return summary;
}

}  // namespace anju::server
