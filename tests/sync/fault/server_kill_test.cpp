// The server killed with SIGKILL in the middle of a push (its request in flight, or being
// committed), three times in one sync, and started again on the same data. The tablet's retries
// carry it across the restarts: every record arrives exactly once, the server's database passes
// SQLite's integrity check.
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "fault_proxy.h"
#include "fault_support.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

class ServerKill : public SyncServerTest {};

TEST_P(ServerKill, KilledMidPushRestartedTheTabletConvergesNothingLostOrDuplicated) {
  std::mt19937 rng(faultSeed("ServerKill"));
  // The tablet talks to a proxy, so the restarted server (on a new port) is found at the same
  // address, as behind a load balancer.
  FaultProxy proxy(server().port());
  ASSERT_NE(proxy.port(), 0);
  TestTablet tablet(dataDir(), "tablet", proxy.port());
  tablet.signInAndSync();
  // Retries spread over ~10 s: long enough to span a restart of the server under ASan.
  tablet.options.maxBatchChanges = 5;  // 12 pushes
  tablet.options.maxAttempts = 12;
  tablet.options.initialBackoff = std::chrono::milliseconds(200);
  tablet.options.maxBackoff = std::chrono::milliseconds(1500);
  tablet.connectTo(proxy.port());

  Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 60);
  ASSERT_TRUE(houses.isOk());
  std::vector<Inspection> inspections;
  for (const BuildingSummary& h : *houses) {
    inspections.push_back(makeInspection(h.id));
    ASSERT_TRUE(tablet.store().putInspection(inspections.back(), "demo").isOk());
  }

  // Kill on three of the push requests (retries included),
  // 0–40 ms after the request left: before, during or after the server's transaction. Restart
  // at once; the tablet is still retrying.
  std::atomic<int> kills{0};
  int started = 0;
  std::thread killer;
  int pushes = 0;
  tablet.transport().before = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target != "/v1/sync/push") return HttpResponse{};
    ++pushes;
    // Which pushes are hit is random among the first ones; later ones are always hit until
    // three kills have started, so the test cannot run out of pushes.
    if (started == 3 || killer.joinable() || (pushes < 6 && rng() % 3 == 0)) return HttpResponse{};
    ++started;
    const int delay = static_cast<int>(rng() % 40);
    killer = std::thread([&, delay] {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      server().killHard();
      std::string error;
      EXPECT_TRUE(server().start(&error)) << error;
      proxy.setServerPort(server().port());
      ++kills;
    });
    return HttpResponse{};
  };
  // Between kills the killer thread is joined, so the next push may start another.
  tablet.transport().after = [&](const HttpRequest&, Result<HttpResponse> response) {
    if (killer.joinable() && kills.load() == started && response && response->status == 200) {
      killer.join();
    }
    return response;
  };
  const SyncReport report = tablet.syncOk();
  if (killer.joinable()) killer.join();
  tablet.transport().before = nullptr;
  tablet.transport().after = nullptr;
  std::printf("[fault] %d kills; pushes %d, retries %d, applied %d, duplicates %d\n", kills.load(),
              pushes, report.retries, report.applied, report.duplicates);
  EXPECT_EQ(kills.load(), 3);
  EXPECT_GE(report.retries, 3);
  EXPECT_EQ(report.applied + report.duplicates, static_cast<int>(inspections.size()));

  restartServer();  // a clean stop: the database must be sound whatever the kills left
  EXPECT_EQ(sqliteIntegrity(dataDir() + "/anju.db"), "ok");
  m_demoToken = client().login("demo", "demo1234");
  const auto copies = serverCopies(client(), m_demoToken);
  for (const Inspection& in : inspections) {
    const auto it = copies.find("inspection/" + in.id);
    ASSERT_NE(it, copies.end()) << "inspection " << in.id << " lost";
    ASSERT_EQ(it->second.size(), 1u) << "inspection " << in.id << " duplicated";
    EXPECT_EQ(it->second.front(),
              tablet.store().versionsOf(RecordKind::kInspection, in.id)->version);
    const CliResult conflicts = runCli({"conflicts", in.id, "--data", dataDir()});
    EXPECT_NE(conflicts.out.find("0 conflict(s)"), std::string::npos) << conflicts.out;
  }
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
  EXPECT_TRUE(tablet.store().openConflicts()->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerKill, ::testing::Values(Backend::kSqlite), backendName);

}  // namespace
}  // namespace anju::server::testing
