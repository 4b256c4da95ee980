#include "anju/record_codec.h"
#include "old_schema_support.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::RawDb;
using testing::TempDir;

// Builds a database as a build that only knew schema 1 would have left it, with one building
// written the way schema 1 stores it.
void createSchemaOneDatabase(const std::string& path, const Building& b) {
  Result<std::unique_ptr<store::Database>> db = store::Database::open(path);
  ASSERT_TRUE(db.isOk()) << db.status().toString();
  ASSERT_TRUE(store::migrate(**db, 1).isOk());
  testing::insertOldSchemaBuilding(**db, b);
}

TEST(StoreMigration, EachStepRecordsItsNumberInUserVersion) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  createSchemaOneDatabase(path, testing::makeBuilding("幸福路12号"));
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), 1);
  EXPECT_EQ(raw.integer("PRAGMA application_id"), store::kApplicationId);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'building_trigram'"), 0);
}

TEST(StoreMigration, SchemaOneDatabaseIsMigratedOnOpenWithDataSearchable) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  const Building b = testing::makeBuilding("幸福路12号");
  createSchemaOneDatabase(path, b);

  auto store = testing::openStore(path);
  ASSERT_TRUE(store);
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), Store::latestSchemaVersion());

  Result<Building> loaded = store->building(b.id);
  ASSERT_TRUE(loaded.isOk()) << loaded.status().toString();
  EXPECT_EQ(*loaded, b);
  for (const char* query : {"幸福路", "幸福", "和平社区"}) {
    Result<std::vector<BuildingSummary>> found = store->searchBuildings(query, 10);
    ASSERT_TRUE(found.isOk()) << found.status().toString();
    ASSERT_EQ(found->size(), 1u) << query;
    EXPECT_EQ(found->front().id, b.id);
  }
}

TEST(StoreMigration, VersionsOfMigratedDataStayBelowNewSaves) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  Building b = testing::makeBuilding("幸福路12号");
  createSchemaOneDatabase(path, b);
  testing::FakeClock clock;
  clock.now->store(testing::kTestNow - 3600 * 1000);  // the tablet's clock is an hour behind
  auto store = testing::openStore(path, testing::testOptions(clock));
  ASSERT_TRUE(store);
  b.storeysAbove = 3;
  Result<HlcVersion> version = store->putBuilding(b, "li.si");
  ASSERT_TRUE(version.isOk());
  EXPECT_GT(*version, makeHlc(testing::kTestNow, 0));
}

}  // namespace
}  // namespace anju

namespace anju {
namespace {

TEST(StoreMigration, SchemaTwoOutboxStaysPendingAndUnsyncedPhotosAreQueued) {
  testing::TempDir dir;
  const std::string path = dir.file("v2.db");
  const Building b = testing::makeBuilding("幸福路12号");
  const PhotoRecord p = testing::makePhoto(b.id, "");
  {
    Result<std::unique_ptr<store::Database>> db = store::Database::open(path);
    ASSERT_TRUE(db.isOk());
    ASSERT_TRUE(store::migrate(**db, 2).isOk());
    // A schema-2 tablet: a photo saved but never confirmed by the server, its change pending.
    ASSERT_TRUE((*db)
                    ->exec("INSERT INTO buildings (id, district, street, community, address, "
                           "structure, payload, version) VALUES ('" +
                           b.id + "', 'd', 's', 'c', 'a', 'brick_concrete', x'', 1)")
                    .isOk());
    Result<store::Statement> photo = (*db)->prepare(
        "INSERT INTO photos (id, building_id, sha256, byte_size, captured_at, payload, version) "
        "VALUES (?1, ?2, ?3, 345678, 5, ?4, 2)");
    ASSERT_TRUE(photo.isOk());
    ASSERT_TRUE(photo->bindText(1, p.id)
                    .bindText(2, b.id)
                    .bindText(3, p.sha256)
                    .bindBlob(4, encodeRecord(p))
                    .run()
                    .isOk());
    ASSERT_TRUE((*db)
                    ->exec("INSERT INTO outbox (change_id, kind, record_id, version, base_version, "
                           "payload, created_at) VALUES ('c1', 'photo', '" +
                           p.id + "', 2, 0, x'00', 5)")
                    .isOk());
  }
  auto store = testing::openStore(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->pendingOutboxCount(), 1);
  EXPECT_TRUE(store->rejectedOutbox()->empty());
  EXPECT_EQ(*store->pendingPhotoUploads(10), (std::vector<PhotoUpload>{{p.sha256, 345678}}));
}

}  // namespace
}  // namespace anju
