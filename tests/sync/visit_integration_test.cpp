// Visits (走访) through the real server, on every storage backend: pushed by the inspector,
// counted in the register ("visited 3 times, never home"), listed on the console's house page
// and in the CSV register, pulled back, and refused outside the inspector's regions or when
// malformed; a reviewer of another region cannot see them.
#include <nlohmann/json.hpp>

#include "anju/uuid.h"
#include "anju/visits.h"
#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

constexpr TimestampMs kMonday = 1780272000000;  // 2026-06-01 08:00 in China

Visit makeVisit(const Uuid& buildingId, VisitOutcome outcome, TimestampMs at) {
  Visit v;
  v.id = newUuid();
  v.buildingId = buildingId;
  v.inspector = "demo";
  v.visitedAt = at;
  v.outcome = outcome;
  v.location = GeoPoint{30.27, 120.15, 12.0};
  v.note = "敲门无人应答";
  return v;
}

class Visits : public SyncServerTest {
 protected:
  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  json registerRow(const std::string& token, const Uuid& buildingId) {
    const json rows = body(client().get("/console/api/houses?limit=500", token))["rows"];
    for (const json& row : rows)
      if (row["building_id"] == buildingId) return row;
    return nullptr;
  }
};

TEST_P(Visits, ThreeTimesNobodyHomeIsCountedInTheRegisterAndListedOnTheHousePage) {
  const Uuid house = ownBuilding().record_id();
  std::vector<v1::Change> changes;
  for (int day = 0; day < 3; ++day)
    changes.push_back(
        makeChange(makeVisit(house, VisitOutcome::kNobodyHome, kMonday + day * 24LL * 3600 * 1000),
                   1000 + day, 0));
  const v1::PushResponse pushed = client().push(m_demoToken, makePush(changes));
  ASSERT_EQ(pushed.results_size(), 3);
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();

  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewer.empty());
  const json row = registerRow(reviewer, house);
  ASSERT_FALSE(row.is_null());
  EXPECT_EQ(row["visit_count"], 3);
  EXPECT_EQ(row["nobody_home_count"], 3);
  EXPECT_EQ(row["refused_count"], 0);
  EXPECT_EQ(row["last_visit_outcome"]["code"], "nobody_home");
  EXPECT_EQ(row["last_visit_outcome"]["zh"], "无人在家");
  EXPECT_EQ(row["last_visited_at"], kMonday + 2 * 24LL * 3600 * 1000);

  const json page = body(client().get("/console/api/houses/" + house, reviewer));
  ASSERT_EQ(page["visits"].size(), 3u);
  EXPECT_EQ(page["visits"][0]["visited_at"], kMonday + 2 * 24LL * 3600 * 1000);  // newest first
  EXPECT_EQ(page["visits"][0]["outcome"]["zh"], "无人在家");
  EXPECT_EQ(page["visits"][0]["note"], "敲门无人应答");
  EXPECT_EQ(page["visits"][0]["inspector"], "demo");

  // The exported register carries the counts as columns.
  const Reply csv = client().get("/v1/exports/register.csv", reviewer);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("走访次数,无人在家次数,拒绝入户次数,最近走访结果"), std::string::npos);
  EXPECT_NE(csv.body.find(",3,3,0,无人在家,2026-06-03 08:00"), std::string::npos);

  // Then the house is reached: the inspection's visit becomes the last outcome.
  Visit inspected = makeVisit(house, VisitOutcome::kInspected, kMonday + 3 * 24LL * 3600 * 1000);
  inspected.inspectionId = newUuid();
  ASSERT_EQ(
      client().push(m_demoToken, makePush({makeChange(inspected, 2000, 0)})).results(0).outcome(),
      v1::ChangeResult::APPLIED);
  const json after = registerRow(reviewer, house);
  EXPECT_EQ(after["visit_count"], 4);
  EXPECT_EQ(after["last_visit_outcome"]["code"], "inspected");
}

TEST_P(Visits, ReviewerOfAnotherRegionGets403AndDoesNotSeeTheCounts) {
  const Uuid house = ownBuilding().record_id();
  ASSERT_EQ(
      client()
          .push(m_demoToken, makePush({makeChange(
                                 makeVisit(house, VisitOutcome::kRefusedEntry, kMonday), 1000, 0)}))
          .results(0)
          .outcome(),
      v1::ChangeResult::APPLIED);
  const CliResult add = runCli(
      {"user", "add", "north", "--role", "reviewer", "--password-stdin", "--data", dataDir()},
      "north1234\n");
  ASSERT_EQ(add.exitCode, 0) << add.err;
  ASSERT_EQ(
      runCli({"assign", "north", "--region", "临江区/城北街道", "--data", dataDir()}).exitCode, 0);
  const std::string north = client().consoleLogin("north", "north1234");
  ASSERT_FALSE(north.empty());
  EXPECT_EQ(client().get("/console/api/houses/" + house, north).status, 403);
  EXPECT_TRUE(registerRow(north, house).is_null());
}

TEST_P(Visits, InspectorCannotRecordAVisitOutsideTheirRegion) {
  const v1::PushResponse r = client().push(
      m_demoToken,
      makePush({makeChange(
          makeVisit(foreignBuilding().record_id(), VisitOutcome::kNobodyHome, kMonday), 1000, 0)}));
  ASSERT_EQ(r.results(0).outcome(), v1::ChangeResult::REJECTED);
  EXPECT_EQ(r.results(0).reason_id(), "push.forbidden_region");
  EXPECT_EQ(r.results(0).reason(), "不在您负责的区域");
}

TEST_P(Visits, MalformedVisitIsRejectedNamingTheFieldAndNothingIsStored) {
  Visit bad = makeVisit(ownBuilding().record_id(), VisitOutcome::kNobodyHome, kMonday);
  bad.inspector = "";
  bad.inspectionId = newUuid();  // a "nobody home" visit cannot name an inspection
  const v1::PushResponse r = client().push(m_demoToken, makePush({makeChange(bad, 1000, 0)}));
  ASSERT_EQ(r.results(0).outcome(), v1::ChangeResult::REJECTED);
  std::vector<std::string> fields;
  for (const v1::FieldProblem& f : r.results(0).fields()) fields.push_back(f.field());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "inspector"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "inspection_id"), fields.end());
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) EXPECT_NE(c.kind(), "visit");
}

TEST_P(Visits, PushedVisitIsPulledBackByTheRegionsInspector) {
  const Visit v = makeVisit(ownBuilding().record_id(), VisitOutcome::kGoneOrNotFound, kMonday);
  ASSERT_EQ(client().push(m_demoToken, makePush({makeChange(v, 1000, 0)})).results(0).outcome(),
            v1::ChangeResult::APPLIED);
  bool found = false;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
    if (c.record_id() != v.id) continue;
    found = true;
    EXPECT_EQ(c.kind(), "visit");
    EXPECT_EQ(c.record().visit().outcome(), "gone_or_not_found");
  }
  EXPECT_TRUE(found);
}

// End to end through core's sync client: tablet A knocks twice (nobody home, then refused),
// submits an inspection on the third visit (the 已排查 visit goes with it); the register counts
// all three, and tablet B, after its pull, shows the same last visit in its house list.
TEST_P(Visits, TabletVisitsSyncToTheRegisterAndToAnotherTablet) {
  TestTablet a(dataDir(), "tablet-a", server().port());
  TestTablet b(dataDir(), "tablet-b", server().port());
  a.signInAndSync();
  b.signInAndSync();
  const Uuid house = ownBuilding().record_id();
  const TimestampMs now = systemNowMs();
  ASSERT_TRUE(
      a.store()
          .putVisit(makeVisit(house, VisitOutcome::kNobodyHome, now - 2 * 3600 * 1000), "demo")
          .isOk());
  ASSERT_TRUE(
      a.store()
          .putVisit(makeVisit(house, VisitOutcome::kRefusedEntry, now - 3600 * 1000), "demo")
          .isOk());
  BuildingFilter toRevisit;
  toRevisit.toRevisit = true;
  EXPECT_EQ(*a.store().countBuildings(toRevisit), 1);

  Inspection in = makeInspection(house);
  in.startedAt = now - 600 * 1000;
  in.submittedAt = now;
  ASSERT_TRUE(
      a.store().putInspectionWithVisit(in, visitForSubmission(in, newUuid()), "demo").isOk());
  EXPECT_EQ(*a.store().countBuildings(toRevisit), 0);
  const SyncReport pushed = a.syncOk();
  EXPECT_EQ(pushed.rejected, 0);

  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  const json row = registerRow(reviewer, house);
  ASSERT_FALSE(row.is_null());
  EXPECT_EQ(row["visit_count"], 3);
  EXPECT_EQ(row["nobody_home_count"], 1);
  EXPECT_EQ(row["refused_count"], 1);
  EXPECT_EQ(row["last_visit_outcome"]["code"], "inspected");
  EXPECT_EQ(row["inspection_id"], in.id);

  b.syncOk();
  Result<std::vector<Visit>> onB = b.store().visitsOfBuilding(house);
  ASSERT_TRUE(onB.isOk());
  ASSERT_EQ(onB->size(), 3u);
  EXPECT_EQ(onB->front().outcome, VisitOutcome::kInspected);
  EXPECT_EQ(onB->front().inspectionId, in.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, Visits, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
