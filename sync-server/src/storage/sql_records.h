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

/// Reads the kRecordColumns starting at column `first`.
StoredRecord readRecordRow(const SqlRows& rows, int first = 0);
Result<std::optional<StoredRecord>> selectRecord(SqlSession& session, const std::string& kind,
                                                 const Uuid& id);
/// Every current record of one house (see ServerStorage::houseRecords).
Result<std::vector<StoredRecord>> selectHouseRecords(SqlSession& session, const Uuid& buildingId);

/// Runs `sql` and maps every row with `read(const SqlRows&)`.
template <typename Read>
auto collectRows(SqlSession& session, const std::string& sql, const SqlParams& params, Read read)
    -> Result<std::vector<decltype(read(std::declval<const SqlRows&>()))>> {
  std::vector<decltype(read(std::declval<const SqlRows&>()))> out;
  Result<std::unique_ptr<SqlRows>> rows = session.query(sql, params);
  if (!rows) return rows.status();
  while (true) {
    Result<bool> row = (*rows)->next();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back(read(**rows));
  }
}

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
