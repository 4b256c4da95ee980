// Row <-> struct helpers of the record tables, shared by SqlStorage, its transactions and the
// layers above storage that read records inside a transaction (the register's commit hook).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/server_storage.h"
#include "storage/sql_driver.h"

namespace anju::server {

/// Column list matching readRecordRow's order.
inline constexpr const char* kRecordColumns =
    "kind, id, district, street, community, building_id, inspection_id, sha256, version, seq, "
    "payload";

/// `kind`'s code as an SQL string literal ('photo'), for SQL text that must name a kind itself:
/// a query the planner has to match against a partial index (WHERE kind = 'photo'), or DDL.
std::string kindLiteral(RecordKind kind);

/// Reads the kRecordColumns starting at column `first`; corruption for a kind code this build
/// does not know (only a foreign writer could have stored one).
Result<StoredRecord> readRecordRow(const SqlRows& rows, int first = 0);
/// Runs `sql`, whose columns are kRecordColumns, and reads every row.
Result<std::vector<StoredRecord>> collectRecords(SqlSession& session, const std::string& sql,
                                                 const SqlParams& params);
Result<std::optional<StoredRecord>> selectRecord(SqlSession& session, RecordKind kind,
                                                 const Uuid& id);
/// Every current record of one house (see ServerStorage::houseRecords).
Result<std::vector<StoredRecord>> selectHouseRecords(SqlSession& session, const Uuid& buildingId);

/// Runs `sql` and maps every row with `read(const SqlRows&) -> Result<T>`: the first row it
/// refuses ends the query with its status.
template <typename T, typename Read>
Result<std::vector<T>> collectCheckedRows(SqlSession& session, const std::string& sql,
                                          const SqlParams& params, Read read) {
  std::vector<T> out;
  Result<std::unique_ptr<SqlRows>> rows = session.query(sql, params);
  if (!rows) return rows.status();
  while (true) {
    Result<bool> row = (*rows)->next();
    if (!row) return row.status();
    if (!*row) return out;
    Result<T> value = read(**rows);
    if (!value) return value.status();
    out.push_back(std::move(*value));
  }
}

/// Runs `sql` and maps every row with `read(const SqlRows&)`.
template <typename Read>
auto collectRows(SqlSession& session, const std::string& sql, const SqlParams& params, Read read)
    -> Result<std::vector<decltype(read(std::declval<const SqlRows&>()))>> {
  using Row = decltype(read(std::declval<const SqlRows&>()));
  return collectCheckedRows<Row>(
      session, sql, params, [&read](const SqlRows& rows) -> Result<Row> { return read(rows); });
}

/// The kind code in `column` of the current row; corruption for a code this build does not
/// know (only a foreign writer could have stored one). `id` names the row in the error.
Result<RecordKind> kindColumn(const SqlRows& rows, int column, const std::string& id);

/// The first row of `sql` mapped with `read`, nullopt when there is none.
template <typename Read>
auto firstRow(SqlSession& session, const std::string& sql, const SqlParams& params, Read read)
    -> Result<std::optional<decltype(read(std::declval<const SqlRows&>()))>> {
  using Row = decltype(read(std::declval<const SqlRows&>()));
  Result<std::unique_ptr<SqlRows>> rows = session.query(sql, params);
  if (!rows) return rows.status();
  Result<bool> row = (*rows)->next();
  if (!row) return row.status();
  if (!*row) return std::optional<Row>();
  return std::optional<Row>(read(**rows));
}

}  // namespace anju::server
