#include "storage/postgres_register.h"

#include "register/register_builder.h"
#include "storage/postgres_rows.h"
#include "storage/register_sql.h"

namespace anju::server {
namespace {

std::string pgPlaceholder(int n) { return "$" + std::to_string(n); }

void addValues(PgParams& params, const std::vector<SqlValue>& values) {
  for (const SqlValue& v : values) {
    if (const auto* text = std::get_if<std::string>(&v))
      params.text(*text);
    else
      params.int64(std::get<std::int64_t>(v));
  }
}

/// One row of a PgResult seen through the text(i)/int64(i) interface of readRegisterRow.
struct PgRow {
  const PgResult& result;
  int row;
  std::string text(int column) const { return result.text(row, column); }
  std::int64_t int64(int column) const { return result.int64(row, column); }
};

Status writeRow(PgConnection& db, const Uuid& buildingId, const std::optional<RegisterRow>& row) {
  PgParams params;
  if (!row) {
    params.text(buildingId);
    return db.query("DELETE FROM house_register WHERE building_id = $1", params).status();
  }
  addValues(params, registerRowValues(*row));
  std::string placeholders, updates;
  for (int i = 1; i <= kRegisterColumnCount; ++i)
    placeholders += (i > 1 ? ", $" : "$") + std::to_string(i);
  // Every column but the key takes the new value.
  std::string columns = kRegisterColumns;
  for (std::size_t start = columns.find(", ") + 2; start < columns.size();) {
    std::size_t end = columns.find(", ", start);
    const std::string name = columns.substr(start, end == std::string::npos ? end : end - start);
    updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return db
      .query(std::string("INSERT INTO house_register (") + kRegisterColumns + ") VALUES (" +
                 placeholders + ") ON CONFLICT (building_id) DO UPDATE SET " + updates,
             params)
      .status();
}

}  // namespace

Result<std::vector<StoredRecord>> selectPgHouseRecords(PgConnection& db, const Uuid& buildingId) {
  PgParams params;
  params.text(buildingId);
  Result<PgResult> r =
      db.query(std::string("SELECT ") + kPgRecordColumns +
                   " FROM records WHERE kind = 'building' AND id = $1 UNION ALL SELECT " +
                   kPgRecordColumns + " FROM records WHERE building_id = $1 AND kind <> 'building'",
               params);
  if (!r) return r.status();
  std::vector<StoredRecord> records;
  for (int i = 0; i < r->rows(); ++i) records.push_back(readPgRecordRow(*r, i));
  return records;
}

Status refreshPgRegister(PgConnection& db, const Uuid& buildingId) {
  if (buildingId.empty()) return Status::ok();
  Result<std::vector<StoredRecord>> records = selectPgHouseRecords(db, buildingId);
  if (!records) return records.status();
  return writeRow(db, buildingId, buildRegisterRow(*records));
}

Status rebuildPgRegister(PgConnection& db) {
  if (Status s = db.exec("DELETE FROM house_register"); !s) return s;
  if (Status s = db.exec(std::string("DECLARE register_rebuild NO SCROLL CURSOR FOR SELECT ") +
                         kPgRecordColumns +
                         " FROM records ORDER BY CASE WHEN kind = 'building' THEN id "
                         "ELSE building_id END");
      !s)
    return s;
  std::vector<StoredRecord> house;
  auto flush = [&]() -> Status {
    if (house.empty()) return Status::ok();
    const Uuid id = houseOf(house.front());
    Status s = writeRow(db, id, buildRegisterRow(house));
    house.clear();
    return s;
  };
  while (true) {
    Result<PgResult> batch = db.query("FETCH 2000 FROM register_rebuild");
    if (!batch) return batch.status();
    if (batch->rows() == 0) break;
    for (int i = 0; i < batch->rows(); ++i) {
      StoredRecord record = readPgRecordRow(*batch, i);
      if (!house.empty() && houseOf(house.front()) != houseOf(record)) {
        if (Status s = flush(); !s) return s;
      }
      house.push_back(std::move(record));
    }
  }
  if (Status s = flush(); !s) return s;
  return db.exec("CLOSE register_rebuild");
}

Result<RegisterPage> queryPgRegister(PgConnection& db, const RegisterFilter& filter,
                                     const std::optional<RegisterKey>& after, int limit) {
  if (limit < 1 || limit > 10000)
    return Status::invalidArgument("每页行数应为 1–10000 / limit must be 1..10000");
  const SqlWhere where = registerWhere(filter, after, pgPlaceholder);
  PgParams params;
  addValues(params, where.params);
  params.int64(static_cast<std::int64_t>(limit) + 1);  // one more: is there a next page?
  Result<PgResult> r = db.query(std::string("SELECT ") + kRegisterColumns + " FROM house_register" +
                                    where.sql + " ORDER BY " + kRegisterKeyColumns + " LIMIT " +
                                    pgPlaceholder(static_cast<int>(where.params.size()) + 1),
                                params);
  if (!r) return r.status();
  RegisterPage page;
  for (int i = 0; i < r->rows(); ++i) {
    if (static_cast<int>(page.rows.size()) == limit) {
      page.nextKey = keyOf(page.rows.back());
      break;
    }
    page.rows.push_back(readRegisterRow(PgRow{*r, i}));
  }
  return page;
}

Result<RegisterSummary> countPgRegister(PgConnection& db, const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, pgPlaceholder);
  PgParams params;
  addValues(params, where.params);
  Result<PgResult> r =
      db.query(std::string(kRegisterCountSelect) + where.sql + kRegisterCountGroup, params);
  if (!r) return r.status();
  RegisterSummary summary;
  for (int i = 0; i < r->rows(); ++i) addCountRow(PgRow{*r, i}, summary);
  return summary;
}

}  // namespace anju::server
