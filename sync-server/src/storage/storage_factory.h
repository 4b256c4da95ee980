// Opens the configured storage backend: embedded SQLite in <data dir>/anju.db (the default,
// zero setup) or PostgreSQL (several server processes sharing one database). The services only
// ever see the ServerStorage interface.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/postgres_storage.h"
#include "storage/server_storage.h"

namespace anju::server {

enum class StorageBackend { kSqlite, kPostgres };

/// "sqlite" / "postgres"; nullopt for anything else.
std::optional<StorageBackend> parseStorageBackend(std::string_view name);

/// SQLite: creates `dataDir` if needed and opens <dataDir>/anju.db. PostgreSQL: connects with
/// `postgres` (dataDir unused) and applies migrations. Either way the schema is current after.
Result<std::unique_ptr<ServerStorage>> openStorage(StorageBackend backend,
                                                   const std::string& dataDir,
                                                   const PostgresOptions& postgres);

}  // namespace anju::server
