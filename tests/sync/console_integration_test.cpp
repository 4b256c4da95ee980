// The review console's JSON API against the real server, on every storage backend: access
// control (another region's reviewer, an inspector's token), the review actions reaching the
// tablet through pull, rectification records, and the audit log.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anju/enum_codes.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

class ConsoleApi : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    // The demo reviewer covers the whole district; this one only 城北街道.
    const CliResult add = runCli(
        {"user", "add", "north", "--role", "reviewer", "--password-stdin", "--data", dataDir()},
        "north1234\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    const CliResult assign =
        runCli({"assign", "north", "--region", "临江区/城北街道", "--data", dataDir()});
    ASSERT_EQ(assign.exitCode, 0) << assign.err;
    m_reviewer = client().consoleLogin("reviewer", "review1234");
    m_north = client().consoleLogin("north", "north1234");
    ASSERT_FALSE(m_reviewer.empty());
    ASSERT_FALSE(m_north.empty());
    // A submitted inspection of a 城南街道 house, pushed by the demo inspector.
    m_inspection = makeInspection(ownBuilding().record_id());
    const v1::PushResponse pushed =
        client().push(m_demoToken, makePush({makeChange(m_inspection, 1000, 0)}));
    ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  }

  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  Reply action(const std::string& what, const json& payload, const std::string& token) {
    return client().post("/console/api/inspections/" + m_inspection.id + "/" + what, payload.dump(),
                         token);
  }

  /// The demo inspector's view of the inspection after a pull, as the tablet would get it.
  v1::Inspection pulledInspection() {
    v1::Inspection found;
    for (const v1::PulledChange& c : client().pullAll(m_demoToken))
      if (c.record_id() == m_inspection.id) found = c.record().inspection();
    return found;
  }

  std::string m_reviewer, m_north;
  Inspection m_inspection;
};

TEST_P(ConsoleApi, ReviewerOfAnotherRegionCannotSeeOrChangeTheHouse) {
  const std::string house = "/console/api/houses/" + ownBuilding().record_id();
  EXPECT_EQ(client().get(house, m_north).status, 403);
  EXPECT_EQ(client().get(house, m_reviewer).status, 200);

  EXPECT_EQ(action("approve", json::object(), m_north).status, 403);
  EXPECT_EQ(action("return", {{"comment", "x"}}, m_north).status, 403);
  EXPECT_EQ(action("appraisal", {{"grade", "B"}}, m_north).status, 403);
  const Reply rect = client().post(
      house + "/rectifications",
      json{{"family", "management"}, {"measure", "stop_use"}, {"status", "pending"}}.dump(),
      m_north);
  EXPECT_EQ(rect.status, 403);
  EXPECT_EQ(body(rect)["error"]["code"], "forbidden");

  // Nothing changed, and the house is not in the other reviewer's table or audit view.
  EXPECT_EQ(pulledInspection().review(), "submitted");
  const json northRows = body(client().get("/console/api/houses?limit=500", m_north))["rows"];
  for (const json& row : northRows) {
    EXPECT_EQ(row["region"]["street"], "城北街道");
    EXPECT_NE(row["building_id"], ownBuilding().record_id());
  }
  EXPECT_TRUE(body(client().get("/console/api/audit", m_north))["entries"].empty());
}

TEST_P(ConsoleApi, InspectorTokenCannotUseTheConsole) {
  // The sync token of an inspector is a valid token, but not a reviewer's.
  EXPECT_EQ(action("approve", json::object(), m_demoToken).status, 403);
  EXPECT_EQ(action("return", {{"comment", "x"}}, m_demoToken).status, 403);
  EXPECT_EQ(client().get("/console/api/houses", m_demoToken).status, 403);
  EXPECT_EQ(
      client()
          .post("/console/api/login", json{{"username", "demo"}, {"password", "demo1234"}}.dump())
          .status,
      403);
  EXPECT_EQ(action("approve", json::object(), "").status, 401);
  EXPECT_EQ(pulledInspection().review(), "submitted");
}

TEST_P(ConsoleApi, ReturnWithCommentReachesTheTabletAndIsAudited) {
  EXPECT_EQ(action("return", {{"comment", "   "}}, m_reviewer).status, 400);
  const Reply returned = action("return", {{"comment", "请补拍北墙裂缝"}}, m_reviewer);
  ASSERT_EQ(returned.status, 200) << returned.body;

  const v1::Inspection pulled = pulledInspection();
  EXPECT_EQ(pulled.review(), "returned");
  EXPECT_EQ(pulled.review_comment(), "请补拍北墙裂缝");
  // A second decision on a returned inspection is a conflict, and changes nothing.
  EXPECT_EQ(action("approve", json::object(), m_reviewer).status, 409);

  const json audit = body(client().get("/console/api/audit", m_reviewer))["entries"];
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["user"], "reviewer");
  EXPECT_EQ(audit[0]["action"], "return");
  EXPECT_EQ(audit[0]["target_id"], m_inspection.id);
  EXPECT_EQ(audit[0]["detail"]["comment"], "请补拍北墙裂缝");
  EXPECT_GT(audit[0]["at"].get<std::int64_t>(), 0);
}

TEST_P(ConsoleApi, AppraisalGradeIsKeptApartFromThePreliminaryJudgment) {
  EXPECT_EQ(action("appraisal", {{"grade", "E"}}, m_reviewer).status, 400);
  ASSERT_EQ(action("appraisal", {{"grade", "C"}}, m_reviewer).status, 200);
  const v1::Inspection pulled = pulledInspection();
  EXPECT_EQ(pulled.appraisal_grade(), "C");
  EXPECT_EQ(pulled.computed_judgment(), m_inspection.computedJudgment
                                            ? std::string(toCode(*m_inspection.computedJudgment))
                                            : std::string());
  const json house =
      body(client().get("/console/api/houses/" + ownBuilding().record_id(), m_reviewer));
  EXPECT_EQ(house["inspections"][0]["appraisal_grade"]["code"], "C");
}

TEST_P(ConsoleApi, RectificationIsARecordTabletsPullAndOnlyMovesForward) {
  const std::string house = "/console/api/houses/" + ownBuilding().record_id();
  const json input = {{"family", "engineering"},
                      {"measure", "repair_strengthen"},
                      {"status", "in_progress"},
                      {"deadline", "2026-12-31"},
                      {"responsible_party", "城南街道办"}};
  json bad = input;
  bad["deadline"] = "31/12/2026";
  const Reply refused = client().post(house + "/rectifications", bad.dump(), m_reviewer);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(body(refused)["error"]["fields"][0]["field"], "deadline");

  const Reply created = client().post(house + "/rectifications", input.dump(), m_reviewer);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = body(created)["id"];

  v1::Rectification pulled;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken))
    if (c.record_id() == id) pulled = c.record().rectification();
  EXPECT_EQ(pulled.building_id(), ownBuilding().record_id());
  EXPECT_EQ(pulled.status(), "in_progress");
  EXPECT_EQ(pulled.responsible_party(), "城南街道办");

  json back = input;
  back["status"] = "pending";
  EXPECT_EQ(client().post("/console/api/rectifications/" + id, back.dump(), m_reviewer).status,
            409);
  json done = input;
  done["status"] = "done";
  ASSERT_EQ(client().post("/console/api/rectifications/" + id, done.dump(), m_reviewer).status,
            200);
  const json page = body(client().get(house, m_reviewer));
  ASSERT_EQ(page["rectifications"].size(), 1u);
  EXPECT_EQ(page["rectifications"][0]["status"]["code"], "done");
  ASSERT_EQ(page["audit"].size(), 2u);
  EXPECT_EQ(page["audit"][0]["action"], "rectification_update");
  EXPECT_EQ(page["audit"][1]["action"], "rectification_create");
}

TEST_P(ConsoleApi, TableFiltersAndDashboardCountsComeFromTheRegister) {
  const json rows =
      body(client().get("/console/api/houses?review=submitted&district=%E4%B8%B4%E6%B1%9F%E5%8C%BA"
                        "&street=%E5%9F%8E%E5%8D%97%E8%A1%97%E9%81%93",
                        m_reviewer))["rows"];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["building_id"], ownBuilding().record_id());
  EXPECT_EQ(client().get("/console/api/houses?judgment=bogus", m_reviewer).status, 400);

  const json summary = body(client().get("/console/api/dashboard", m_reviewer));
  EXPECT_EQ(summary["total"]["review"]["submitted"], 1);
  EXPECT_EQ(summary["total"]["not_visited"].get<int>() + 1, summary["total"]["houses"].get<int>());
}

TEST_P(ConsoleApi, FilterTextThatIsNotUtf8OrHoldsNulIsA400JsonError) {
  // %FF used to make json::dump() throw on the error message quoting it (a 500, not JSON); on
  // PostgreSQL invalid UTF-8 in a district or page key failed the query, and a NUL was cut off.
  for (const auto& [query, field] :
       {std::pair{"/console/api/houses?judgment=%FF", "judgment"},
        std::pair{"/console/api/houses?district=%E4%B8%B4%E6%B1%9F%FF", "district"},
        std::pair{"/console/api/houses?district=%E4%B8%B4%E6%B1%9F%E5%8C%BA%00", "district"},
        std::pair{"/console/api/dashboard?review=%C0%AF", "review"},
        std::pair{"/console/api/houses?after=ff1f1f1f1f6231", "after"},
        // Not a page key at all; the error quotes it, so the JSON writer must cope with 0xFF.
        std::pair{"/console/api/houses?after=%FF", "after"}}) {
    const Reply r = client().get(query, m_reviewer);
    EXPECT_EQ(r.status, 400) << query << "\n" << r.body;
    EXPECT_EQ(r.contentType, "application/json; charset=utf-8") << query;
    const json parsed = body(r);
    ASSERT_TRUE(parsed.is_object() && parsed.contains("error")) << query << "\n" << r.body;
    const json& error = parsed["error"];
    EXPECT_EQ(error.value("code", ""), "bad_request") << query;
    ASSERT_TRUE(error.contains("fields")) << query << "\n" << r.body;
    ASSERT_EQ(error["fields"].size(), 1u) << query << "\n" << r.body;
    EXPECT_EQ(error["fields"][0].value("field", ""), field) << query;
  }
  // The same page key with district "A" is an ordinary (if made-up) key.
  EXPECT_EQ(client().get("/console/api/houses?after=411f1f1f1f6231", m_reviewer).status, 200);
}

TEST_P(ConsoleApi, HousePageShowsOverrideFindingsAndPhotosInScopeOnly) {
  Inspection in = makeInspection(ownBuilding(1).record_id());
  in.override = JudgmentOverride{PreliminaryJudgment::kSome, "裂缝为抹灰层开裂，非结构裂缝"};
  const std::string bytes(5000, 'j');
  const PhotoRecord photo = makePhoto(in.buildingId, in.id, bytes);
  in.findings[0].photoIds = {photo.id};
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({makeChange(in, 1000, 0), makeChange(photo, 1000, 0)}));
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();
  const std::string photoPath = "/console/api/photos/" + photo.id;
  EXPECT_EQ(client().get(photoPath, m_reviewer).status, 404);  // bytes not uploaded yet
  ASSERT_EQ(client().uploadPhoto(photo.sha256, bytes, m_demoToken).status, 200);

  const json house = body(client().get("/console/api/houses/" + in.buildingId, m_reviewer));
  ASSERT_EQ(house["inspections"].size(), 1u);
  const json& shown = house["inspections"][0];
  EXPECT_EQ(shown["computed_judgment"]["code"], "serious");
  EXPECT_EQ(shown["effective_judgment"]["code"], "some");
  EXPECT_EQ(shown["override"]["reason"], "裂缝为抹灰层开裂，非结构裂缝");
  EXPECT_EQ(shown["findings"][0]["hazard"]["zh"], "墙体裂缝");
  EXPECT_EQ(shown["findings"][0]["measurements"][0]["value"], 1.2);
  EXPECT_EQ(shown["findings"][0]["measurements"][0]["unit"], "mm");
  ASSERT_EQ(shown["photos"].size(), 1u);
  EXPECT_EQ(shown["photos"][0]["complete"], true);

  const Reply image = client().get(photoPath, m_reviewer);
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body, bytes);
  EXPECT_EQ(client().get(photoPath, m_north).status, 403);
  EXPECT_EQ(client().get(photoPath, m_demoToken).status, 403);
}

// Issue 11: a reviewer sees every answer the inspector gave, under its question, section by
// section, beside the previous inspection's answer, not only the findings.
TEST_P(ConsoleApi, HousePageShowsEveryAnswerBesideThePreviousInspections) {
  const Uuid house = ownBuilding(2).record_id();
  Inspection first = makeInspection(house);
  first.templateVersion = 2;
  first.answers = {{"wall_cracks", true},
                   {"wall_crack_direction", std::string("vertical")},
                   {"wall_crack_count", std::string("single")},
                   {"wall_crack_width", 1.2}};
  // Handed in (an inspector may only push it submitted; a reviewer approves it later).
  Inspection second = makeInspection(house);
  second.templateVersion = 2;
  second.startedAt = first.startedAt + 86400000;
  second.submittedAt = second.startedAt + 3600000;
  const PhotoRecord front = makePhoto(house, second.id, std::string(3000, 'f'));
  second.answers = {{"wall_cracks", true},
                    {"wall_crack_direction", std::string("vertical")},
                    {"wall_crack_count", std::string("several")},
                    {"wall_crack_width", 1.5},
                    {"front_photo", front.id},
                    {"retired_item", std::string("旧版问题的回答")}};
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({makeChange(first, 1000, 0), makeChange(front, 1001, 0),
                                           makeChange(second, 1002, 0)}));
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();

  const json page = body(client().get("/console/api/houses/" + house, m_reviewer));
  ASSERT_EQ(page["inspections"].size(), 2u);
  const json& shown = page["inspections"][0];  // newest first
  ASSERT_EQ(shown["id"], second.id);
  EXPECT_EQ(shown["previous_inspection_id"], first.id);
  const json& answers = shown["answers"];
  ASSERT_EQ(answers["template_known"], true);
  std::map<std::string, json> items;
  std::vector<std::string> sections;
  for (const json& section : answers["sections"]) {
    sections.push_back(section["id"]);
    for (const json& item : section["items"]) items[item["id"]] = item;
  }
  // Sections in checklist order, each with its title in both languages.
  ASSERT_GE(sections.size(), 2u);
  EXPECT_EQ(sections[0], "basic_info");
  EXPECT_NE(std::find(sections.begin(), sections.end(), "walls"), sections.end());
  EXPECT_EQ(answers["sections"][0]["title"]["zh"].get<std::string>().empty(), false);

  EXPECT_EQ(items["wall_cracks"]["label"]["zh"], "承重墙体是否开裂");
  EXPECT_EQ(items["wall_cracks"]["answer"]["zh"], "是");
  EXPECT_EQ(items["wall_cracks"]["hazard"], true);
  EXPECT_EQ(items["wall_crack_direction"]["answer"]["zh"], "竖向");
  EXPECT_EQ(items["wall_crack_count"]["answer"]["zh"], "多条");
  EXPECT_EQ(items["wall_crack_count"]["previous"]["zh"], "单条");
  EXPECT_EQ(items["wall_crack_count"]["changed"], true);
  EXPECT_EQ(items["wall_crack_width"]["answer"]["zh"], "1.5 毫米");
  EXPECT_EQ(items["wall_crack_width"]["answer"]["en"], "1.5 mm");
  EXPECT_EQ(items["wall_crack_width"]["previous"]["zh"], "1.2 毫米");
  EXPECT_EQ(items["wall_crack_direction"]["changed"], false);
  EXPECT_EQ(items["front_photo"]["answer"]["photo_id"], front.id);
  // Applicable questions left unanswered are listed as such, not hidden.
  ASSERT_TRUE(items.count("year_built"));
  EXPECT_TRUE(items["year_built"]["answer"].is_null());
  // An answer the checklist does not know is still shown.
  ASSERT_EQ(answers["unlisted"].size(), 1u);
  EXPECT_EQ(answers["unlisted"][0]["id"], "retired_item");
  EXPECT_EQ(answers["unlisted"][0]["answer"]["zh"], "旧版问题的回答");

  // The first inspection has nothing earlier to compare with.
  const json& older = page["inspections"][1];
  EXPECT_TRUE(older["previous_inspection_id"].is_null());
  bool anyPrevious = false;
  for (const json& section : older["answers"]["sections"])
    for (const json& item : section["items"])
      anyPrevious = anyPrevious || !item["previous"].is_null();
  EXPECT_FALSE(anyPrevious);
}

TEST_P(ConsoleApi, PagesAreServedWithoutLogin) {
  const Reply page = client().get("/console/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("安居"), std::string::npos);
  EXPECT_EQ(client().get("/console/app.js").status, 200);
  EXPECT_EQ(client().get("/console/nope.js").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleApi, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
