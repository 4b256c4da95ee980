// How a house's visits (走访) become its register columns: every attempt counted, not-home and
// refused counted apart, the latest (by time, then id) is the last outcome.
#include "register/visit_tally.h"

#include <gtest/gtest.h>

#include "anju/record_codec.h"
#include "register/register_builder.h"

namespace anju::server {
namespace {

Visit knock(const std::string& id, TimestampMs at, VisitOutcome outcome) {
  Visit v;
  v.id = id;
  v.buildingId = "b1";
  v.inspector = "demo";
  v.visitedAt = at;
  v.outcome = outcome;
  return v;
}

StoredRecord stored(const AnyRecord& record) {
  StoredRecord s;
  s.kind = recordKind(record);
  s.id = recordId(record);
  s.buildingId = s.kind == RecordKind::kBuilding ? "" : "b1";
  s.payload = encodeRecord(record);
  return s;
}

TEST(VisitTally, CountsEveryAttemptAndKeepsTheLatestOutcome) {
  VisitTally t;
  t.add(knock("v3", 3000, VisitOutcome::kNobodyHome));  // arrival order is not time order
  t.add(knock("v1", 1000, VisitOutcome::kNobodyHome));
  t.add(knock("v2", 2000, VisitOutcome::kRefusedEntry));
  EXPECT_EQ(t.visits, 3);
  EXPECT_EQ(t.nobodyHome, 2);
  EXPECT_EQ(t.refused, 1);
  EXPECT_EQ(t.lastOutcome, "nobody_home");
  EXPECT_EQ(t.lastVisitedAt, 3000);
  t.add(knock("v0", 3000, VisitOutcome::kInspected));  // same time: the larger id stays last
  EXPECT_EQ(t.lastOutcome, "nobody_home");
  t.add(knock("v9", 3000, VisitOutcome::kGoneOrNotFound));
  EXPECT_EQ(t.lastOutcome, "gone_or_not_found");
  EXPECT_EQ(t.visits, 5);
}

TEST(VisitTally, RegisterRowCarriesTheVisitColumns) {
  Building b;
  b.id = "b1";
  b.region = {"临江区", "城南街道", "和平社区"};
  b.address = "幸福路12号";
  std::vector<StoredRecord> records = {stored(b)};
  for (int i = 0; i < 3; ++i)
    records.push_back(stored(knock("v" + std::to_string(i), 1000 + i, VisitOutcome::kNobodyHome)));
  const std::optional<RegisterRow> row = buildRegisterRow(records);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->visitCount, 3);
  EXPECT_EQ(row->nobodyHomeCount, 3);
  EXPECT_EQ(row->refusedCount, 0);
  EXPECT_EQ(row->lastVisitOutcome, "nobody_home");
  EXPECT_EQ(row->lastVisitedAt, 1002);
  EXPECT_FALSE(row->visited());  // knocked, never inspected
}

}  // namespace
}  // namespace anju::server
