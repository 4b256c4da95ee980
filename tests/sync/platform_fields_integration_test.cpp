// The national platform's house fields and the region codes end to end (issue 11 §3), on both
// backends: a tablet records every field, the server stores it, another tablet receives it
// whole; region codes load through the CLI (bad files change nothing) and show, with the house
// fields, on the console's house page and in the register CSV.
#include <fstream>
#include <nlohmann/json.hpp>

#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;
using PlatformFields = SyncServerTest;

void setPlatformFields(Building& b) {
  b.use = BuildingUse::kOwnerOccupied;
  b.businessType = BusinessType::kLodging;
  b.landType = LandType::kCollectiveConstruction;
  b.permits = {{Permit::kPlanning, PermitState::kHeld},
               {Permit::kFireAcceptance, PermitState::kNotHeld},
               {Permit::kSpecialTradeLicence, PermitState::kNotApplicable}};
  b.geoHazards = {GeoHazard::kSlopeCutting, GeoHazard::kHazardSite};
  b.fireHazards = {FireHazard::kBlockedEscape, FireHazard::kMixedUseLiving};
  b.platformHouseNumber = "YH420106000064653";
  b.censusHouseNumber = "4201060010010000123";
}

// The line of the register CSV about `buildingId`, split at commas (none of its cells holds one).
std::vector<std::string> csvRowOf(const std::string& csv, const std::string& buildingId) {
  const std::size_t at = csv.find("\r\n" + buildingId + ",");
  if (at == std::string::npos) return {};
  const std::size_t end = csv.find("\r\n", at + 2);
  const std::string line = csv.substr(at + 2, end - at - 2);
  std::vector<std::string> cells;
  for (std::size_t a = 0, b;; a = b + 1) {
    b = line.find(',', a);
    cells.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
    if (b == std::string::npos) return cells;
  }
}

TEST_P(PlatformFields, EveryFieldGoesFromOneTabletThroughTheServerToAnother) {
  TestTablet a(dataDir(), "tablet-a", server().port());
  TestTablet b(dataDir(), "tablet-b", server().port());
  a.signInAndSync();
  const Uuid id = ownBuilding(0).record_id();
  Building edited = *a.store().building(id);
  setPlatformFields(edited);
  ASSERT_TRUE(a.store().putBuilding(edited, "demo").isOk());
  EXPECT_EQ(a.syncOk().applied, 1);

  // The server stored the fields as sent: the record another client pulls carries them.
  bool found = false;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
    if (c.record_id() != id) continue;
    found = true;
    const v1::Building& pulled = c.record().building();
    EXPECT_EQ(pulled.business_type(), "lodging");
    EXPECT_EQ(pulled.land_type(), "collective_construction");
    ASSERT_EQ(pulled.permits_size(), 3);
    EXPECT_EQ(pulled.permits(2).permit(), "special_trade_licence");
    EXPECT_EQ(pulled.permits(2).state(), "not_applicable");
    EXPECT_EQ(pulled.platform_house_number(), "YH420106000064653");
  }
  EXPECT_TRUE(found);

  b.signInAndSync();
  Result<Building> received = b.store().building(id);
  ASSERT_TRUE(received.isOk());
  EXPECT_EQ(*received, edited);
  EXPECT_TRUE(received->businessUse());

  // And back: B edits one of them, A receives the change with the rest intact.
  Building again = *received;
  again.fireHazards = {FireHazard::kNone};
  ASSERT_TRUE(b.store().putBuilding(again, "demo").isOk());
  EXPECT_EQ(b.syncOk().applied, 1);
  a.syncOk();
  EXPECT_EQ(*a.store().building(id), again);
}

TEST_P(PlatformFields, RegionCodesLoadShowAndABadFileChangesNothing) {
  const v1::RegionPath region = ownBuilding(0).record().building().region();
  const std::string good = dataDir() + "/codes.csv";
  {
    std::ofstream out(good);
    out << "区,街道,社区,区划代码\n"
        << region.district() << ",,,420106\n"
        << region.district() << "," << region.street() << ",,420106001000\n"
        << region.district() << "," << region.street() << "," << region.community()
        << ",420106001001\n";
  }
  const CliResult loaded = runCli({"region-codes", "import", good, "--data", dataDir()});
  ASSERT_EQ(loaded.exitCode, 0) << loaded.err;
  const CliResult listed = runCli({"region-codes", "list", "--data", dataDir()});
  ASSERT_EQ(listed.exitCode, 0) << listed.err;
  EXPECT_NE(listed.out.find(region.street() + "," + region.community() + ",420106001001"),
            std::string::npos)
      << listed.out;

  // A street code outside the district, a letter: refused, every line named, nothing stored.
  const std::string bad = dataDir() + "/bad.csv";
  {
    std::ofstream out(bad);
    out << "区,街道,社区,区划代码\n"
        << region.district() << ",新街道,,430106002000\n"
        << region.district() << "," << region.street() << ",,42010600100X\n";
  }
  const CliResult refused = runCli({"region-codes", "import", bad, "--data", dataDir()});
  EXPECT_EQ(refused.exitCode, 1);
  EXPECT_NE(refused.err.find("line 2: 区划代码"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("line 3: 区划代码"), std::string::npos) << refused.err;
  EXPECT_EQ(runCli({"region-codes", "list", "--data", dataDir()}).out, listed.out);

  // The console's house page: the codes and the platform fields, exactly.
  const Uuid id = ownBuilding(0).record_id();
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({editOf(ownBuilding(0), [](v1::Record& r) {
                      Result<Building> b = fromProto(r.building());
                      ASSERT_TRUE(b.isOk());
                      setPlatformFields(*b);
                      *r.mutable_building() = toProto(*b);
                    })}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewer.empty());
  const Reply house = client().get("/console/api/houses/" + id, reviewer);
  ASSERT_EQ(house.status, 200) << house.body;
  const json b = json::parse(house.body)["building"];
  EXPECT_EQ(
      b["region_codes"],
      (json{{"district", "420106"}, {"street", "420106001000"}, {"community", "420106001001"}}));
  EXPECT_EQ(b["business_use"], true);
  EXPECT_EQ(b["business_type"]["zh"], "民宿宾馆");
  EXPECT_EQ(b["land_type"]["zh"], "集体土地（集体建设用地）");
  ASSERT_EQ(b["permits"].size(), 3u);
  EXPECT_EQ(b["permits"][1]["permit"]["zh"], "消防验收");
  EXPECT_EQ(b["permits"][1]["state"]["zh"], "无");
  EXPECT_EQ(b["geo_hazards"][1]["zh"], "地质灾害隐患点");
  EXPECT_EQ(b["fire_hazards"][0]["en"], "escape route blocked");
  EXPECT_EQ(b["platform_house_number"], "YH420106000064653");
  EXPECT_EQ(b["census_house_number"], "4201060010010000123");

  // The register CSV: the platform's columns at the end of each row, in the data sheet's words.
  const std::string exporter = client().login("reviewer", "review1234");
  const Reply csv = client().get("/v1/exports/register.csv", exporter);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find(",区划代码,经营性用途,业态,土地性质,许可证照,地质灾害,消防隐患,"
                          "自建房编号,普查房屋编号\r\n"),
            std::string::npos);
  const std::vector<std::string> row = csvRowOf(csv.body, id);
  ASSERT_GE(row.size(), 9u) << csv.body.substr(0, 2000);
  const std::vector<std::string> tail(row.end() - 9, row.end());
  EXPECT_EQ(tail,
            (std::vector<std::string>{"420106001001", "是", "民宿宾馆", "集体土地（集体建设用地）",
                                      "规划许可：有；消防验收：无；特种行业许可：不涉及",
                                      "切坡建房、地质灾害隐患点", "疏散通道堵塞、住宿与经营合用",
                                      "YH420106000064653", "4201060010010000123"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PlatformFields, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
