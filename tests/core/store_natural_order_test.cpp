// The tablet's house list puts house numbers in natural order (issue 11: 12号, 13号, 1号, 20号
// was the byte order), on every page of the keyset walk and after upgrading an older database.
#include "anju/record_codec.h"
#include "old_schema_support.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::TempDir;

const std::vector<std::string> kShuffled = {"光明街12号", "光明街13号", "光明街1号",
                                            "光明街20号", "光明街2号",  "光明街3号"};
const std::vector<std::string> kNatural = {"光明街1号",  "光明街2号",  "光明街3号",
                                           "光明街12号", "光明街13号", "光明街20号"};

std::vector<std::string> addressesPageByPage(Store& store, int pageSize) {
  std::vector<std::string> out;
  std::optional<BuildingSummary> after;
  for (;;) {
    Result<std::vector<BuildingSummary>> page = store.listBuildings({}, pageSize, after);
    EXPECT_TRUE(page.isOk()) << page.status().toString();
    if (!page.isOk() || page->empty()) return out;
    for (const BuildingSummary& s : *page) out.push_back(s.address);
    after = page->back();
  }
}

TEST(StoreNaturalOrder, HouseNumbersListInNaturalOrderOnEveryPage) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  ASSERT_TRUE(store);
  std::vector<Building> batch;
  for (const std::string& a : kShuffled) batch.push_back(makeBuilding(a));
  ASSERT_TRUE(store->putBuildings(batch, "admin").isOk());
  EXPECT_EQ(addressesPageByPage(*store, 100), kNatural);
  EXPECT_EQ(addressesPageByPage(*store, 2), kNatural);
}

TEST(StoreNaturalOrder, RenamedHouseMovesToItsNaturalPlace) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  ASSERT_TRUE(store);
  std::vector<Building> batch;
  for (const char* a : {"光明街2号", "光明街3号"}) batch.push_back(makeBuilding(a));
  ASSERT_TRUE(store->putBuildings(batch, "admin").isOk());
  batch[1].address = "光明街10号";
  ASSERT_TRUE(store->putBuildings(std::vector<Building>{batch[1]}, "admin").isOk());
  EXPECT_EQ(addressesPageByPage(*store, 1), (std::vector<std::string>{"光明街2号", "光明街10号"}));
}

TEST(StoreNaturalOrder, UpgradedDatabaseListsInNaturalOrder) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {
    // Houses written by a build that knew schema 3 (no sort key column yet).
    Result<std::unique_ptr<store::Database>> db = store::Database::open(path);
    ASSERT_TRUE(db.isOk()) << db.status().toString();
    ASSERT_TRUE(store::migrate(**db, 3).isOk());
    for (const std::string& address : kShuffled) {
      testing::insertOldSchemaBuilding(**db, makeBuilding(address));
      if (HasFatalFailure()) return;
    }
  }
  auto store = testing::openStore(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(addressesPageByPage(*store, 4), kNatural);
}

}  // namespace
}  // namespace anju
