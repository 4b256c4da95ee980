// The register index (house_register) on PostgreSQL: refreshing one house's row inside a write
// transaction, rebuilding all rows (migration), and the queries. Private to storage/postgres_*.
#pragma once

#include <optional>

#include "register/register_query.h"
#include "storage/postgres_connection.h"
#include "storage/server_storage.h"

namespace anju::server {

/// Every current record of one house (see ServerStorage::houseRecords).
Result<std::vector<StoredRecord>> selectPgHouseRecords(PgConnection& db, const Uuid& buildingId);
/// Recomputes the row of `buildingId` from its current records (deletes it when the building
/// record is absent). Runs inside the caller's transaction.
Status refreshPgRegister(PgConnection& db, const Uuid& buildingId);
/// Replaces every row by rows computed from the stored records, reading through a cursor so
/// memory holds one batch. Inside the caller's transaction.
Status rebuildPgRegister(PgConnection& db);

Result<RegisterPage> queryPgRegister(PgConnection& db, const RegisterFilter& filter,
                                     const std::optional<RegisterKey>& after, int limit);
Result<RegisterSummary> countPgRegister(PgConnection& db, const RegisterFilter& filter);

}  // namespace anju::server
