// Issue 10, blocker 3, against the real server on every storage backend: a re-inspection started
// on the tablet (a draft, pushed by a sync) never replaces the house's approved result in the
// register. The console's table, its dashboard counts and the CSV export all still show the
// approved judgment and appraisal grade, with a marker that a re-inspection is under way.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anju/uuid.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

class ReinspectionRegister : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    const Reply login = client().post(
        "/console/api/login", json{{"username", "reviewer"}, {"password", "review1234"}}.dump());
    ASSERT_EQ(login.status, 200) << login.body;
    m_reviewer = json::parse(login.body)["token"].get<std::string>();
  }

  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  /// The console's register row of the house.
  json registerRow(const Uuid& buildingId) {
    const json rows = body(client().get("/console/api/houses?limit=500", m_reviewer))["rows"];
    for (const json& row : rows)
      if (row["building_id"] == buildingId) return row;
    ADD_FAILURE() << "house " << buildingId << " is not in the register";
    return json::object();
  }

  /// The CSV export's line of the house.
  std::string csvLine(const Uuid& buildingId) {
    const Reply csv =
        client().get("/v1/exports/register.csv", client().login("reviewer", "review1234"));
    EXPECT_EQ(csv.status, 200) << csv.body;
    const std::size_t at = csv.body.find(buildingId);
    if (at == std::string::npos) return "";
    return csv.body.substr(at, csv.body.find("\r\n", at) - at);
  }

  // The house's cell under `header` in the CSV register (the demo's cells hold no commas).
  std::string csvCell(const Uuid& buildingId, const std::string& header) {
    const Reply csv =
        client().get("/v1/exports/register.csv", client().login("reviewer", "review1234"));
    auto split = [](const std::string& line) {
      std::vector<std::string> cells;
      std::size_t from = 0;
      for (std::size_t comma; (comma = line.find(',', from)) != std::string::npos; from = comma + 1)
        cells.push_back(line.substr(from, comma - from));
      cells.push_back(line.substr(from));
      return cells;
    };
    std::string head = csv.body.substr(0, csv.body.find("\r\n"));
    if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);  // the BOM Excel needs
    const std::vector<std::string> headers = split(head);
    const std::vector<std::string> cells = split(csvLine(buildingId));
    for (std::size_t i = 0; i < headers.size() && i < cells.size(); ++i)
      if (headers[i] == header) return cells[i];
    ADD_FAILURE() << "no column " << header;
    return "";
  }

  std::string m_reviewer;
};

TEST_P(ReinspectionRegister, PushedDraftKeepsTheApprovedJudgmentAndGradeWithAnInProgressMarker) {
  const Uuid building = ownBuilding().record_id();
  // The first visit: submitted serious, approved, appraised C.
  const Inspection first = makeInspection(building);
  ASSERT_EQ(client().push(m_demoToken, makePush({makeChange(first, 1000, 0)})).results(0).outcome(),
            v1::ChangeResult::APPLIED);
  const std::string actions = "/console/api/inspections/" + first.id + "/";
  ASSERT_EQ(client().post(actions + "approve", "{}", m_reviewer).status, 200);
  ASSERT_EQ(client().post(actions + "appraisal", json{{"grade", "C"}}.dump(), m_reviewer).status,
            200);
  json row = registerRow(building);
  ASSERT_EQ(row["review"]["code"], "approved");
  EXPECT_EQ(row["in_progress"], false);
  const json before = body(client().get("/console/api/dashboard", m_reviewer))["total"];

  // 开始排查 again on the tablet: a later draft, nothing recorded yet, graded 未发现安全隐患 by
  // an app that graded empty drafts; the next sync pushes it.
  Inspection draft;
  draft.id = newUuid();
  draft.buildingId = building;
  draft.inspector = "demo";
  draft.startedAt = first.submittedAt + 86400000;
  draft.templateId = "self_built_house";
  draft.templateVersion = 1;
  draft.computedJudgment = PreliminaryJudgment::kNoneFound;
  draft.review = ReviewState::kDraft;
  const v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(draft, 1, 0)}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();

  row = registerRow(building);
  EXPECT_EQ(row["inspection_id"], first.id);
  EXPECT_EQ(row["judgment"]["code"], "serious");
  EXPECT_EQ(row["appraisal_grade"]["code"], "C");
  EXPECT_EQ(row["review"]["code"], "approved");
  EXPECT_EQ(row["finding_count"], 1);
  EXPECT_EQ(row["inspected_at"], first.submittedAt);
  EXPECT_EQ(row["in_progress"], true);

  // The dashboard counts the house where it was: serious and approved, not a draft.
  const json after = body(client().get("/console/api/dashboard", m_reviewer))["total"];
  EXPECT_EQ(after["judgment"], before["judgment"]);
  EXPECT_EQ(after["review"], before["review"]);
  EXPECT_EQ(after["review"]["approved"], 1);
  EXPECT_FALSE(after["review"].contains("draft"));
  EXPECT_EQ(after["judgment"]["serious"], before["judgment"]["serious"]);

  // The CSV register: the approved judgment and grade, and 是 under 排查进行中.
  const std::string line = csvLine(building);
  EXPECT_NE(line.find("存在严重安全隐患"), std::string::npos) << line;
  EXPECT_NE(line.find("C级"), std::string::npos) << line;
  EXPECT_NE(line.find("已通过"), std::string::npos) << line;
  EXPECT_EQ(csvCell(building, "排查进行中"), "是") << line;
  EXPECT_EQ(line.find("未发现安全隐患"), std::string::npos) << line;

  // The filters follow the row: the house is found as approved/serious, not as a draft.
  const json drafts = body(client().get("/console/api/houses?review=draft", m_reviewer))["rows"];
  for (const json& r : drafts) EXPECT_NE(r["building_id"], building);

  // Once the re-inspection is submitted it is the house's result, and no longer in progress.
  Inspection second = draft;
  second.review = ReviewState::kSubmitted;
  second.submittedAt = draft.startedAt + 3600000;
  second.answers = {{"wall_cracks", false}};
  const v1::PushResponse submitted =
      client().push(m_demoToken, makePush({makeChange(second, 2, 1)}));
  ASSERT_EQ(submitted.results(0).outcome(), v1::ChangeResult::APPLIED)
      << submitted.results(0).reason();
  row = registerRow(building);
  EXPECT_EQ(row["inspection_id"], second.id);
  EXPECT_EQ(row["judgment"]["code"], "none_found");
  EXPECT_EQ(row["review"]["code"], "submitted");
  EXPECT_EQ(row["in_progress"], false);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReinspectionRegister, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
