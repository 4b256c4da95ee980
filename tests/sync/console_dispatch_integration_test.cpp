// Campaign dispatch (issue 11 §4) against the real server, on every storage backend: a reviewer
// assigns houses by selection or by community to a named inspector with a due date, only in
// their regions (403 outside); re-assignment replaces the assignment and is audited with the
// old and new inspector; the inspector's tablet receives its assignments on the last pull page
// when it asks for them, and older clients that do not ask get none.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

std::string urlEncoded(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class ConsoleApiDispatch : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    addUser("north", "reviewer", "临江区/城北街道");
    addUser("wang", "inspector", "临江区/城南街道");
    addUser("zhao", "inspector", "临江区/城北街道");
    m_reviewer = client().consoleLogin("reviewer", "review1234");
    m_north = client().consoleLogin("north", "pass12345");
    ASSERT_FALSE(m_reviewer.empty());
    ASSERT_FALSE(m_north.empty());
  }

  void addUser(const std::string& name, const std::string& role, const std::string& region) {
    const CliResult add =
        runCli({"user", "add", name, "--role", role, "--password-stdin", "--data", dataDir()},
               "pass12345\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    const CliResult assign = runCli({"assign", name, "--region", region, "--data", dataDir()});
    ASSERT_EQ(assign.exitCode, 0) << assign.err;
  }

  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  Reply dispatch(const json& request, const std::string& token) {
    return client().post("/console/api/assignments", request.dump(), token);
  }

  json get(const std::string& path, const std::string& token) {
    const Reply r = client().get(path, token);
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body;
    return body(r);
  }

  /// The assignments a tablet signed in as `token` receives: pages until the last.
  v1::PullResponse lastPage(const std::string& token, bool want) {
    std::string cursor;
    for (;;) {
      v1::PullRequest request;
      request.set_cursor(cursor);
      request.set_want_assignments(want);
      const Reply reply = client().post("/v1/sync/pull", request.SerializeAsString(), token);
      v1::PullResponse response;
      EXPECT_EQ(reply.status, 200) << reply.body;
      EXPECT_TRUE(response.ParseFromString(reply.body));
      if (!response.has_more() || reply.status != 200) return response;
      EXPECT_EQ(response.assignments_size(), 0);  // only on the last page
      cursor = response.next_cursor();
    }
  }

  static std::set<std::string> assignedIds(const v1::PullResponse& page) {
    std::set<std::string> out;
    for (const v1::Assignment& a : page.assignments()) out.insert(a.building_id());
    return out;
  }

  std::string m_reviewer, m_north;
};

TEST_P(ConsoleApiDispatch, AssignsASelectionAndTheTabletReceivesIt) {
  const std::string a = ownBuilding(0).record_id(), b = ownBuilding(1).record_id();
  const Reply done = dispatch(
      {{"building_ids", {a, b}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}}, m_reviewer);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(body(done)["assigned"], 2);
  EXPECT_EQ(body(done)["reassigned"], 0);

  const json list = get("/console/api/assignments?inspector=demo", m_reviewer);
  ASSERT_EQ(list["assignments"].size(), 2u);
  EXPECT_EQ(list["assignments"][0]["due_date"], "2026-12-20");
  EXPECT_EQ(list["assignments"][0]["assigned_by"], "reviewer");
  EXPECT_EQ(list["assignments"][0]["region"]["street"], "城南街道");

  // The inspector's tablet gets them on the last page when it asks; an older client does not.
  const v1::PullResponse mine = lastPage(m_demoToken, true);
  EXPECT_TRUE(mine.assignments_included());
  EXPECT_EQ(assignedIds(mine), (std::set<std::string>{a, b}));
  EXPECT_EQ(mine.assignments(0).due_date(), "2026-12-20");
  EXPECT_EQ(mine.assignments(0).assigned_by(), "reviewer");
  const v1::PullResponse old = lastPage(m_demoToken, false);
  EXPECT_FALSE(old.assignments_included());
  EXPECT_EQ(old.assignments_size(), 0);
  // Another inspector gets none of them (but the whole, empty set).
  const std::string wang = client().login("wang", "pass12345");
  const v1::PullResponse wangs = lastPage(wang, true);
  EXPECT_TRUE(wangs.assignments_included());
  EXPECT_EQ(wangs.assignments_size(), 0);

  // Assigning again with the same inspector and date changes nothing.
  const Reply again = dispatch(
      {{"building_ids", {a}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}}, m_reviewer);
  EXPECT_EQ(body(again)["unchanged"], 1);
}

TEST_P(ConsoleApiDispatch, ReassignmentReplacesAndIsAudited) {
  const std::string a = ownBuilding(0).record_id();
  ASSERT_EQ(dispatch({{"building_ids", {a}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}},
                     m_reviewer)
                .status,
            200);
  const Reply moved = dispatch(
      {{"building_ids", {a}}, {"inspector", "wang"}, {"due_date", "2026-12-24"}}, m_reviewer);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(body(moved)["reassigned"], 1);

  EXPECT_EQ(get("/console/api/assignments?inspector=demo", m_reviewer)["assignments"].size(), 0u);
  const json wangs = get("/console/api/assignments?inspector=wang", m_reviewer);
  ASSERT_EQ(wangs["assignments"].size(), 1u);
  EXPECT_EQ(wangs["assignments"][0]["due_date"], "2026-12-24");
  EXPECT_EQ(lastPage(m_demoToken, true).assignments_size(), 0);
  EXPECT_EQ(assignedIds(lastPage(client().login("wang", "pass12345"), true)),
            (std::set<std::string>{a}));

  const json audit = get("/console/api/audit?building=" + a, m_reviewer);
  ASSERT_GE(audit["entries"].size(), 2u);
  const json& last = audit["entries"][0];  // newest first
  EXPECT_EQ(last["action"], "reassign");
  EXPECT_EQ(last["user"], "reviewer");
  EXPECT_GT(last["at"].get<std::int64_t>(), 0);
  const json detail =
      last["detail"].is_string() ? json::parse(last["detail"].get<std::string>()) : last["detail"];
  EXPECT_EQ(detail["previous_inspector"], "demo");
  EXPECT_EQ(detail["inspector"], "wang");
  EXPECT_EQ(detail["due_date"], "2026-12-24");
  EXPECT_EQ(audit["entries"][1]["action"], "assign");
}

TEST_P(ConsoleApiDispatch, AssignsAWholeCommunity) {
  const v1::RegionPath& region = ownBuilding(0).record().building().region();
  const std::string community =
      region.district() + "/" + region.street() + "/" + region.community();
  std::size_t inCommunity = 0;
  for (std::size_t i = 0; i < ownBuildingCount(); ++i)
    if (ownBuilding(i).record().building().region().community() == region.community())
      ++inCommunity;
  const Reply done = dispatch(
      {{"community", community}, {"inspector", "demo"}, {"due_date", "2026-12-31"}}, m_reviewer);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(body(done)["assigned"], inCommunity);
  const json list = get("/console/api/assignments?community=" + urlEncoded(community), m_reviewer);
  EXPECT_EQ(list["assignments"].size(), inCommunity);
  EXPECT_EQ(lastPage(m_demoToken, true).assignments_size(), static_cast<int>(inCommunity));
}

TEST_P(ConsoleApiDispatch, RefusesOutsideTheRegionsAndBadInputChangingNothing) {
  const std::string own = ownBuilding(0).record_id(), north = foreignBuilding().record_id();
  // A house outside the reviewer's regions: 403, and nothing of the batch is stored.
  EXPECT_EQ(dispatch({{"building_ids", {own}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}},
                     m_north)
                .status,
            403);
  EXPECT_EQ(
      dispatch({{"building_ids", {north, own}}, {"inspector", "zhao"}, {"due_date", "2026-12-20"}},
               m_north)
          .status,
      403);
  // The inspector must be able to sync the house.
  const Reply outside = dispatch(
      {{"building_ids", {north}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}}, m_reviewer);
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(body(outside)["error"]["fields"][0]["field"], "inspector");
  // Bad due dates, unknown and non-inspector accounts, nothing chosen.
  for (const char* date : {"2026-02-30", "20261220", "", "2026-13-01"}) {
    const Reply bad =
        dispatch({{"building_ids", {own}}, {"inspector", "demo"}, {"due_date", date}}, m_reviewer);
    EXPECT_EQ(bad.status, 400) << date;
    EXPECT_EQ(body(bad)["error"]["fields"][0]["field"], "due_date");
  }
  EXPECT_EQ(
      body(dispatch({{"building_ids", {own}}, {"inspector", "nobody"}, {"due_date", "2026-12-20"}},
                    m_reviewer))["error"]["fields"][0]["field"],
      "inspector");
  EXPECT_EQ(dispatch({{"building_ids", {own}}, {"inspector", "north"}, {"due_date", "2026-12-20"}},
                     m_reviewer)
                .status,
            400);
  EXPECT_EQ(dispatch({{"inspector", "demo"}, {"due_date", "2026-12-20"}}, m_reviewer).status, 400);
  // An inspector's token may not dispatch at all.
  EXPECT_EQ(dispatch({{"building_ids", {own}}, {"inspector", "demo"}, {"due_date", "2026-12-20"}},
                     m_demoToken)
                .status,
            403);
  EXPECT_EQ(get("/console/api/assignments", m_reviewer)["assignments"].size(), 0u);
  // The north reviewer sees only inspectors whose regions meet theirs.
  const json inspectors = get("/console/api/inspectors", m_north);
  ASSERT_EQ(inspectors["inspectors"].size(), 1u);
  EXPECT_EQ(inspectors["inspectors"][0]["name"], "zhao");
  EXPECT_EQ(get("/console/api/inspectors", m_reviewer)["inspectors"].size(), 3u);
}

constexpr TimestampMs kDay = 24LL * 3600 * 1000;
constexpr TimestampMs kMonday = 1780272000000;  // 2026-06-01 08:00 in China, a Monday

Visit visitOf(const Uuid& buildingId, VisitOutcome outcome, TimestampMs at) {
  Visit v;
  v.id = newUuid();
  v.buildingId = buildingId;
  v.inspector = "demo";
  v.visitedAt = at;
  v.outcome = outcome;
  return v;
}

// The counts of `key` in a progress group's days (or weeks) as {date: n}, zeros left out.
std::map<std::string, int> series(const json& group, const char* list, const char* dateKey,
                                  const char* key) {
  std::map<std::string, int> out;
  for (const json& row : group[list])
    if (row[key].get<int>() != 0) out[row[dateKey].get<std::string>()] = row[key].get<int>();
  return out;
}

TEST_P(ConsoleApiDispatch, ProgressCountsPerCommunityInspectorDayAndWeek) {
  // Five houses of one community: h0..h2 assigned to demo, h4 to wang, h3 not assigned.
  const v1::RegionPath& region = ownBuilding(0).record().building().region();
  std::vector<std::string> h;
  for (std::size_t i = 0; i < ownBuildingCount(); ++i)
    if (ownBuilding(i).record().building().region().community() == region.community())
      h.push_back(ownBuilding(i).record_id());
  ASSERT_GE(h.size(), 5u);
  const int houses = static_cast<int>(h.size());
  ASSERT_EQ(
      dispatch(
          {{"building_ids", {h[0], h[1], h[2]}}, {"inspector", "demo"}, {"due_date", "2026-06-12"}},
          m_reviewer)
          .status,
      200);
  ASSERT_EQ(dispatch({{"building_ids", {h[4]}}, {"inspector", "wang"}, {"due_date", "2026-06-12"}},
                     m_reviewer)
                .status,
            200);
  // h0 nobody home on Monday, h1 refused on Tuesday; h2 and h4 inspected on Wednesday (h2
  // approved, h4 returned), h3 inspected the next Tuesday and waiting for review.
  const v1::PushResponse visits = client().push(
      m_demoToken,
      makePush({makeChange(visitOf(h[0], VisitOutcome::kNobodyHome, kMonday), 1000, 0),
                makeChange(visitOf(h[1], VisitOutcome::kRefusedEntry, kMonday + kDay), 1000, 0)}));
  ASSERT_EQ(visits.results(0).outcome(), v1::ChangeResult::APPLIED) << visits.results(0).reason();
  ASSERT_EQ(visits.results(1).outcome(), v1::ChangeResult::APPLIED) << visits.results(1).reason();
  auto handIn = [&](const std::string& house, TimestampMs at) {
    Inspection in = makeInspection(house);
    in.startedAt = at - 3600000;
    in.submittedAt = at;
    const v1::PushResponse pushed = client().push(m_demoToken, makePush({makeChange(in, 1, 0)}));
    EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
    return in.id;
  };
  const std::string i2 = handIn(h[2], kMonday + 2 * kDay);
  const std::string i4 = handIn(h[4], kMonday + 2 * kDay + 3600000);
  handIn(h[3], kMonday + 8 * kDay);
  ASSERT_EQ(client().post("/console/api/inspections/" + i2 + "/approve", "{}", m_reviewer).status,
            200);
  ASSERT_EQ(client()
                .post("/console/api/inspections/" + i4 + "/return",
                      json{{"comment", "补拍照片"}}.dump(), m_reviewer)
                .status,
            200);

  const std::string filter = "district=" + urlEncoded(region.district()) +
                             "&street=" + urlEncoded(region.street()) +
                             "&community=" + urlEncoded(region.community());
  const json progress = get("/console/api/progress?" + filter, m_reviewer);
  ASSERT_EQ(progress["communities"].size(), 1u);
  const json& c = progress["communities"][0];
  EXPECT_EQ(c["community"]["community"], region.community());
  EXPECT_EQ(c["total"], (json{{"houses", houses},
                              {"assigned", 4},
                              {"visited", 5},
                              {"inspected", 3},
                              {"not_reached", 2},
                              {"nobody_home", 1},
                              {"refused", 1},
                              {"submitted", 1},
                              {"approved", 1},
                              {"returned", 1}}));
  EXPECT_EQ(progress["total"]["total"], c["total"]);
  using Series = std::map<std::string, int>;
  EXPECT_EQ(series(c, "days", "date", "visited"),
            (Series{{"2026-06-01", 1}, {"2026-06-02", 1}, {"2026-06-03", 2}, {"2026-06-09", 1}}));
  EXPECT_EQ(series(c, "days", "date", "nobody_home"), (Series{{"2026-06-01", 1}}));
  EXPECT_EQ(series(c, "days", "date", "refused"), (Series{{"2026-06-02", 1}}));
  EXPECT_EQ(series(c, "days", "date", "inspected"), (Series{{"2026-06-03", 2}, {"2026-06-09", 1}}));
  EXPECT_EQ(series(c, "days", "date", "approved"), (Series{{"2026-06-03", 1}}));
  EXPECT_EQ(series(c, "days", "date", "returned"), (Series{{"2026-06-03", 1}}));
  EXPECT_EQ(series(c, "days", "date", "submitted"), (Series{{"2026-06-09", 1}}));
  int assignedDays = 0;
  for (const auto& [date, n] : series(c, "days", "date", "assigned")) assignedDays += n;
  EXPECT_EQ(assignedDays, 4);
  // Weeks run Monday to Sunday in Beijing time.
  EXPECT_EQ(series(c, "weeks", "week_start", "visited"),
            (Series{{"2026-06-01", 4}, {"2026-06-08", 1}}));
  EXPECT_EQ(series(c, "weeks", "week_start", "inspected"),
            (Series{{"2026-06-01", 2}, {"2026-06-08", 1}}));
  EXPECT_EQ(series(c, "weeks", "week_end", "not_reached"), (Series{{"2026-06-07", 2}}));

  // Per inspector: the assignee, else whoever made the shown inspection (h3: demo).
  std::map<std::string, json> byName;
  for (const json& g : progress["inspectors"]) byName[g["inspector"]] = g["total"];
  EXPECT_EQ(byName["demo"]["houses"], 4);
  EXPECT_EQ(byName["demo"]["assigned"], 3);
  EXPECT_EQ(byName["demo"]["visited"], 4);
  EXPECT_EQ(byName["demo"]["inspected"], 2);
  EXPECT_EQ(byName["demo"]["not_reached"], 2);
  EXPECT_EQ(byName["demo"]["submitted"], 1);
  EXPECT_EQ(byName["demo"]["approved"], 1);
  EXPECT_EQ(byName["wang"]["assigned"], 1);
  EXPECT_EQ(byName["wang"]["returned"], 1);
  if (houses > 5) EXPECT_EQ(byName[""]["houses"], houses - 5);
  if (houses > 5) EXPECT_EQ(byName[""]["visited"], 0);

  // Scoped like every console read: the north reviewer sees none of it.
  EXPECT_TRUE(get("/console/api/progress?" + filter, m_north)["communities"].empty());
  EXPECT_EQ(client().get("/console/api/progress", m_demoToken).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleApiDispatch, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
