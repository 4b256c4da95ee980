// A house moved to another region (its building re-pushed with another street and community)
// takes its inspections, photos, rectifications, visits and console history with it in the same
// transaction (issue 12 §6b), against the real server on every storage backend: the old region's
// reviewer loses the house at once — house page, photo, review actions, audit view, CSV export —
// the new region's reviewer gains it, and the new region's inspectors pull its records.
#include <nlohmann/json.hpp>

#include "anju/uuid.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

class RegionMove : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    addUser("south", "reviewer", "临江区/城南街道");
    addUser("north", "reviewer", "临江区/城北街道");
    addUser("northin", "inspector", "临江区/城北街道");
    m_south = client().consoleLogin("south", "pass-south");
    m_north = client().consoleLogin("north", "pass-north");
    ASSERT_FALSE(m_south.empty());
    ASSERT_FALSE(m_north.empty());
  }

  void addUser(const std::string& name, const std::string& role, const std::string& region) {
    const CliResult add =
        runCli({"user", "add", name, "--role", role, "--password-stdin", "--data", dataDir()},
               "pass-" + name + "\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    const CliResult assign = runCli({"assign", name, "--region", region, "--data", dataDir()});
    ASSERT_EQ(assign.exitCode, 0) << assign.err;
  }

  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  /// The admin moves `house` to the foreign building's street and community.
  void moveHouse(const v1::PulledChange& house) {
    const v1::Change change = editOf(house, [&](v1::Record& r) {
      *r.mutable_building()->mutable_region() = foreignBuilding().record().building().region();
    });
    const v1::PushResponse r = client().push(m_adminToken, makePush({change}));
    ASSERT_EQ(r.results_size(), 1);
    ASSERT_EQ(r.results(0).outcome(), v1::ChangeResult::APPLIED) << r.results(0).reason();
  }

  std::string m_south, m_north;
};

bool holds(const std::vector<v1::PulledChange>& changes, const std::string& id) {
  for (const v1::PulledChange& c : changes)
    if (c.record_id() == id) return true;
  return false;
}

TEST_P(RegionMove, AMovedHouseTakesItsRecordsAndTheirAccessToTheNewRegion) {
  const v1::PulledChange house = ownBuilding();
  const Uuid houseId = house.record_id();
  Inspection in = makeInspection(houseId);
  const std::string bytes(3000, 'm');
  const PhotoRecord photo = makePhoto(houseId, in.id, bytes);
  in.findings[0].photoIds = {photo.id};
  Visit visit;
  visit.id = newUuid();
  visit.buildingId = houseId;
  visit.inspector = "demo";
  visit.visitedAt = 1780272000000;
  visit.outcome = VisitOutcome::kNobodyHome;
  const v1::PushResponse pushed = client().push(
      m_demoToken,
      makePush({makeChange(photo, 1000, 0), makeChange(in, 1000, 0), makeChange(visit, 1000, 0)}));
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();
  ASSERT_EQ(client().uploadPhoto(photo.sha256, bytes, m_demoToken).status, 200);
  const json rectInput = {{"family", "management"}, {"measure", "stop_use"}, {"status", "pending"}};
  const Reply rect = client().post("/console/api/houses/" + houseId + "/rectifications",
                                   rectInput.dump(), m_south);
  ASSERT_EQ(rect.status, 201) << rect.body;
  const std::string rectId = body(rect)["id"].get<std::string>();

  const std::string housePath = "/console/api/houses/" + houseId;
  const std::string photoPath = "/console/api/photos/" + photo.id;
  ASSERT_EQ(client().get(housePath, m_south).status, 200);
  ASSERT_EQ(client().get(photoPath, m_south).status, 200);
  ASSERT_EQ(client().get(housePath, m_north).status, 403);
  ASSERT_FALSE(body(client().get("/console/api/audit", m_south))["entries"].empty());
  std::string northCursor;
  const std::string northInspector = client().login("northin", "pass-northin");
  ASSERT_FALSE(northInspector.empty());
  EXPECT_FALSE(holds(client().pullAll(northInspector, &northCursor), in.id));

  moveHouse(house);

  // The old region's reviewer: no house, no photo, no review, no history, not in the export.
  EXPECT_EQ(client().get(housePath, m_south).status, 403);
  EXPECT_EQ(client().get(photoPath, m_south).status, 403);
  const std::string approve = "/console/api/inspections/" + in.id + "/approve";
  EXPECT_EQ(client().post(approve, "{}", m_south).status, 403);
  json done = rectInput;
  done["status"] = "done";
  EXPECT_EQ(client().post("/console/api/rectifications/" + rectId, done.dump(), m_south).status,
            403);
  EXPECT_TRUE(body(client().get("/console/api/audit", m_south))["entries"].empty());
  const Reply southCsv = client().get("/v1/exports/register.csv", m_south);
  ASSERT_EQ(southCsv.status, 200);
  EXPECT_EQ(southCsv.body.find(house.record().building().address()), std::string::npos);
  // The old region's inspector cannot read the records directly any more either.
  EXPECT_EQ(client().get("/v1/records/inspection/" + in.id, m_demoToken).status, 403);
  EXPECT_EQ(client().get("/v1/inspections/" + in.id + "/status", m_demoToken).status, 403);

  // The new region's reviewer has all of it.
  const Reply northHouse = client().get(housePath, m_north);
  ASSERT_EQ(northHouse.status, 200) << northHouse.body;
  EXPECT_EQ(body(northHouse)["inspections"].size(), 1u);
  const Reply image = client().get(photoPath, m_north);
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body, bytes);
  EXPECT_FALSE(body(client().get("/console/api/audit", m_north))["entries"].empty());
  const Reply northCsv = client().get("/v1/exports/register.csv", m_north);
  ASSERT_EQ(northCsv.status, 200);
  EXPECT_NE(northCsv.body.find(house.record().building().address()), std::string::npos);
  const Reply approved = client().post(approve, "{}", m_north);
  EXPECT_EQ(approved.status, 200) << approved.body;

  // The new region's inspector pulls the house and every record of it, building first.
  const std::vector<v1::PulledChange> after = client().pullAll(northInspector, &northCursor);
  int buildingAt = -1, inspectionAt = -1;
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (after[i].record_id() == houseId) buildingAt = static_cast<int>(i);
    if (after[i].record_id() == in.id) inspectionAt = static_cast<int>(i);
  }
  ASSERT_GE(buildingAt, 0);
  ASSERT_GE(inspectionAt, 0);
  EXPECT_LT(buildingAt, inspectionAt);
  EXPECT_TRUE(holds(after, photo.id));
  EXPECT_TRUE(holds(after, visit.id));
  EXPECT_TRUE(holds(after, rectId));
}

INSTANTIATE_TEST_SUITE_P(Backends, RegionMove, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
