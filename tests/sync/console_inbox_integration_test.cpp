// The review console's 待审核 inbox and search box (issue 11 §2) against the real server, on
// every storage backend: the inbox lists handed-in inspections oldest first, only in the
// reviewer's regions, paged by key, and a house leaves it once approved or returned; the search
// box finds houses by address, owner name, phone and house code, only in the reviewer's regions.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

constexpr TimestampMs kHour = 3600000;

class ConsoleApiInbox : public SyncServerTest {
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
  }

  static json body(const Reply& r) { return json::parse(r.body, nullptr, false); }

  json get(const std::string& path, const std::string& token) {
    const Reply r = client().get(path, token);
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body;
    return body(r);
  }

  /// Pushes (as admin, who may write in every region) an inspection of `house` handed in at
  /// `submittedAt`, or a draft when `submittedAt` is 0.
  Inspection handIn(const Uuid& house, TimestampMs submittedAt) {
    Inspection in = makeInspection(house);
    in.startedAt = (submittedAt ? submittedAt : 1780272000000) - kHour;
    in.submittedAt = submittedAt;
    if (submittedAt == 0) in.review = ReviewState::kDraft;
    const v1::PushResponse pushed = client().push(m_adminToken, makePush({makeChange(in, 1, 0)}));
    EXPECT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
    return in;
  }

  /// Sets a house's owner, phone and house code (an edit pushed by admin).
  void setOwner(const v1::PulledChange& house, const std::string& owner, const std::string& phone,
                const std::string& code) {
    const v1::PushResponse pushed =
        client().push(m_adminToken, makePush({editOf(house, [&](v1::Record& r) {
                        r.mutable_building()->set_owner_name(owner);
                        r.mutable_building()->set_owner_contact(phone);
                        r.mutable_building()->set_building_code(code);
                      })}));
    ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  }

  /// The building ids of a page's rows, in order.
  static std::vector<std::string> ids(const json& page) {
    std::vector<std::string> out;
    for (const json& row : page["rows"]) out.push_back(row["building_id"]);
    return out;
  }

  std::vector<std::string> search(const std::string& encodedQuery, const std::string& token) {
    return ids(get("/console/api/houses?limit=500&q=" + encodedQuery, token));
  }

  std::string m_reviewer, m_north;
};

TEST_P(ConsoleApiInbox, ListsHandedInInspectionsOldestFirstInTheReviewersRegions) {
  const TimestampMs t0 = 1780275600000;
  const std::string a = ownBuilding(0).record_id(), b = ownBuilding(1).record_id(),
                    c = ownBuilding(2).record_id(), draft = ownBuilding(3).record_id(),
                    north = foreignBuilding().record_id();
  handIn(a, t0 + 2 * kHour);
  handIn(b, t0 + 1 * kHour);
  handIn(c, t0 + 3 * kHour);
  handIn(draft, 0);  // a draft is not handed in: not in the inbox
  handIn(north, t0 + 30 * 60000);

  const json all = get("/console/api/inbox", m_reviewer);
  EXPECT_EQ(ids(all), (std::vector<std::string>{north, b, a, c}));
  EXPECT_EQ(all["total"], 4);
  EXPECT_TRUE(all["next"].is_null());
  const json& first = all["rows"][0];
  EXPECT_EQ(first["inspected_at"], t0 + 30 * 60000);
  EXPECT_EQ(first["inspector"], "demo");
  EXPECT_EQ(first["judgment"]["code"], "serious");
  EXPECT_EQ(first["region"]["street"], "城北街道");
  EXPECT_FALSE(first["address"].get<std::string>().empty());
  EXPECT_EQ(get("/console/api/inbox/count", m_reviewer)["count"], 4);

  // Another street's reviewer sees only their own street's house, and counts only it.
  const json northInbox = get("/console/api/inbox", m_north);
  EXPECT_EQ(ids(northInbox), (std::vector<std::string>{north}));
  EXPECT_EQ(northInbox["total"], 1);
  EXPECT_EQ(get("/console/api/inbox/count", m_north)["count"], 1);

  // Keyset paging walks the same order.
  const json page1 = get("/console/api/inbox?limit=3", m_reviewer);
  EXPECT_EQ(ids(page1), (std::vector<std::string>{north, b, a}));
  ASSERT_TRUE(page1["next"].is_string());
  const json page2 =
      get("/console/api/inbox?limit=3&after=" + page1["next"].get<std::string>(), m_reviewer);
  EXPECT_EQ(ids(page2), (std::vector<std::string>{c}));
  EXPECT_TRUE(page2["next"].is_null());
  EXPECT_EQ(client().get("/console/api/inbox?after=nonsense", m_reviewer).status, 400);
  EXPECT_EQ(client().get("/console/api/inbox", m_demoToken).status, 403);
  EXPECT_EQ(client().get("/console/api/inbox/count", "").status, 401);
}

TEST_P(ConsoleApiInbox, AnInspectionLeavesTheInboxOnceApprovedOrReturned) {
  const TimestampMs t0 = 1780275600000;
  const Inspection older = handIn(ownBuilding(0).record_id(), t0);
  const Inspection newer = handIn(ownBuilding(1).record_id(), t0 + kHour);
  const Inspection last = handIn(ownBuilding(2).record_id(), t0 + 2 * kHour);
  ASSERT_EQ(get("/console/api/inbox/count", m_reviewer)["count"], 3);

  // The north reviewer cannot take an item off this inbox.
  EXPECT_EQ(
      client().post("/console/api/inspections/" + older.id + "/approve", "{}", m_north).status,
      403);
  EXPECT_EQ(get("/console/api/inbox/count", m_reviewer)["count"], 3);

  ASSERT_EQ(client()
                .post("/console/api/inspections/" + older.id + "/return",
                      json{{"comment", "请补拍北墙"}}.dump(), m_reviewer)
                .status,
            200);
  EXPECT_EQ(ids(get("/console/api/inbox", m_reviewer)),
            (std::vector<std::string>{newer.buildingId, last.buildingId}));
  ASSERT_EQ(
      client().post("/console/api/inspections/" + newer.id + "/approve", "", m_reviewer).status,
      200);
  const json left = get("/console/api/inbox", m_reviewer);
  EXPECT_EQ(ids(left), (std::vector<std::string>{last.buildingId}));
  EXPECT_EQ(left["total"], 1);

  // Handed in again after the return, it comes back, now ordered by its new submitted time.
  Inspection again = older;
  again.submittedAt = t0 + 3 * kHour;
  again.review = ReviewState::kSubmitted;
  again.reviewComment.clear();
  std::uint64_t version = 0;
  for (const v1::PulledChange& c : client().pullAll(m_adminToken))
    if (c.record_id() == older.id) version = c.version();
  ASSERT_NE(version, 0u);
  const v1::PushResponse pushed =
      client().push(m_adminToken, makePush({makeChange(again, version + 1, version)}));
  ASSERT_EQ(pushed.results(0).outcome(), v1::ChangeResult::APPLIED) << pushed.results(0).reason();
  EXPECT_EQ(ids(get("/console/api/inbox", m_reviewer)),
            (std::vector<std::string>{last.buildingId, older.buildingId}));
}

TEST_P(ConsoleApiInbox, SearchFindsHousesByAddressOwnerPhoneAndCodeInTheReviewersRegions) {
  const v1::PulledChange& own = ownBuilding(4);
  const v1::PulledChange& other = ownBuilding(5);
  setOwner(own, "欧阳明", "199-0042-7310", "LJ-CN-00042");
  setOwner(other, "欧阳芳", "19912345678", "LJ-CN-00043");
  setOwner(foreignBuilding(), "欧阳北", "19700001111", "LJ-CB-00001");
  const std::string ownId = own.record_id(), otherId = other.record_id(),
                    northId = foreignBuilding().record_id();
  const std::string address = own.record().building().address();
  ASSERT_GE(address.size(), 9u);

  // Owner name: a full name (3 characters), and a 2-character surname shared by three houses.
  EXPECT_EQ(search("%E6%AC%A7%E9%98%B3%E6%98%8E", m_reviewer),  // 欧阳明
            (std::vector<std::string>{ownId}));
  std::vector<std::string> ouyang = search("%E6%AC%A7%E9%98%B3", m_reviewer);  // 欧阳
  std::sort(ouyang.begin(), ouyang.end());
  std::vector<std::string> expected{ownId, otherId, northId};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ouyang, expected);
  // Phone: as written, as digits only, and its last digits (the demo's phones may share four).
  EXPECT_EQ(search("199-0042-7310", m_reviewer), (std::vector<std::string>{ownId}));
  EXPECT_EQ(search("19900427310", m_reviewer), (std::vector<std::string>{ownId}));
  EXPECT_EQ(search("0427310", m_reviewer), (std::vector<std::string>{ownId}));
  const json bySuffix = get("/console/api/houses?limit=500&q=7310", m_reviewer);
  bool suffixFound = false;
  for (const json& row : bySuffix["rows"]) {
    suffixFound = suffixFound || row["building_id"] == ownId;
    std::string digits;
    for (char ch : row["owner_contact"].get<std::string>())
      if (ch >= '0' && ch <= '9') digits += ch;
    EXPECT_NE(digits.find("7310"), std::string::npos) << row.dump();
  }
  EXPECT_TRUE(suffixFound);
  EXPECT_EQ(search("19912345678", m_reviewer), (std::vector<std::string>{otherId}));
  // House code, in any letter case.
  EXPECT_EQ(search("lj-cn-00042", m_reviewer), (std::vector<std::string>{ownId}));
  std::vector<std::string> byCode = search("LJ-CN-0004", m_reviewer);
  std::sort(byCode.begin(), byCode.end());
  std::vector<std::string> both{ownId, otherId};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(byCode, both);
  // Address: the whole address, and two terms that must both occur.
  const json byAddress =
      get("/console/api/houses?limit=500&q=" + httplib::detail::encode_query_param(address),
          m_reviewer);
  bool addressFound = false;
  for (const json& row : byAddress["rows"]) {
    EXPECT_NE(row["address"].get<std::string>().find(address), std::string::npos);
    if (row["building_id"] != ownId) continue;
    addressFound = true;
    EXPECT_EQ(row["owner_name"], "欧阳明");
    EXPECT_EQ(row["owner_contact"], "199-0042-7310");
    EXPECT_EQ(row["building_code"], "LJ-CN-00042");
  }
  EXPECT_TRUE(addressFound);
  EXPECT_EQ(ids(get("/console/api/houses?limit=500&q=" +
                        httplib::detail::encode_query_param(address + " 0427310"),
                    m_reviewer)),
            (std::vector<std::string>{ownId}));
  // A term across two fields matches nothing; nor does a LIKE wildcard on its own match all.
  EXPECT_TRUE(search("%E6%98%8E199", m_reviewer).empty());  // 明199
  EXPECT_TRUE(search("%25%25%E6%AC%A7%E9%98%B3%E6%98%8E%25", m_reviewer).size() == 1u);

  // The other street's reviewer finds only their own house, never one of 城南街道.
  EXPECT_EQ(search("%E6%AC%A7%E9%98%B3", m_north), (std::vector<std::string>{northId}));
  EXPECT_TRUE(search("19900427310", m_north).empty());
  EXPECT_TRUE(search("LJ-CN", m_north).empty());
  EXPECT_TRUE(get("/console/api/dashboard?q=19900427310", m_north)["communities"].empty());

  // After an edit the old owner is no longer found and the new one is.
  const v1::PulledChange* current = nullptr;
  std::vector<v1::PulledChange> pulled = client().pullAll(m_adminToken);
  for (const v1::PulledChange& c : pulled)
    if (c.record_id() == ownId) current = &c;
  ASSERT_NE(current, nullptr);
  setOwner(*current, "司马光", "19900427310", "LJ-CN-00042");
  EXPECT_EQ(search("%E6%AC%A7%E9%98%B3%E6%98%8E", m_reviewer), (std::vector<std::string>{}));
  EXPECT_EQ(search("%E5%8F%B8%E9%A9%AC%E5%85%89", m_reviewer),  // 司马光
            (std::vector<std::string>{ownId}));

  // Too long a query is refused naming the field.
  const Reply tooLong = client().get("/console/api/houses?q=" + std::string(201, 'a'), m_reviewer);
  EXPECT_EQ(tooLong.status, 400);
  EXPECT_EQ(body(tooLong)["error"]["fields"][0]["field"], "q");
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleApiInbox, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
