// The server's schema as one list of numbered migrations for both dialects, applied in order on
// open by one runner. The driver keeps the number applied (SQLite: PRAGMA user_version;
// PostgreSQL: the one-row table schema_version); a database newer than this build is refused.
// Several server processes may start at once: the driver's migration transaction excludes them.
#pragma once

#include <functional>

#include "anju/status.h"
#include "storage/sql_driver.h"

namespace anju::server {

/// Applies pending migrations in one transaction. `rebuildIndexes` (may be empty) fills the
/// derived tables from the records, inside that transaction, after the migration creating them.
Status migrateSchema(SqlDriver& driver, const std::function<Status(SqlSession&)>& rebuildIndexes);

}  // namespace anju::server
