#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::TempDir;

TEST(StoreAudit, RecordsWhoWhenWhereAndWhat) {
  TempDir dir;
  testing::FakeClock clock;
  auto store = testing::openStore(dir.file("anju.db"), testing::testOptions(clock));
  const Building b = makeBuilding("幸福路12号");
  Result<HlcVersion> v = store->putBuilding(b, "li.si");
  ASSERT_TRUE(v.isOk());

  Result<std::vector<AuditEntry>> trail = store->auditTrail(RecordKind::kBuilding, b.id);
  ASSERT_TRUE(trail.isOk());
  ASSERT_EQ(trail->size(), 1u);
  const AuditEntry& e = trail->front();
  EXPECT_EQ(e.actor, "li.si");
  EXPECT_EQ(e.device, "tablet-07");
  EXPECT_EQ(e.at, testing::kTestNow);
  EXPECT_EQ(e.action, "create");
  EXPECT_EQ(e.version, *v);
  EXPECT_NE(e.summary.find("幸福路12号"), std::string::npos) << e.summary;
}

TEST(StoreAudit, BuildingUpdateListsChangedFieldsOldToNew) {
  TempDir dir;
  testing::FakeClock clock;
  auto store = testing::openStore(dir.file("anju.db"), testing::testOptions(clock));
  Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  clock.now->store(testing::kTestNow + 60000);
  b.address = "幸福路14号";
  b.storeysAbove = 3;
  b.structure = StructureType::kFrame;
  ASSERT_TRUE(store->putBuilding(b, "zhao.liu").isOk());

  Result<std::vector<AuditEntry>> trail = store->auditTrail(RecordKind::kBuilding, b.id);
  ASSERT_TRUE(trail.isOk());
  ASSERT_EQ(trail->size(), 2u);
  const AuditEntry& e = (*trail)[1];
  EXPECT_EQ(e.action, "update");
  EXPECT_EQ(e.actor, "zhao.liu");
  EXPECT_EQ(e.at, testing::kTestNow + 60000);
  EXPECT_EQ(e.summary,
            "address: 幸福路12号 → 幸福路14号; storeys_above: 2 → 3; "
            "structure: brick_concrete → frame");
}

TEST(StoreAudit, OwnerContactChangeIsLoggedWithoutThePhoneNumbers) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  b.ownerContact = "13911112222";
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  const std::string summary = store->auditTrail(RecordKind::kBuilding, b.id)->back().summary;
  EXPECT_EQ(summary, "owner_contact changed");
}

TEST(StoreAudit, InspectionReviewChangeIsSummarised) {
  TempDir dir;
  auto store = testing::openStore(dir.file("anju.db"));
  const Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(store->putBuilding(b, "li.si").isOk());
  Inspection in = testing::makeInspection(b.id);
  ASSERT_TRUE(store->putInspection(in, "li.si").isOk());
  in.review = ReviewState::kSubmitted;
  in.submittedAt = testing::kTestNow + 1000;
  ASSERT_TRUE(store->putInspection(in, "li.si").isOk());
  const std::string summary = store->auditTrail(RecordKind::kInspection, in.id)->back().summary;
  EXPECT_NE(summary.find("review: draft → submitted"), std::string::npos) << summary;
}

}  // namespace
}  // namespace anju
