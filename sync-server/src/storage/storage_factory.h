// Opens the configured database driver: embedded SQLite in <data dir>/anju.db (the default,
// zero setup) or PostgreSQL (several server processes sharing one database). The layers above
// see SqlStorage (sql_storage.h) over it; service/indexed_storage.h opens the whole stack.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/postgres_driver.h"
#include "storage/sql_driver.h"

namespace anju::server {

enum class StorageBackend { kSqlite, kPostgres };

/// "sqlite" / "postgres"; nullopt for anything else.
std::optional<StorageBackend> parseStorageBackend(std::string_view name);

/// SQLite: creates `dataDir` if needed and opens <dataDir>/anju.db. PostgreSQL: validates the
/// conninfo of `postgres` (dataDir unused); connections open on first use.
Result<std::unique_ptr<SqlDriver>> openSqlDriver(StorageBackend backend, const std::string& dataDir,
                                                 const PostgresOptions& postgres);

}  // namespace anju::server
