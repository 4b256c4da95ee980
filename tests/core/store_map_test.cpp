// Store::listMapHouses: every house with its GPS, owner and latest judgment, for the map page.
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::makeInspection;
using testing::TempDir;

TEST(StoreMap, ListsEveryHouseWithLocationOwnerAndLatestJudgment) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  ASSERT_TRUE(store);
  Building located = makeBuilding("幸福路1号");
  located.location = GeoPoint{30.6012, 114.3034, 6.0};
  located.ownerContact = "13912345678";
  Building unlocated = makeBuilding("幸福路2号");
  ASSERT_TRUE(store->putBuildings(std::vector<Building>{located, unlocated}, "admin").isOk());
  Inspection in = makeInspection(located.id);
  in.review = ReviewState::kSubmitted;
  in.submittedAt = in.startedAt + 1000;
  ASSERT_TRUE(store->putInspection(in, "li.si").isOk());

  auto houses = store->listMapHouses();
  ASSERT_TRUE(houses.isOk()) << houses.status().toString();
  ASSERT_EQ(houses->size(), 2u);
  const MapHouse& first = (*houses)[0];  // list order: by address
  EXPECT_EQ(first.summary.id, located.id);
  ASSERT_TRUE(first.location.has_value());
  EXPECT_DOUBLE_EQ(first.location->latitude, 30.6012);
  EXPECT_DOUBLE_EQ(first.location->longitude, 114.3034);
  EXPECT_EQ(first.ownerName, "张三");
  EXPECT_EQ(first.ownerContact, "13912345678");
  EXPECT_EQ(first.summary.judgment, PreliminaryJudgment::kSerious);
  EXPECT_EQ(first.summary.review, ReviewState::kSubmitted);
  const MapHouse& second = (*houses)[1];
  EXPECT_EQ(second.summary.id, unlocated.id);
  EXPECT_FALSE(second.location.has_value());
  EXPECT_FALSE(second.summary.review.has_value());
}

TEST(StoreMap, AnEmptyStoreHasNoHouses) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  ASSERT_TRUE(store);
  auto houses = store->listMapHouses();
  ASSERT_TRUE(houses.isOk());
  EXPECT_TRUE(houses->empty());
}

}  // namespace
}  // namespace anju
