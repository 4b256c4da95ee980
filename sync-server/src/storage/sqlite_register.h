// The register index (house_register) on SQLite: refreshing one house's row inside a write
// transaction, rebuilding all rows (migration), and the queries. The caller holds the
// connection (SqliteStorage's mutex). Private to storage/sqlite_*.
#pragma once

#include <optional>

#include "register/register_query.h"
#include "storage/server_storage.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

/// Every current record of one house (see ServerStorage::houseRecords).
Result<std::vector<StoredRecord>> selectSqliteHouseRecords(SqliteConnection& db,
                                                           const Uuid& buildingId);
/// Recomputes the row of `buildingId` from its current records (deletes it when the building
/// record is absent). Runs inside the caller's transaction.
Status refreshSqliteRegister(SqliteConnection& db, const Uuid& buildingId);
/// Replaces every row by rows computed from the stored records. Inside the caller's transaction.
Status rebuildSqliteRegister(SqliteConnection& db);

Result<RegisterPage> querySqliteRegister(SqliteConnection& db, const RegisterFilter& filter,
                                         const std::optional<RegisterKey>& after, int limit);
Result<RegisterSummary> countSqliteRegister(SqliteConnection& db, const RegisterFilter& filter);

}  // namespace anju::server
