#include <fstream>
#include <random>

#include "core/message_test_support.h"
#include "store/migrations.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::RawDb;
using testing::TempDir;

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(StoreOpen, NewDatabaseIsMarkedAsAnjuInWalModeAtLatestSchema) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  auto store = testing::openStore(path);
  ASSERT_TRUE(store);
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA application_id"), store::kApplicationId);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), Store::latestSchemaVersion());
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
}

TEST(StoreOpen, RandomBytesAreCorruptionWithAClearMessage) {
  TempDir dir;
  const std::string path = dir.file("photo.jpg");
  std::mt19937 random(42);
  std::string bytes(64 * 1024, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  writeFile(path, bytes);

  Result<std::unique_ptr<Store>> store = Store::open(path, testing::testOptions());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_NE(wordsOf(store.status()).find("不是安居数据库"), std::string::npos);
  EXPECT_NE(wordsOf(store.status()).find("not an Anju database"), std::string::npos);
  EXPECT_EQ(readFile(path), bytes) << "a file that is not ours must be left untouched";
}

TEST(StoreOpen, AnotherApplicationsSqliteFileIsRefusedAndLeftUntouched) {
  TempDir dir;
  const std::string path = dir.file("contacts.db");
  {
    RawDb other(path);
    other.exec(
        "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES "
        "('王五', '139');");
  }
  const std::string before = readFile(path);

  Result<std::unique_ptr<Store>> store = Store::open(path, testing::testOptions());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_NE(wordsOf(store.status()).find("其他应用"), std::string::npos);
  EXPECT_NE(wordsOf(store.status()).find("another application"), std::string::npos);
  EXPECT_EQ(readFile(path), before);
}

TEST(StoreOpen, DatabaseFromANewerSchemaIsRefused) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  ASSERT_TRUE(testing::openStore(path));
  {
    RawDb raw(path);
    raw.exec("PRAGMA user_version = " + std::to_string(Store::latestSchemaVersion() + 1));
  }
  Result<std::unique_ptr<Store>> store = Store::open(path, testing::testOptions());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().code(), StatusCode::kConflict);
  EXPECT_NE(wordsOf(store.status()).find("请先升级应用"), std::string::npos);
  EXPECT_NE(wordsOf(store.status()).find("newer than this build"), std::string::npos);
}

TEST(StoreOpen, DamagedPagesGiveCorruptionNotACrash) {
  TempDir dir;
  const std::string path = dir.file("anju.db");
  {
    auto store = testing::openStore(path);
    ASSERT_TRUE(store);
    for (int i = 0; i < 200; ++i)
      ASSERT_TRUE(
          store->putBuilding(testing::makeBuilding("幸福路" + std::to_string(i) + "号"), "li.si")
              .isOk());
  }
  {
    RawDb raw(path);  // fold the WAL into the main file so the damage below hits real pages
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::string bytes = readFile(path);
  ASSERT_GT(bytes.size(), 16u * 4096);
  std::mt19937 random(7);
  // Keep the 100-byte header (so it still looks like our database) and scramble the rest.
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(random());
  writeFile(path, bytes);

  Result<std::unique_ptr<Store>> store = Store::open(path, testing::testOptions());
  if (!store.isOk()) {
    EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().toString();
    return;
  }
  Result<std::vector<BuildingSummary>> list = (*store)->listBuildings({}, 500);
  ASSERT_FALSE(list.isOk());
  EXPECT_EQ(list.status().code(), StatusCode::kCorruption) << list.status().toString();
}

}  // namespace
}  // namespace anju
