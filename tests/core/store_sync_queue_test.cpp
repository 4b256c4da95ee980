// Store: rejected changes and the photo upload queue (schema 3).
#include "anju/record_codec.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::TempDir;

TEST(StoreSyncQueue, RejectedChangeLeavesThePendingSetButStaysVisible) {
  TempDir dir;
  auto store = testing::openStore(dir.file("t.db"));
  const Building b = testing::makeBuilding("幸福路1号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  const OutboxEntry change = store->pendingOutbox(10, 1 << 20)->front();
  ASSERT_TRUE(store->rejectOutbox(change.changeId, "forbidden region").isOk());
  EXPECT_EQ(*store->pendingOutboxCount(), 0);
  EXPECT_TRUE(store->pendingOutbox(10, 1 << 20)->empty());
  Result<std::vector<RejectedChange>> rejected = store->rejectedOutbox();
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ(rejected->front().reason, "forbidden region");
  EXPECT_EQ(rejected->front().change.payload, change.payload);
  EXPECT_EQ(rejected->front().rejectedAt, testing::kTestNow);
  EXPECT_EQ(store->rejectOutbox(change.changeId, "again").code(), StatusCode::kNotFound);

  ASSERT_TRUE(store->discardRejected(change.changeId).isOk());
  EXPECT_TRUE(store->rejectedOutbox()->empty());
  EXPECT_EQ(store->discardRejected(change.changeId).code(), StatusCode::kNotFound);
  EXPECT_EQ(store->building(b.id)->address, "幸福路1号") << "the record itself stays";
}

TEST(StoreSyncQueue, ASaveAfterARejectionIsBasedOnWhatTheServerHas) {
  TempDir dir;
  auto store = testing::openStore(dir.file("t.db"));
  Building b = testing::makeBuilding("幸福路1号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  const OutboxEntry first = store->pendingOutbox(10, 1 << 20)->front();
  ASSERT_TRUE(store->acknowledgeOutbox(first.changeId, first.version).isOk());
  b.address = "幸福路2号";
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  const OutboxEntry second = store->pendingOutbox(10, 1 << 20)->front();
  ASSERT_TRUE(store->rejectOutbox(second.changeId, "bad").isOk());
  b.address = "幸福路3号";
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  const OutboxEntry third = store->pendingOutbox(10, 1 << 20)->front();
  EXPECT_EQ(third.baseVersion, first.version);
}

TEST(StoreSyncQueue, PhotoSaveQueuesItsBytesOncePerHashAndPulledPhotosAreNotQueued) {
  TempDir dir;
  auto store = testing::openStore(dir.file("t.db"));
  const Building b = testing::makeBuilding("幸福路1号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  PhotoRecord p1 = testing::makePhoto(b.id, "");
  PhotoRecord p2 = testing::makePhoto(b.id, "");  // the same bytes, another record
  ASSERT_TRUE(store->putPhoto(p1, "li.si").isOk());
  ASSERT_TRUE(store->putPhoto(p2, "li.si").isOk());
  EXPECT_EQ(*store->pendingPhotoUploadCount(), 1);

  PhotoRecord pulled = testing::makePhoto(b.id, "");
  pulled.sha256 = std::string(64, 'b');
  ASSERT_TRUE(store
                  ->applyPulled({{RecordKind::kPhoto, pulled.id, makeHlc(testing::kTestNow, 9),
                                  encodeRecord(pulled)}},
                                "c", "e")
                  .isOk());
  EXPECT_EQ(*store->pendingPhotoUploadCount(), 1);

  ASSERT_TRUE(store->markPhotoUploaded(p1.sha256).isOk());
  EXPECT_EQ(*store->pendingPhotoUploadCount(), 0);
  EXPECT_TRUE(store->markPhotoUploaded(p1.sha256).isOk()) << "harmless twice";
}

TEST(StoreSyncQueue, PulledVersionReplacesARecordWhoseOnlyChangeWasRejected) {
  TempDir dir;
  auto store = testing::openStore(dir.file("t.db"));
  Building b = testing::makeBuilding("幸福路1号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  ASSERT_TRUE(store->rejectOutbox(store->pendingOutbox(1, 1 << 20)->front().changeId, "x").isOk());
  b.address = "服务器地址";
  ASSERT_TRUE(store
                  ->applyPulled({{RecordKind::kBuilding, b.id,
                                  makeHlc(testing::kTestNow + 60000, 0), encodeRecord(b)}},
                                "c", "e")
                  .isOk());
  EXPECT_EQ(store->building(b.id)->address, "服务器地址");
  EXPECT_TRUE(store->openConflicts()->empty());
}

}  // namespace
}  // namespace anju
