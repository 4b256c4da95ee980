#include "storage/storage_factory.h"

#include <filesystem>
#include <system_error>

#include "anju/message.h"
#include "storage/sqlite_driver.h"

namespace anju::server {

std::optional<StorageBackend> parseStorageBackend(std::string_view name) {
  if (name == "sqlite") return StorageBackend::kSqlite;
  if (name == "postgres") return StorageBackend::kPostgres;
  return std::nullopt;
}

Result<std::unique_ptr<SqlDriver>> openSqlDriver(StorageBackend backend, const std::string& dataDir,
                                                 const PostgresOptions& postgres) {
  if (backend == StorageBackend::kPostgres) {
    if (postgres.conninfo.empty())
      return Status::invalidArgument(msg("cli.postgres_conninfo_required"));
    Result<std::unique_ptr<PostgresDriver>> pg = PostgresDriver::open(postgres);
    if (!pg) return pg.status();
    return std::unique_ptr<SqlDriver>(std::move(pg).value());
  }
  std::error_code ec;
  std::filesystem::create_directories(dataDir, ec);
  if (ec)
    return Status::ioError(
        msg("storage.cannot_create_data_dir", {{"path", dataDir}, {"detail", ec.message()}}));
  Result<std::unique_ptr<SqliteDriver>> sqlite =
      SqliteDriver::open((std::filesystem::path(dataDir) / "anju.db").string());
  if (!sqlite) return sqlite.status();
  return std::unique_ptr<SqlDriver>(std::move(sqlite).value());
}

}  // namespace anju::server
