// The SQLite schema as numbered migrations, applied in order on open. PRAGMA user_version holds
// the number of migrations applied; a database newer than this build is refused.
#pragma once

#include "anju/status.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

Status migrateSqliteSchema(SqliteConnection& db);

}  // namespace anju::server
