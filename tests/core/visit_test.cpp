// Visits (走访): validation, the record codec, the store (visit + outbox in one transaction, the
// house list's visit columns and the "to revisit" filter) and the revisit rule.
#include <gtest/gtest.h>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/validation.h"
#include "anju/visits.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::kTestNow;

Visit makeVisit(const Uuid& buildingId, VisitOutcome outcome, TimestampMs at = kTestNow) {
  Visit v;
  v.id = newUuid();
  v.buildingId = buildingId;
  v.inspector = "li.si";
  v.visitedAt = at;
  v.outcome = outcome;
  v.location = GeoPoint{30.27, 120.15, 8.0};
  v.note = "邻居说户主周日回来";
  return v;
}

bool hasField(const Status& s, const std::string& field) {
  for (const FieldError& e : s.fieldErrors())
    if (e.field == field) return true;
  return false;
}

TEST(VisitValidation, WellFormedVisitPasses) {
  EXPECT_TRUE(validateVisit(makeVisit(newUuid(), VisitOutcome::kNobodyHome), kTestNow).isOk());
}

TEST(VisitValidation, NamesEveryMissingOrWrongField) {
  Visit v;
  v.id = "not-a-uuid";
  v.location = GeoPoint{91, 0, std::nullopt};
  v.outcome = VisitOutcome::kNobodyHome;
  v.inspectionId = newUuid();  // only an inspected visit names an inspection
  const Status s = validateVisit(v, kTestNow);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  for (const char* field :
       {"id", "building_id", "inspector", "visited_at", "location.latitude", "inspection_id"})
    EXPECT_TRUE(hasField(s, field)) << field << ": " << s.toString();
}

TEST(VisitValidation, VisitMoreThanADayAheadIsRefused) {
  Visit v = makeVisit(newUuid(), VisitOutcome::kRefusedEntry, kTestNow + 2LL * 24 * 3600 * 1000);
  EXPECT_TRUE(hasField(validateVisit(v, kTestNow), "visited_at"));
  v.visitedAt = kTestNow + 3600 * 1000;  // a tablet clock an hour fast is tolerated
  EXPECT_TRUE(validateVisit(v, kTestNow).isOk());
}

TEST(VisitCodec, RoundTripKeepsEveryField) {
  Visit v = makeVisit(newUuid(), VisitOutcome::kInspected);
  v.inspectionId = newUuid();
  Result<AnyRecord> back = decodeRecord(encodeRecord(v));
  ASSERT_TRUE(back.isOk()) << back.status().toString();
  EXPECT_EQ(recordKind(*back), RecordKind::kVisit);
  EXPECT_EQ(std::get<Visit>(*back), v);
}

TEST(VisitCodec, UnknownOutcomeCodeIsADecodingErrorNamingTheField) {
  v1::Record m;
  *m.mutable_visit() = toProto(makeVisit(newUuid(), VisitOutcome::kNobodyHome));
  m.mutable_visit()->set_outcome("abducted_by_aliens");
  Result<AnyRecord> back = decodeRecord(m.SerializeAsString());
  ASSERT_FALSE(back.isOk());
  EXPECT_TRUE(hasField(back.status(), "outcome")) << back.status().toString();
}

TEST(VisitOutcomeCodes, HaveChineseLabels) {
  EXPECT_EQ(label(VisitOutcome::kNobodyHome).zh, "无人在家");
  EXPECT_EQ(label(VisitOutcome::kRefusedEntry).zh, "拒绝入户");
  EXPECT_EQ(label(VisitOutcome::kGoneOrNotFound).zh, "房屋已拆除/无法找到");
  EXPECT_EQ(parseVisitOutcome("inspected"), VisitOutcome::kInspected);
  EXPECT_EQ(parseVisitOutcome("x"), std::nullopt);
}

// 2026-06-01 00:00 UTC is Monday 08:00 in China.
TEST(RevisitRule, NextWorkingDayAfterTheVisitPlusInterval) {
  EXPECT_EQ(chinaDate(kTestNow), "2026-06-01");
  EXPECT_EQ(revisitDueDate(kTestNow, {}), "2026-06-02");  // Monday -> Tuesday
  const TimestampMs friday = kTestNow + 4LL * 24 * 3600 * 1000;
  EXPECT_EQ(revisitDueDate(friday, {}), "2026-06-08");  // Friday -> Monday, not Saturday
  EXPECT_EQ(revisitDueDate(kTestNow, RevisitRule{3}), "2026-06-05");  // Mon + 3 -> Fri
  EXPECT_EQ(revisitDueDate(kTestNow, RevisitRule{4}), "2026-06-08");  // Mon + 4 = Sat -> Mon
  // 23:30 UTC Monday is already Tuesday in China.
  EXPECT_EQ(revisitDueDate(kTestNow + 23LL * 3600 * 1000 + 1800 * 1000, {}), "2026-06-03");
}

TEST(RevisitRule, OnlyHousesNotReachedAreRevisited) {
  EXPECT_TRUE(needsRevisit(VisitOutcome::kNobodyHome));
  EXPECT_TRUE(needsRevisit(VisitOutcome::kRefusedEntry));
  EXPECT_FALSE(needsRevisit(VisitOutcome::kInspected));
  EXPECT_FALSE(needsRevisit(VisitOutcome::kGoneOrNotFound));
}

class VisitStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = m_dir.file("tablet.db");
    m_store = testing::openStore(m_path);
    ASSERT_TRUE(m_store);
    m_house = testing::makeBuilding("幸福路12号");
    ASSERT_TRUE(m_store->putBuilding(m_house, "li.si").isOk());
  }
  std::int64_t pending() { return *m_store->pendingOutboxCount(); }

  testing::TempDir m_dir;
  std::string m_path;
  std::unique_ptr<Store> m_store;
  Building m_house;
};

TEST_F(VisitStoreTest, VisitIsStoredWithItsOutboxRowAndListedNewestFirst) {
  const std::int64_t before = pending();
  const Visit first = makeVisit(m_house.id, VisitOutcome::kNobodyHome, kTestNow - 3600 * 1000);
  const Visit second = makeVisit(m_house.id, VisitOutcome::kRefusedEntry, kTestNow);
  ASSERT_TRUE(m_store->putVisit(first, "li.si").isOk());
  ASSERT_TRUE(m_store->putVisit(second, "li.si").isOk());
  EXPECT_EQ(pending(), before + 2);
  Result<std::vector<OutboxEntry>> out = m_store->pendingOutbox(100, 1 << 20);
  ASSERT_TRUE(out.isOk());
  EXPECT_EQ(out->back().kind, RecordKind::kVisit);
  EXPECT_EQ(out->back().recordId, second.id);

  Result<std::vector<Visit>> visits = m_store->visitsOfBuilding(m_house.id);
  ASSERT_TRUE(visits.isOk());
  ASSERT_EQ(visits->size(), 2u);
  EXPECT_EQ((*visits)[0], second);
  EXPECT_EQ((*visits)[1], first);
  EXPECT_EQ(m_store->auditTrail(RecordKind::kVisit, second.id)->size(), 1u);
}

TEST_F(VisitStoreTest, InvalidVisitOrUnknownHouseChangesNothing) {
  const std::int64_t before = pending();
  Visit bad = makeVisit(m_house.id, VisitOutcome::kNobodyHome);
  bad.inspector = " ";
  EXPECT_EQ(m_store->putVisit(bad, "li.si").status().code(), StatusCode::kInvalidArgument);
  const Visit orphan = makeVisit(newUuid(), VisitOutcome::kNobodyHome);
  EXPECT_EQ(m_store->putVisit(orphan, "li.si").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(pending(), before);
  EXPECT_TRUE(m_store->visitsOfBuilding(m_house.id)->empty());
}

TEST_F(VisitStoreTest, HouseListCarriesLastVisitAndFiltersHousesToRevisit) {
  const Building other = testing::makeBuilding("幸福路14号");
  const Building never = testing::makeBuilding("幸福路16号");
  ASSERT_TRUE(m_store->putBuilding(other, "li.si").isOk());
  ASSERT_TRUE(m_store->putBuilding(never, "li.si").isOk());
  ASSERT_TRUE(
      m_store->putVisit(makeVisit(m_house.id, VisitOutcome::kNobodyHome, kTestNow - 1000), "li.si")
          .isOk());
  ASSERT_TRUE(m_store->putVisit(makeVisit(m_house.id, VisitOutcome::kNobodyHome, kTestNow), "li.si")
                  .isOk());
  ASSERT_TRUE(
      m_store->putVisit(makeVisit(other.id, VisitOutcome::kNobodyHome, kTestNow - 1000), "li.si")
          .isOk());
  ASSERT_TRUE(
      m_store->putVisit(makeVisit(other.id, VisitOutcome::kInspected, kTestNow), "li.si").isOk());

  BuildingFilter toRevisit;
  toRevisit.toRevisit = true;
  Result<std::vector<BuildingSummary>> due = m_store->listBuildings(toRevisit, 10);
  ASSERT_TRUE(due.isOk()) << due.status().toString();
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().id, m_house.id);
  EXPECT_EQ(due->front().lastVisitOutcome, VisitOutcome::kNobodyHome);
  EXPECT_EQ(due->front().lastVisitedAt, kTestNow);
  EXPECT_EQ(due->front().visitCount, 2);
  EXPECT_EQ(*m_store->countBuildings(toRevisit), 1);

  toRevisit.toRevisit = false;
  EXPECT_EQ(*m_store->countBuildings(toRevisit), 2);  // reached (other) and never visited
  Result<std::vector<BuildingSummary>> all = m_store->listBuildings({}, 10);
  ASSERT_TRUE(all.isOk());
  for (const BuildingSummary& s : *all)
    if (s.id == never.id) {
      EXPECT_FALSE(s.lastVisitOutcome.has_value());
      EXPECT_EQ(s.visitCount, 0);
    }
}

TEST_F(VisitStoreTest, SubmittingWithItsVisitWritesBothOrNeither) {
  Inspection in = testing::makeInspection(m_house.id);
  in.review = ReviewState::kSubmitted;
  in.submittedAt = kTestNow;
  const std::int64_t before = pending();

  Visit wrong = visitForSubmission(in, newUuid());
  wrong.inspectionId = newUuid();
  EXPECT_EQ(m_store->putInspectionWithVisit(in, wrong, "li.si").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(pending(), before);
  EXPECT_EQ(m_store->inspection(in.id).status().code(), StatusCode::kNotFound);

  const Visit visit = visitForSubmission(in, newUuid());
  ASSERT_TRUE(m_store->putInspectionWithVisit(in, visit, "li.si").isOk());
  EXPECT_EQ(pending(), before + 2);
  Result<std::vector<Visit>> visits = m_store->visitsOfBuilding(m_house.id);
  ASSERT_EQ(visits->size(), 1u);
  EXPECT_EQ(visits->front().outcome, VisitOutcome::kInspected);
  EXPECT_EQ(visits->front().inspectionId, in.id);
  EXPECT_EQ(visits->front().visitedAt, in.submittedAt);
}

TEST_F(VisitStoreTest, PulledVisitIsAppliedWithoutOutboxAndCounted) {
  const Visit v = makeVisit(m_house.id, VisitOutcome::kRefusedEntry);
  const std::int64_t before = pending();
  Result<PullOutcome> applied = m_store->applyPulled(
      {PulledRecord{RecordKind::kVisit, v.id, 42, encodeRecord(v)}}, "cursor-1", "epoch-1");
  ASSERT_TRUE(applied.isOk()) << applied.status().toString();
  EXPECT_EQ(applied->applied, 1);
  EXPECT_EQ(pending(), before);
  Result<std::vector<BuildingSummary>> list = m_store->listBuildings({}, 10);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().lastVisitOutcome, VisitOutcome::kRefusedEntry);
}

}  // namespace
}  // namespace anju
