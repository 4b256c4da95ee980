// The console's map (issue 11 §4, GET /console/api/map) against the real server on every
// storage backend: clusters count every filtered house exactly once, points and clusters honour
// the table's filters and the caller's regions, outlines stay in scope, and a bad box or zoom is
// a 400 naming the field. Plus the parts without a server: the view parser, the tile URL check
// and the outline hull.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "console/map_json.h"
#include "register/house_map.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

// Around the demo district (临江区, near 30.6°N 114.3°E), "west,south,east,north".
constexpr const char* kDistrictBox = "bbox=114.2,30.5,114.5,30.8&zoom=13";
constexpr const char* kSouthStreet =
    "district=%E4%B8%B4%E6%B1%9F%E5%8C%BA&street=%E5%9F%8E%E5%8D%97%E8%A1%97%E9%81%93";

class ConsoleApiMap : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    m_north = addRegionalReviewer("north", "临江区/城北街道");
    m_reviewer = client().consoleLogin("reviewer", "review1234");
    ASSERT_FALSE(m_reviewer.empty());
    ASSERT_FALSE(m_north.empty());
  }

  json get(const std::string& path, const std::string& token) {
    const Reply r = client().get(path, token);
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body;
    return json::parse(r.body, nullptr, false);
  }

  /// Houses the dashboard counts under `query` (the table's filters).
  std::int64_t tableTotal(const std::string& query, const std::string& token) {
    return get("/console/api/dashboard?" + query, token)["total"]["houses"].get<std::int64_t>();
  }

  static std::int64_t clusteredHouses(const json& map) {
    std::int64_t sum = 0;
    for (const json& c : map["clusters"]) {
      std::int64_t byJudgment = 0;
      for (const auto& [code, n] : c["judgment"].items()) byJudgment += n.get<std::int64_t>();
      EXPECT_EQ(byJudgment, c["houses"].get<std::int64_t>()) << c.dump();
      sum += c["houses"].get<std::int64_t>();
    }
    return sum;
  }

  std::string m_reviewer, m_north;
};

TEST_P(ConsoleApiMap, ClustersCountEveryFilteredHouseOnceAndPointsListThem) {
  for (const std::string& filter : {std::string(), std::string(kSouthStreet)}) {
    const std::int64_t total = tableTotal(filter, m_reviewer);
    ASSERT_GT(total, 10);
    // Without a box: the extent of the filtered houses (every demo house has a position).
    const json whole = get("/console/api/map?" + filter, m_reviewer);
    EXPECT_EQ(whole["houses_in_view"].get<std::int64_t>() + whole["without_location"].get<int>(),
              total);
    ASSERT_EQ(whole["extent"].size(), 4u);
    EXPECT_TRUE(whole["clusters"].empty() && whole["points"].empty());
    EXPECT_TRUE(whole["view"].is_null());
    // With the map's size: the view fitted to the extent, and its houses (all of them).
    const json fitted =
        get("/console/api/map?" + filter + "&size=1360x620&max_points=0", m_reviewer);
    ASSERT_TRUE(fitted["view"].is_object()) << fitted.dump();
    EXPECT_GE(fitted["view"]["zoom"].get<int>(), 10);
    EXPECT_EQ(clusteredHouses(fitted), total);
    const json fittedBox = fitted["view"]["box"];
    for (int i : {0, 1}) EXPECT_LE(fittedBox[i].get<double>(), whole["extent"][i].get<double>());
    for (int i : {2, 3}) EXPECT_GE(fittedBox[i].get<double>(), whole["extent"][i].get<double>());
    // Forced to clusters (max_points=0) at several zooms: every house counted exactly once.
    for (int zoom : {3, 10, 13, 16}) {
      const json map = get("/console/api/map?" + filter + "&bbox=114.2,30.5,114.5,30.8&zoom=" +
                               std::to_string(zoom) + "&max_points=0",
                           m_reviewer);
      EXPECT_TRUE(map["points"].empty());
      EXPECT_EQ(clusteredHouses(map), total) << "zoom " << zoom;
      EXPECT_EQ(map["houses_in_view"].get<std::int64_t>(), total);
      if (zoom == 3) {
        EXPECT_EQ(map["clusters"].size(), 1u);
      }
      if (zoom == 16) {
        EXPECT_GT(map["clusters"].size(), 3u);
      }
    }
    // Few enough: one point per house, each once.
    const json points = get("/console/api/map?" + filter + "&" + kDistrictBox, m_reviewer);
    EXPECT_TRUE(points["clusters"].empty());
    std::set<std::string> ids;
    for (const json& p : points["points"]) ids.insert(p["id"].get<std::string>());
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), total);
  }
  // A box around half the district holds fewer houses than the whole.
  const json half = get("/console/api/map?bbox=114.2,30.5,114.312,30.8&zoom=13", m_reviewer);
  EXPECT_GT(half["houses_in_view"].get<int>(), 0);
  EXPECT_LT(half["houses_in_view"].get<std::int64_t>(), tableTotal("", m_reviewer));
}

TEST_P(ConsoleApiMap, PointsFollowTheTableFiltersAndCarryTheJudgment) {
  Inspection in = makeInspection(ownBuilding().record_id());
  const v1::PushResponse pushed = client().push(m_adminToken, makePush({makeChange(in, 1, 0)}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();

  const json rows = get("/console/api/houses?review=submitted", m_reviewer)["rows"];
  ASSERT_EQ(rows.size(), 1u);
  const json map =
      get(std::string("/console/api/map?review=submitted&") + kDistrictBox, m_reviewer);
  ASSERT_EQ(map["points"].size(), 1u);
  EXPECT_EQ(map["points"][0]["id"], ownBuilding().record_id());
  EXPECT_EQ(map["points"][0]["judgment"], rows[0]["judgment"]["code"]);
  EXPECT_NE(map["points"][0]["judgment"], "");
  // The same house by the judgment filter; a judgment nobody has gives an empty map.
  const std::string code = rows[0]["judgment"]["code"];
  EXPECT_EQ(
      get("/console/api/map?judgment=" + code + "&" + kDistrictBox, m_reviewer)["points"].size(),
      1u);
  const json none =
      get(std::string("/console/api/map?review=returned&") + kDistrictBox, m_reviewer);
  EXPECT_EQ(none["houses_in_view"], 0);
  EXPECT_TRUE(none["points"].empty() && none["clusters"].empty() && none["outlines"].empty());
}

TEST_P(ConsoleApiMap, ARegionalReviewerSeesOnlyTheirRegionsHousesAndOutlines) {
  const std::int64_t northTotal = tableTotal("", m_north);
  ASSERT_GT(northTotal, 0);
  ASSERT_LT(northTotal, tableTotal("", m_reviewer));
  const json clusters = get(std::string("/console/api/map?max_points=0&") + kDistrictBox, m_north);
  EXPECT_EQ(clusteredHouses(clusters), northTotal);
  const json points = get(std::string("/console/api/map?") + kDistrictBox, m_north);
  EXPECT_EQ(static_cast<std::int64_t>(points["points"].size()), northTotal);
  for (const json& p : points["points"]) EXPECT_NE(p["id"], ownBuilding().record_id());
  ASSERT_FALSE(points["outlines"].empty());
  for (const json& o : points["outlines"]) {
    EXPECT_EQ(o["community"]["street"], "城北街道") << o.dump();
    EXPECT_GE(o["ring"].size(), 3u);
  }
  // Asking for another street inside the box changes nothing about the scope.
  const json south =
      get(std::string("/console/api/map?") + kSouthStreet + "&" + kDistrictBox, m_north);
  EXPECT_EQ(south["houses_in_view"], 0);
  // The whole-district reviewer gets an outline per community, and each encloses its houses.
  const json all = get(std::string("/console/api/map?") + kDistrictBox, m_reviewer);
  const json dashboard = get("/console/api/dashboard", m_reviewer);
  EXPECT_EQ(all["outlines"].size(), dashboard["communities"].size());
}

TEST_P(ConsoleApiMap, ABadBoxOrZoomIsA400NamingItAndAnswersNothing) {
  const json before = get(std::string("/console/api/map?") + kDistrictBox, m_reviewer);
  for (const auto& [query, field] : {
           std::pair{"bbox=114.2,30.5,114.5&zoom=13", "bbox"},
           std::pair{"bbox=114.2,30.5,114.5,30.8,1&zoom=13", "bbox"},
           std::pair{"bbox=a,b,c,d&zoom=13", "bbox"},
           std::pair{"bbox=114.2,30.8,114.5,30.5&zoom=13", "bbox"},  // south above north
           std::pair{"bbox=114.5,30.5,114.2,30.8&zoom=13", "bbox"},  // west east of east
           std::pair{"bbox=-200,30.5,114.5,30.8&zoom=13", "bbox"},
           std::pair{"bbox=114.2,-95,114.5,30.8&zoom=13", "bbox"},
           std::pair{"bbox=114.2,30.5,114.5,nan&zoom=13", "bbox"},
           std::pair{"bbox=114.2,30.5,114.5,30.8", "zoom"},
           std::pair{"zoom=13", "bbox"},
           std::pair{"bbox=114.2,30.5,114.5,30.8&zoom=23", "zoom"},
           std::pair{"bbox=114.2,30.5,114.5,30.8&zoom=1.5", "zoom"},
           std::pair{"bbox=114.2,30.5,114.5,30.8&zoom=13&max_points=2001", "max_points"},
           std::pair{"max_points=-1", "max_points"},
           std::pair{"size=1360", "size"},
           std::pair{"size=0x600", "size"},
           std::pair{"size=800x600&bbox=114.2,30.5,114.5,30.8&zoom=13", "size"},
           std::pair{"bbox=114.2,30.5,114.5,30.8&zoom=13&judgment=bogus", "judgment"},
       }) {
    const Reply r = client().get(std::string("/console/api/map?") + query, m_reviewer);
    EXPECT_EQ(r.status, 400) << query << "\n" << r.body;
    const json error = json::parse(r.body, nullptr, false)["error"];
    ASSERT_TRUE(error.is_object()) << query << "\n" << r.body;
    ASSERT_FALSE(error["fields"].empty()) << query << "\n" << r.body;
    EXPECT_EQ(error["fields"][0]["field"], field) << query;
    EXPECT_FALSE(error["fields"][0]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(client().get("/console/api/map", "").status, 401);
  EXPECT_EQ(get(std::string("/console/api/map?") + kDistrictBox, m_reviewer), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleApiMap, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

TEST(MapTiles, OnlyAnHttpTemplateWithZxyAndAPlainHostIsAccepted) {
  EXPECT_EQ(tileSource("https://tiles.example.cn/{z}/{x}/{y}.png"), "https://tiles.example.cn");
  EXPECT_EQ(tileSource("http://10.0.0.5:8081/osm/{z}/{x}/{y}.png"), "http://10.0.0.5:8081");
  EXPECT_EQ(tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png"),
            "https://*.tile.example.org");
  EXPECT_FALSE(tileSource(""));
  EXPECT_FALSE(tileSource("ftp://tiles.example.cn/{z}/{x}/{y}.png"));
  EXPECT_FALSE(tileSource("https://tiles.example.cn/{z}/{x}.png"));
  EXPECT_FALSE(tileSource("https://tiles.example.cn; script-src *.evil/{z}/{x}/{y}"));
  EXPECT_FALSE(tileSource("https://tiles.example.cn/{z}/{x}/{y}.png'"));
  EXPECT_FALSE(tileSource("https:///{z}/{x}/{y}"));
}

TEST(MapView, NoBoxAsksForTheExtentAndTheGridIsSquareOnScreen) {
  Result<MapView> extent = parseMapView({});
  ASSERT_TRUE(extent.isOk());
  EXPECT_FALSE(extent->box);
  Result<MapView> view = parseMapView({{"bbox", "114.2,30.5,114.5,30.8"}, {"zoom", "13"}});
  ASSERT_TRUE(view.isOk());
  ASSERT_TRUE(view->box);
  EXPECT_EQ(view->box->south, 305000000);
  EXPECT_EQ(view->box->east, 1145000000);
  const MapGrid grid = mapGrid(*view->box, 13);
  // 60 px at zoom 13 is 60 · 360 / 2^21 degrees of longitude; latitude cells shrink by cos 30.65°.
  EXPECT_NEAR(static_cast<double>(grid.lonCell), 60 * 360e7 / (256 * 8192.0), 1);
  EXPECT_NEAR(static_cast<double>(grid.latCell) / static_cast<double>(grid.lonCell), 0.8603, 0.001);
  EXPECT_EQ(grid.outlineBox.south, 302000000);
  EXPECT_EQ(grid.outlineBox.north, 311000000);
}

TEST(MapOutline, TheHullOfCellCornersEnclosesEveryCellOfACommunity) {
  const RegionPath a{"临江区", "城南街道", "甲社区"}, b{"临江区", "城南街道", "乙社区"};
  const std::vector<MapOutline> outlines = outlinesOf({
      {a, {300000000, 1140000000, 300010000, 1140010000}},
      {a, {300100000, 1140100000, 300110000, 1140110000}},
      {b, {310000000, 1150000000, 310000000, 1150000000}},  // one house: no outline
  });
  ASSERT_EQ(outlines.size(), 1u);
  EXPECT_EQ(outlines[0].community, a);
  double south = 90, north = -90;
  for (const GeoPoint& p : outlines[0].ring) {
    south = std::min(south, p.latitude);
    north = std::max(north, p.latitude);
  }
  EXPECT_NEAR(south, 30.0, 1e-6);
  EXPECT_NEAR(north, 30.011, 1e-6);
}

}  // namespace
}  // namespace anju::server::testing
