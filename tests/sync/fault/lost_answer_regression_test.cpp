// Regression (found by ClientKill.KilledDuringSync): a record created and then edited offline
// goes out as two changes in one push. The server commits both; the answer is lost (the tablet
// killed, or the connection cut). On the resend the server answers DUPLICATE for both, the first
// with the record's current server version — the version of our own second change. That is not
// a conflict: the tablet used to file its own first version as "lost to the server".
#include "fault_proxy.h"
#include "fault_support.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

class LostAnswer : public SyncServerTest {};

TEST_P(LostAnswer, TwoEditsOfOneRecordWhoseAnswerIsLostAreNoConflict) {
  FaultProxy proxy(server().port());
  ASSERT_NE(proxy.port(), 0);
  TestTablet tablet(dataDir(), "tablet", proxy.port());
  tablet.signInAndSync();
  Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 1);
  ASSERT_TRUE(houses.isOk() && !houses->empty());
  Inspection in = makeInspection(houses->front().id);
  ASSERT_TRUE(tablet.store().putInspection(in, "demo").isOk());
  in.findings.front().note = "复查：裂缝未扩展";
  ASSERT_TRUE(tablet.store().putInspection(in, "demo").isOk());
  const std::uint64_t latest = tablet.store().versionsOf(RecordKind::kInspection, in.id)->version;

  proxy.arm(FaultProxy::Direction::kDownstream, FaultProxy::Action::kCut, 30);  // the push answer
  const SyncReport report = tablet.syncOk();
  EXPECT_EQ(proxy.faultsFired(), 1);
  EXPECT_EQ(report.duplicates, 2) << "both changes were committed before the cut";
  EXPECT_EQ(report.conflicts, 0);
  EXPECT_TRUE(tablet.store().openConflicts()->empty()) << "our own edit filed as a conflict";
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
  EXPECT_EQ(*tablet.store().inspection(in.id), in);
  const auto copies = serverCopies(client(), m_demoToken);
  ASSERT_EQ(copies.count("inspection/" + in.id), 1u);
  EXPECT_EQ(copies.at("inspection/" + in.id), std::vector<std::uint64_t>{latest});
}

INSTANTIATE_TEST_SUITE_P(Backends, LostAnswer, ::testing::Values(Backend::kSqlite), backendName);

}  // namespace
}  // namespace anju::server::testing
