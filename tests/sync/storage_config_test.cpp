// Choosing the storage backend from the config file and flags, and how the PostgreSQL storage fails
// before any database is involved (no PostgreSQL server needed).
#include <gtest/gtest.h>

#include <cstdio>

#include "cli/commands.h"
#include "server_process.h"
#include "service/indexed_storage.h"

namespace anju::server {
namespace {

TEST(StorageConfig, SqliteIsTheDefaultAndNeedsADataDir) {
  Result<CliArgs> args = CliArgs::parse({"--data", "/tmp/x"}, {});
  ASSERT_TRUE(args.isOk());
  Result<ServerConfig> config = resolveConfig(*args);
  ASSERT_TRUE(config.isOk()) << config.status().toString();
  EXPECT_EQ(config->storage, StorageBackend::kSqlite);
  EXPECT_FALSE(resolveConfig(*CliArgs::parse({}, {})).isOk());
}

TEST(StorageConfig, PostgresFlagSelectsPostgresWithoutADataDir) {
  Result<CliArgs> args = CliArgs::parse({"--postgres", "host=db dbname=anju"}, {});
  ASSERT_TRUE(args.isOk());
  Result<ServerConfig> config = resolveConfig(*args);
  ASSERT_TRUE(config.isOk()) << config.status().toString();
  EXPECT_EQ(config->storage, StorageBackend::kPostgres);
  EXPECT_EQ(config->postgres.conninfo, "host=db dbname=anju");
}

TEST(StorageConfig, FileKeysSelectPostgresAndStorageWithoutConnectionStringIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/server.conf";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(
      "storage = postgres\npostgres = host=127.0.0.1 port=5433 dbname=anju\n"
      "postgres_pool_size = 3\n",
      f);
  std::fclose(f);
  ServerConfig config;
  ASSERT_TRUE(loadConfigFile(path, config).isOk());
  EXPECT_EQ(config.storage, StorageBackend::kPostgres);
  EXPECT_EQ(config.postgres.conninfo, "host=127.0.0.1 port=5433 dbname=anju");
  EXPECT_EQ(config.postgres.poolSize, 3);

  ServerConfig bad;
  EXPECT_FALSE(applyConfigValue("storage", "mysql", bad).isOk());
  EXPECT_FALSE(applyConfigValue("postgres_pool_size", "0", bad).isOk());
  ASSERT_TRUE(applyConfigValue("storage", "postgres", bad).isOk());
  const Status missing = openStorage(bad.storage, "", bad.postgres).status();
  EXPECT_EQ(missing.code(), StatusCode::kInvalidArgument);
}

// Photos follow the database unless photo_store says otherwise (docs/sync-server.md).
TEST(StorageConfig, PhotoStoreIsTheDatabaseWithPostgresAndTheFolderWithSqlite) {
  auto resolve = [](std::vector<std::string> flags) {
    Result<CliArgs> args = CliArgs::parse(flags, {});
    EXPECT_TRUE(args.isOk());
    return resolveConfig(*args);
  };
  Result<ServerConfig> sqlite = resolve({"--data", "/tmp/x"});
  ASSERT_TRUE(sqlite.isOk());
  EXPECT_EQ(effectivePhotoStore(*sqlite), PhotoStoreKind::kFiles);
  Result<ServerConfig> postgres = resolve({"--postgres", "host=db dbname=anju"});
  ASSERT_TRUE(postgres.isOk());
  EXPECT_EQ(effectivePhotoStore(*postgres), PhotoStoreKind::kDatabase);
  Result<ServerConfig> kept =
      resolve({"--postgres", "host=db dbname=anju", "--photo-store", "files", "--data", "/srv"});
  ASSERT_TRUE(kept.isOk());
  EXPECT_EQ(effectivePhotoStore(*kept), PhotoStoreKind::kFiles);
  Result<ServerConfig> bad = resolve({"--data", "/tmp/x", "--photo-store", "s3"});
  ASSERT_FALSE(bad.isOk());
  EXPECT_NE(bad.status().toString().find("photo_store"), std::string::npos)
      << bad.status().toString();

  // The database store needs PostgreSQL: on SQLite, serve refuses to start and says why.
  testing::TempDir dir;
  const testing::CliResult refused =
      testing::runCli({"serve", "--data", dir.path(), "--port", "0", "--photo-store", "database"});
  EXPECT_EQ(refused.exitCode, 1);
  EXPECT_NE(refused.err.find("photo_store = database"), std::string::npos) << refused.err;
}

TEST(StorageConfig, MalformedConnectionStringIsRefusedWithoutEchoingIt) {
  const Status s =
      openStorage(StorageBackend::kPostgres, "", {"host=db password hunter2", 1, {}}).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().find("hunter2"), std::string::npos) << s.message();
}

TEST(StorageConfig, UnreachableDatabaseIsUnavailableSoClientsRetry) {
  // Port 1 on loopback refuses at once: the same path as a PostgreSQL that is down.
  const Status s =
      openStorage(StorageBackend::kPostgres, "",
                  {"host=127.0.0.1 port=1 dbname=anju user=anju password=hunter2", 1, {}})
          .status();
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(s.message().find("hunter2"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace anju::server
