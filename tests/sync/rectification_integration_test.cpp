// Rectification per hazard to 销号 (issue 11 §2) against the real server, on every storage
// backend: a measure names a hazard of the house's latest approved inspection; completion needs a
// photo (from the console or a tablet), acceptance needs completion, closure needs acceptance;
// each step is refused out of order without changing anything, and audited when taken; a house
// is closed only when every hazard is; another region's reviewer can do none of it; a tablet
// pulls the steps but cannot take them.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anju/sha256.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

// The smallest bytes the server takes as a JPEG: the magic number and some content.
std::string jpegBytes(const std::string& content) {
  return std::string("\xFF\xD8\xFF\xE0", 4) + content;
}

class RectificationToClosure : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    const CliResult add = runCli(
        {"user", "add", "north", "--role", "reviewer", "--password-stdin", "--data", dataDir()},
        "north1234\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    ASSERT_EQ(
        runCli({"assign", "north", "--region", "临江区/城北街道", "--data", dataDir()}).exitCode,
        0);
    m_reviewer = client().consoleLogin("reviewer", "review1234");
    m_north = client().consoleLogin("north", "north1234");
    ASSERT_FALSE(m_reviewer.empty());
    ASSERT_FALSE(m_north.empty());
    // A submitted inspection with two hazards, then approved: its findings are the hazards.
    m_inspection = makeInspection(house());
    Finding second = m_inspection.findings.front();
    second.id = newUuid();
    second.component = Component::kRoof;
    second.hazard = HazardKind::kRoofLeak;
    second.location = "屋面西侧";
    m_inspection.findings.push_back(second);
    const v1::PushResponse pushed =
        client().push(m_demoToken, makePush({makeChange(m_inspection, 1000, 0)}));
    ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  }

  const std::string& house() const { return ownBuilding().record_id(); }
  const Uuid& hazard(std::size_t i) const { return m_inspection.findings.at(i).id; }
  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  void approve() {
    const Reply r =
        client().post("/console/api/inspections/" + m_inspection.id + "/approve", "{}", m_reviewer);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  Reply addMeasure(const Uuid& findingId, const std::string& token) {
    const json input = {{"family", "engineering"},
                        {"measure", "维修加固"},
                        {"status", "pending"},
                        {"deadline", "2026-12-31"},
                        {"responsible_party", "产权人张三"},
                        {"inspection_id", m_inspection.id},
                        {"finding_id", findingId}};
    return client().post("/console/api/houses/" + house() + "/rectifications", input.dump(), token);
  }
  Reply step(const std::string& id, const std::string& what, const std::string& token,
             const json& payload = json::object()) {
    return client().post("/console/api/rectifications/" + id + "/" + what, payload.dump(), token);
  }
  Reply uploadPhoto(const std::string& id, const std::string& bytes, const std::string& token) {
    return client().post("/console/api/rectifications/" + id + "/photos?caption=%E5%8A%A0%E5%9B%BA",
                         bytes, token);
  }
  json page() { return body(client().get("/console/api/houses/" + house(), m_reviewer)); }
  json measure(const std::string& id) {
    const json house = page();  // kept: the loop walks a part of it
    for (const json& r : house["rectifications"])
      if (r["id"] == id) return r;
    return nullptr;
  }
  json registerRow() {
    const json rows = body(client().get(
        "/console/api/houses?limit=500&district=%E4%B8%B4%E6%B1%9F%E5%8C%BA", m_reviewer))["rows"];
    for (const json& r : rows)
      if (r["building_id"] == house()) return r;
    return nullptr;
  }
  /// Creates a measure of hazard `i` and takes it to 销号 (one console photo as evidence).
  std::string closeHazard(std::size_t i) {
    const Reply created = addMeasure(hazard(i), m_reviewer);
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string id = body(created)["id"];
    EXPECT_EQ(uploadPhoto(id, jpegBytes("after-" + std::to_string(i)), m_reviewer).status, 201);
    EXPECT_EQ(step(id, "complete", m_reviewer).status, 200);
    EXPECT_EQ(step(id, "accept", m_reviewer).status, 200);
    EXPECT_EQ(step(id, "close", m_reviewer).status, 200);
    return id;
  }

  std::string m_reviewer, m_north;
  Inspection m_inspection;
};

TEST_P(RectificationToClosure, AMeasureNamesAHazardOfTheLatestApprovedInspection) {
  // Submitted, not approved: no hazard to rectify yet.
  Reply early = addMeasure(hazard(0), m_reviewer);
  EXPECT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(body(early)["error"]["fields"][0]["field"], "finding_id");
  approve();
  const Reply unknown = addMeasure(newUuid(), m_reviewer);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(body(unknown)["error"]["id"], "rectification.not_a_current_hazard");
  EXPECT_TRUE(page()["rectifications"].empty()) << "a refused measure writes nothing";

  const Reply created = addMeasure(hazard(0), m_reviewer);
  ASSERT_EQ(created.status, 201) << created.body;
  const json m = measure(body(created)["id"]);
  EXPECT_EQ(m["finding_id"], hazard(0));
  EXPECT_EQ(m["inspection_id"], m_inspection.id);
  EXPECT_EQ(m["stage"]["code"], "open");
  const json hazards = page()["hazards"];
  EXPECT_EQ(hazards["inspection_id"], m_inspection.id);
  ASSERT_EQ(hazards["hazards"].size(), 2u);
  EXPECT_EQ(hazards["hazards"][0]["measure_ids"], json::array({body(created)["id"]}));
  EXPECT_TRUE(hazards["hazards"][1]["measure_ids"].empty());
}

TEST_P(RectificationToClosure, EachStepOnlyInOrderAndEachAudited) {
  approve();
  const Reply created = addMeasure(hazard(0), m_reviewer);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = body(created)["id"];

  // Nothing can be skipped: no completion without a photo, no acceptance or closure before.
  const Reply noPhoto = step(id, "complete", m_reviewer);
  EXPECT_EQ(noPhoto.status, 409);
  EXPECT_EQ(body(noPhoto)["error"]["id"], "rectification.completion_needs_photo");
  EXPECT_EQ(body(step(id, "accept", m_reviewer))["error"]["id"],
            "rectification.accept_needs_completion");
  EXPECT_EQ(body(step(id, "close", m_reviewer))["error"]["id"],
            "rectification.close_needs_acceptance");
  EXPECT_EQ(uploadPhoto(id, "not an image", m_reviewer).status, 400);
  EXPECT_EQ(measure(id)["stage"]["code"], "open");
  EXPECT_TRUE(measure(id)["photos"].empty());

  const Reply photo = uploadPhoto(id, jpegBytes("repaired wall"), m_reviewer);
  ASSERT_EQ(photo.status, 201) << photo.body;
  const std::string photoId = body(photo)["id"];
  EXPECT_EQ(step(id, "accept", m_reviewer).status, 409) << "still not completed";
  const Reply completed = step(id, "complete", m_reviewer, {{"note", "已加设钢筋混凝土圈梁"}});
  ASSERT_EQ(completed.status, 200) << completed.body;
  json m = measure(id);
  EXPECT_EQ(m["stage"]["code"], "completed");
  EXPECT_EQ(m["status"]["code"], "done");
  EXPECT_EQ(m["completion_photo_ids"], json::array({photoId}));
  EXPECT_EQ(m["completed"]["by"], "reviewer");
  EXPECT_EQ(m["photos"][0]["complete"], true);
  EXPECT_EQ(step(id, "complete", m_reviewer).status, 409) << "completion is recorded once";
  EXPECT_EQ(step(id, "close", m_reviewer).status, 409) << "not accepted yet";

  ASSERT_EQ(step(id, "accept", m_reviewer, {{"note", "验收合格"}}).status, 200);
  EXPECT_EQ(step(id, "accept", m_reviewer).status, 409);
  ASSERT_EQ(step(id, "close", m_reviewer).status, 200);
  m = measure(id);
  EXPECT_EQ(m["stage"]["code"], "closed");
  EXPECT_EQ(m["accepted"]["note"], "验收合格");
  EXPECT_GT(m["closed"]["at"].get<std::int64_t>(), 0);

  // A closed measure no longer changes, by any route.
  const json edit = {{"family", "management"}, {"measure", "x"}, {"status", "done"}};
  EXPECT_EQ(client().post("/console/api/rectifications/" + id, edit.dump(), m_reviewer).status,
            409);
  EXPECT_EQ(step(id, "close", m_reviewer).status, 409);
  EXPECT_EQ(uploadPhoto(id, jpegBytes("late"), m_reviewer).status, 409);
  EXPECT_EQ(measure(id)["measure"], "维修加固");

  // Audited: who and when, one row per step, newest first.
  std::vector<std::string> actions;
  const json audited = page();
  for (const json& e : audited["audit"]) {
    actions.push_back(e["action"]);
    EXPECT_EQ(e["user"], "reviewer");
    EXPECT_GT(e["at"].get<std::int64_t>(), 0);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"rectification_close", "rectification_accept",
                                               "rectification_complete", "rectification_photo",
                                               "rectification_create", "approve"}));

  // The tablet pulls the steps with the record.
  v1::Rectification pulled;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken))
    if (c.record_id() == id) pulled = c.record().rectification();
  EXPECT_EQ(pulled.finding_id(), hazard(0));
  EXPECT_GT(pulled.closed_at(), 0);
  EXPECT_EQ(pulled.accepted_by(), "reviewer");
  EXPECT_EQ(pulled.completion_photo_ids_size(), 1);
}

TEST_P(RectificationToClosure, HouseIsClosedOnlyWhenEveryHazardIs) {
  approve();
  json row = registerRow();
  EXPECT_EQ(row["hazard_count"], 2);
  EXPECT_EQ(row["hazards_closed"], 0);
  EXPECT_EQ(row["closure"], "open");

  closeHazard(0);
  // A second measure on the closed hazard's sibling, left open: the house stays open.
  row = registerRow();
  EXPECT_EQ(row["hazards_closed"], 1);
  EXPECT_EQ(row["closure"], "open");
  json hazards = page()["hazards"];
  EXPECT_EQ(hazards["hazards"][0]["closed"], true);
  EXPECT_EQ(hazards["hazards"][1]["closed"], false);
  EXPECT_EQ(hazards["house_closed"], false);
  EXPECT_EQ(body(client().get("/console/api/dashboard", m_reviewer))["total"]["closure"]["open"],
            1);

  closeHazard(1);
  row = registerRow();
  EXPECT_EQ(row["hazards_closed"], 2);
  EXPECT_EQ(row["closure"], "closed");
  EXPECT_EQ(page()["hazards"]["house_closed"], true);
  const json total = body(client().get("/console/api/dashboard", m_reviewer))["total"]["closure"];
  EXPECT_EQ(total["closed"], 1);
  EXPECT_EQ(total["open"], 0);
  EXPECT_EQ(total["hazards_closed"], 2);
  const json closed = body(client().get("/console/api/houses?closure=closed", m_reviewer))["rows"];
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0]["building_id"], house());
  EXPECT_EQ(client().get("/console/api/houses?closure=maybe", m_reviewer).status, 400);
}

TEST_P(RectificationToClosure, AnotherRegionsReviewerCanTakeNoStep) {
  approve();
  EXPECT_EQ(addMeasure(hazard(0), m_north).status, 403);
  const std::string id = body(addMeasure(hazard(0), m_reviewer))["id"];
  EXPECT_EQ(uploadPhoto(id, jpegBytes("x"), m_north).status, 403);
  ASSERT_EQ(uploadPhoto(id, jpegBytes("y"), m_reviewer).status, 201);
  EXPECT_EQ(step(id, "complete", m_north).status, 403);
  ASSERT_EQ(step(id, "complete", m_reviewer).status, 200);
  EXPECT_EQ(step(id, "accept", m_north).status, 403);
  ASSERT_EQ(step(id, "accept", m_reviewer).status, 200);
  EXPECT_EQ(step(id, "close", m_north).status, 403);
  const json m = measure(id);
  EXPECT_EQ(m["stage"]["code"], "accepted");
  EXPECT_EQ(m["photos"].size(), 1u) << "the other region's photo was not stored";
  const json audited = page();
  for (const json& e : audited["audit"]) EXPECT_EQ(e["user"], "reviewer");
}

TEST_P(RectificationToClosure, ATabletsPhotoIsEvidenceButATabletCannotTakeTheSteps) {
  approve();
  const std::string id = body(addMeasure(hazard(0), m_reviewer))["id"];
  // The tablet's photo path: a photo record naming the rectification, then its bytes.
  const std::string bytes = jpegBytes("photo from the field");
  PhotoRecord photo = makePhoto(house(), "", bytes);
  photo.rectificationId = id;
  v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(photo, 2000, 0)}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  EXPECT_EQ(step(id, "complete", m_reviewer).status, 409) << "its bytes have not arrived";
  ASSERT_EQ(client().uploadPhoto(photo.sha256, bytes, m_demoToken).status, 200);
  ASSERT_EQ(step(id, "complete", m_reviewer).status, 200);
  EXPECT_EQ(measure(id)["completion_photo_ids"], json::array({photo.id}));

  // The inspector's tablet may not accept or close: the push is refused, nothing changes.
  v1::PulledChange current;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken))
    if (c.record_id() == id) current = c;
  pushed = client().push(m_demoToken, makePush({editOf(current, [](v1::Record& r) {
                           r.mutable_rectification()->set_accepted_at(1780300000000);
                           r.mutable_rectification()->set_accepted_by("demo");
                         })}));
  EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::REJECTED);
  EXPECT_EQ(measure(id)["stage"]["code"], "completed");
  // Its ordinary fields it may still change, as before.
  pushed = client().push(m_demoToken, makePush({editOf(current, [](v1::Record& r) {
                           r.mutable_rectification()->set_note("产权人已联系施工队");
                         })}));
  EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
}

TEST_P(RectificationToClosure, BuildingLevelMeasuresStillReadAndDoNotCloseAHouse) {
  approve();
  const json old = {{"family", "management"}, {"measure", "stop_use"}, {"status", "pending"}};
  const Reply created =
      client().post("/console/api/houses/" + house() + "/rectifications", old.dump(), m_reviewer);
  ASSERT_EQ(created.status, 201) << created.body;
  const json m = measure(body(created)["id"]);
  EXPECT_EQ(m["finding_id"], "");
  EXPECT_EQ(m["stage"]["code"], "open");
  EXPECT_EQ(page()["hazards"]["closed"], 0);
  EXPECT_EQ(registerRow()["closure"], "open");
}

INSTANTIATE_TEST_SUITE_P(Backends, RectificationToClosure, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
