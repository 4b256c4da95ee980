// Pull against the real server: paging, region filtering, epochs, restarts, server-side edits.
#include <set>

#include "anju/hlc.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using PullApi = SyncServerTest;

TEST_P(PullApi, PagesWithCursorUntilHasMoreIsFalse) {
  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  while (true) {
    const v1::PullResponse page = client().pull(m_demoToken, cursor, 25);
    ++pages;
    EXPECT_LE(page.changes_size(), 25);
    for (const v1::PulledChange& c : page.changes())
      EXPECT_TRUE(seen.insert(c.record_id()).second) << "sent twice: " << c.record_id();
    EXPECT_FALSE(page.next_cursor().empty());
    cursor = page.next_cursor();
    if (!page.has_more()) break;
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(seen.size(), ownBuildingCount());
  EXPECT_EQ(pages, static_cast<int>((ownBuildingCount() + 24) / 25));
  // Nothing new: an empty page, the cursor stays usable.
  const v1::PullResponse after = client().pull(m_demoToken, cursor, 25);
  EXPECT_EQ(after.changes_size(), 0);
  EXPECT_FALSE(after.has_more());
  EXPECT_FALSE(after.reset());
}

TEST_P(PullApi, ServerCapsThePageSize) {
  const v1::PullResponse page = client().pull(m_adminToken, "", 100000);
  EXPECT_EQ(page.changes_size(), 200);  // all demo buildings fit under the cap
  EXPECT_FALSE(page.has_more());
}

// The tablet's progress bar: asked on a page, the server says how many of this user's records
// come after it; another street's records are not counted, and nothing is counted unasked.
TEST_P(PullApi, CountRemainingSaysHowManyOfTheUsersRecordsAreStillToCome) {
  const Inspection foreign = makeInspection(foreignBuilding().record_id(), "admin");
  ASSERT_EQ(
      client().push(m_adminToken, makePush({makeChange(foreign, 1000, 0)})).results(0).outcome(),
      v1::ChangeResult::APPLIED);
  auto pullPage = [&](const std::string& cursor, bool count) {
    v1::PullRequest request;
    request.set_cursor(cursor);
    request.set_limit(25);
    request.set_count_remaining(count);
    const auto answer = client().post("/v1/sync/pull", request.SerializeAsString(), m_demoToken);
    EXPECT_EQ(answer.status, 200) << answer.body;
    v1::PullResponse page;
    EXPECT_TRUE(page.ParseFromString(answer.body));
    return page;
  };
  const std::int64_t own = static_cast<std::int64_t>(ownBuildingCount());
  ASSERT_GT(own, 50);
  const v1::PullResponse first = pullPage("", true);
  EXPECT_EQ(first.changes_size(), 25);
  EXPECT_EQ(first.remaining(), own - 25);
  const v1::PullResponse unasked = pullPage(first.next_cursor(), false);
  EXPECT_EQ(unasked.remaining(), 0);
  const v1::PullResponse third = pullPage(unasked.next_cursor(), true);
  EXPECT_EQ(third.remaining(), own - 75);
  // The last page has nothing after it.
  std::string cursor = third.next_cursor();
  v1::PullResponse page;
  do {
    page = pullPage(cursor, true);
    cursor = page.next_cursor();
  } while (page.has_more());
  EXPECT_EQ(page.remaining(), 0);
}

TEST_P(PullApi, InspectorNeverReceivesAnotherStreetsHouses) {
  const Inspection own = makeInspection(ownBuilding().record_id());
  ASSERT_EQ(client().push(m_adminToken, makePush({makeChange(own, 1000, 0)})).results(0).outcome(),
            v1::ChangeResult::APPLIED);
  const Inspection foreign = makeInspection(foreignBuilding().record_id(), "admin");
  ASSERT_EQ(
      client().push(m_adminToken, makePush({makeChange(foreign, 1000, 0)})).results(0).outcome(),
      v1::ChangeResult::APPLIED);

  bool sawOwnInspection = false;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
    if (c.kind() == "building") {
      EXPECT_EQ(c.record().building().region().street(), "城南街道") << c.record_id();
    }
    EXPECT_NE(c.record_id(), foreign.id);
    EXPECT_NE(c.record_id(), foreignBuilding().record_id());
    sawOwnInspection |= c.record_id() == own.id;
  }
  EXPECT_TRUE(sawOwnInspection);
  EXPECT_EQ(client().pullAll(m_adminToken).size(), 202u);
}

TEST_P(PullApi, MalformedCursorIs400) {
  v1::PullRequest request;
  request.set_cursor("not-a-cursor");
  EXPECT_EQ(client().post("/v1/sync/pull", request.SerializeAsString(), m_demoToken).status, 400);
}

TEST_P(PullApi, CursorFromAnotherEpochResetsAndStartsFromZero) {
  std::string cursor;
  const std::size_t first = client().pullAll(m_demoToken, &cursor).size();
  ASSERT_EQ(first, ownBuildingCount());
  const std::string oldEpoch = client().pull(m_demoToken, cursor).epoch();

  // A restored backup gets a new epoch; the old cursor means nothing there.
  ASSERT_EQ(server().stop(), 0);
  const CliResult rotate = runCli({"rotate-epoch", "--data", dataDir()});
  ASSERT_EQ(rotate.exitCode, 0) << rotate.err;
  restartServer();

  const v1::PullResponse page = client().pull(m_demoToken, cursor, 500);
  EXPECT_TRUE(page.reset());
  EXPECT_NE(page.epoch(), oldEpoch);
  EXPECT_EQ(static_cast<std::size_t>(page.changes_size()), ownBuildingCount());
  const v1::PullResponse next = client().pull(m_demoToken, page.next_cursor(), 500);
  EXPECT_FALSE(next.reset());
  EXPECT_EQ(next.changes_size(), 0);
}

TEST_P(PullApi, ServerRestartKeepsEverything) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const v1::PushRequest request = makePush({makeChange(in, 1000, 0)});
  ASSERT_EQ(client().push(m_demoToken, request).results(0).outcome(), v1::ChangeResult::APPLIED);
  std::string cursor;
  const std::size_t before = client().pullAll(m_demoToken, &cursor).size();

  restartServer();

  // Tokens, records, change ids and the cursor all survive.
  std::string fresh;
  const std::vector<v1::PulledChange> after = client().pullAll(m_demoToken, &fresh);
  EXPECT_EQ(after.size(), before);
  EXPECT_EQ(client().pull(m_demoToken, cursor).changes_size(), 0);
  EXPECT_FALSE(client().pull(m_demoToken, cursor).reset());
  EXPECT_EQ(client().push(m_demoToken, request).results(0).outcome(), v1::ChangeResult::DUPLICATE);
}

TEST_P(PullApi, ReturnedInspectionAppearsInPullWithServerVersion) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const HlcVersion pushed = makeHlc(systemNowMs(), 0);
  ASSERT_EQ(client().push(m_demoToken, makePush({makeChange(in, pushed, 0)})).results(0).outcome(),
            v1::ChangeResult::APPLIED);
  std::string cursor;
  client().pullAll(m_demoToken, &cursor);

  const CliResult review = runCli({"review", "return", in.id, "--comment", "请补拍北墙照片",
                                   "--reviewer", "reviewer", "--data", dataDir()});
  ASSERT_EQ(review.exitCode, 0) << review.err;

  const std::vector<v1::PulledChange> changes = client().pullAll(m_demoToken, &cursor);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].record_id(), in.id);
  EXPECT_GT(changes[0].version(), pushed);
  EXPECT_EQ(changes[0].record().inspection().review(), "returned");
  EXPECT_EQ(changes[0].record().inspection().review_comment(), "请补拍北墙照片");

  // A tablet still on the pushed version now conflicts instead of overwriting the review.
  Inspection edited = in;
  edited.findings[0].note = "offline edit";
  EXPECT_EQ(client()
                .push(m_demoToken, makePush({makeChange(edited, pushed + 5, pushed)}))
                .results(0)
                .outcome(),
            v1::ChangeResult::CONFLICT);
  // Returning twice is not a valid transition.
  EXPECT_NE(runCli({"review", "return", in.id, "--comment", "x", "--data", dataDir()}).exitCode, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PullApi, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
