// The PostgreSQL schema as numbered migrations, applied in order on open. The one-row table
// schema_version holds the number applied; a database newer than this build is refused. Several
// server processes may start at once: migrations run under a transaction-level advisory lock.
#pragma once

#include "anju/status.h"
#include "storage/postgres_connection.h"

namespace anju::server {

/// Advisory lock keys (the single-bigint key space; 0x616e6a75 is "anju").
/// Held by every SyncTransaction from begin to commit, see postgres_storage.h.
inline constexpr std::int64_t kWriteLockKey = 0x616e6a7500000001;
/// Held while migrations are checked and applied.
inline constexpr std::int64_t kMigrationLockKey = 0x616e6a7500000002;

Status migratePostgresSchema(PgConnection& db);

}  // namespace anju::server
