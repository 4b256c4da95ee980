#include "storage/storage_factory.h"

#include <filesystem>
#include <system_error>

#include "storage/sqlite_storage.h"

namespace anju::server {

Result<std::unique_ptr<ServerStorage>> openStorage(const std::string& dataDir) {
  std::error_code ec;
  std::filesystem::create_directories(dataDir, ec);
  if (ec) return Status::ioError("无法创建数据目录 / cannot create data dir " + dataDir + ": " +
                                 ec.message());
  Result<std::unique_ptr<SqliteStorage>> sqlite =
      SqliteStorage::open((std::filesystem::path(dataDir) / "anju.db").string());
  if (!sqlite) return sqlite.status();
  return std::unique_ptr<ServerStorage>(std::move(sqlite).value());
}

}  // namespace anju::server
