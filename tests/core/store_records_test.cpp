#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::makeInspection;
using testing::makePhoto;
using testing::makeRectification;
using testing::TempDir;

class StoreRecords : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = testing::openStore(m_dir.file("anju.db"));
    ASSERT_TRUE(m_store);
    ASSERT_TRUE(m_store->putBuilding(m_building, "li.si").isOk());
  }
  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  Building m_building = makeBuilding("幸福路12号");
};

TEST_F(StoreRecords, BuildingRoundTrips) {
  Building b = makeBuilding("和平路3号");
  b.location = GeoPoint{30.5, 114.3, 5.0};
  b.alterations = {Alteration::kAddedStorey};
  b.floorAreaM2 = 120.5;
  b.buildingCode = "420102-000123";
  ASSERT_TRUE(m_store->putBuilding(b, "li.si").isOk());
  Result<Building> back = m_store->building(b.id);
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(*back, b);
}

TEST_F(StoreRecords, InspectionRoundTripsWithItsFindings) {
  Inspection in = makeInspection(m_building.id);
  in.findings.push_back(
      {newUuid(), Component::kRoof, HazardKind::kRoofLeak, "屋面", {}, Severity::kSome, "", {}});
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "已临时支护"};
  ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  Result<Inspection> back = m_store->inspection(in.id);
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(*back, in);
  testing::RawDb raw(m_dir.file("anju.db"));
  EXPECT_EQ(raw.count("findings"), 2);
}

TEST_F(StoreRecords, PhotoRoundTrips) {
  const Inspection in = makeInspection(m_building.id);
  ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  const PhotoRecord p = makePhoto(m_building.id, in.id);
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  Result<PhotoRecord> back = m_store->photo(p.id);
  ASSERT_TRUE(back.isOk());
  EXPECT_EQ(*back, p);
}

TEST_F(StoreRecords, RectificationRoundTrips) {
  const Rectification r = makeRectification(m_building.id);
  ASSERT_TRUE(m_store->putRectification(r, "wang.wu").isOk());
  Result<std::vector<Rectification>> list = m_store->rectificationsOfBuilding(m_building.id);
  ASSERT_TRUE(list.isOk());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front(), r);
}

TEST_F(StoreRecords, InspectionsOfBuildingAreNewestFirst) {
  const Inspection older = makeInspection(m_building.id, testing::kTestNow - 86400000);
  const Inspection newer = makeInspection(m_building.id, testing::kTestNow);
  ASSERT_TRUE(m_store->putInspection(newer, "li.si").isOk());
  ASSERT_TRUE(m_store->putInspection(older, "li.si").isOk());
  Result<std::vector<Inspection>> list = m_store->inspectionsOfBuilding(m_building.id);
  ASSERT_TRUE(list.isOk());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, newer.id);
  EXPECT_EQ((*list)[1].id, older.id);
}

TEST_F(StoreRecords, PhotosOfInspectionAreInCaptureOrderAndOnlyTheirs) {
  const Inspection in = makeInspection(m_building.id);
  const Inspection other = makeInspection(m_building.id);
  ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  ASSERT_TRUE(m_store->putInspection(other, "li.si").isOk());
  const PhotoRecord second = makePhoto(m_building.id, in.id, testing::kTestNow + 2000);
  const PhotoRecord first = makePhoto(m_building.id, in.id, testing::kTestNow + 1000);
  ASSERT_TRUE(m_store->putPhoto(second, "li.si").isOk());
  ASSERT_TRUE(m_store->putPhoto(first, "li.si").isOk());
  ASSERT_TRUE(m_store->putPhoto(makePhoto(m_building.id, other.id), "li.si").isOk());
  Result<std::vector<PhotoRecord>> list = m_store->photosOfInspection(in.id);
  ASSERT_TRUE(list.isOk());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, first.id);
  EXPECT_EQ((*list)[1].id, second.id);
}

TEST_F(StoreRecords, UnknownIdIsNotFound) {
  EXPECT_EQ(m_store->building(newUuid()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(m_store->inspection(newUuid()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(m_store->photo(newUuid()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, newUuid()).status().code(),
            StatusCode::kNotFound);
}

TEST_F(StoreRecords, InspectionOfUnknownBuildingIsNotFoundAndNotStored) {
  const Inspection in = makeInspection(newUuid());
  Result<HlcVersion> saved = m_store->putInspection(in, "li.si");
  ASSERT_FALSE(saved.isOk());
  EXPECT_EQ(saved.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(m_store->inspection(in.id).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreRecords, PhotoBytesCannotBeChangedOnceSaved) {
  PhotoRecord p = makePhoto(m_building.id, "");
  ASSERT_TRUE(m_store->putPhoto(p, "li.si").isOk());
  p.sha256 = std::string(64, 'b');
  p.caption = "改过的说明";
  Result<HlcVersion> again = m_store->putPhoto(p, "li.si");
  ASSERT_FALSE(again.isOk());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(m_store->photo(p.id)->sha256, std::string(64, 'a'));
}

TEST_F(StoreRecords, ReviewStateMayNotGoBackToDraft) {
  Inspection in = makeInspection(m_building.id);
  in.review = ReviewState::kSubmitted;
  in.submittedAt = testing::kTestNow + 1000;
  ASSERT_TRUE(m_store->putInspection(in, "li.si").isOk());
  in.review = ReviewState::kDraft;
  in.submittedAt = 0;
  Result<HlcVersion> back = m_store->putInspection(in, "li.si");
  ASSERT_FALSE(back.isOk());
  EXPECT_EQ(back.status().code(), StatusCode::kConflict);
  EXPECT_EQ(m_store->inspection(in.id)->review, ReviewState::kSubmitted);
}

TEST_F(StoreRecords, RectificationStatusMayNotGoBackwards) {
  Rectification r = makeRectification(m_building.id);
  r.status = RectificationStatus::kDone;
  ASSERT_TRUE(m_store->putRectification(r, "li.si").isOk());
  r.status = RectificationStatus::kInProgress;
  EXPECT_EQ(m_store->putRectification(r, "li.si").status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace anju
