// Seeded random network faults: every sync of a tablet goes through a FaultProxy that cuts or
// stalls one connection at a random byte, upstream (inside a push body or a photo chunk) or
// downstream (inside an answer, after the server committed, or inside a pull page). Another
// tablet keeps adding records so pulls carry data too. At the end both tablets and the server
// hold exactly the same records at the same versions, every photo's bytes, no duplicates.
#include <map>

#include "anju/record_codec.h"
#include "fault_proxy.h"
#include "fault_support.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using Direction = FaultProxy::Direction;
using Action = FaultProxy::Action;
constexpr int kRounds = 10;

class RandomNetworkFaults : public SyncServerTest {
 protected:
  // A few new inspections, an edit of an earlier one and (half the time) a photo.
  void workOffline(TestTablet& tablet, std::mt19937& rng, std::vector<Inspection>& mine) {
    Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 60);
    ASSERT_TRUE(houses.isOk());
    for (int i = 0; i < 3; ++i) {
      Inspection in = makeInspection((*houses)[rng() % houses->size()].id);
      ASSERT_TRUE(tablet.store().putInspection(in, "demo").isOk());
      mine.push_back(in);
    }
    Inspection& edited = mine[rng() % mine.size()];
    edited = *tablet.store().inspection(edited.id);  // the latest, as pulled or saved
    edited.findings.front().note = "复查 " + std::to_string(rng());
    ASSERT_TRUE(tablet.store().putInspection(edited, "demo").isOk());
    if (rng() % 2 == 0) {
      std::string bytes(50 * 1024 + rng() % (1200 * 1024), '\0');
      for (char& c : bytes) c = static_cast<char>(rng());
      Result<PhotoRecord> saved = tablet.photos().importBytes(
          tablet.store(), bytes, makePhoto(mine.back().buildingId, mine.back().id, ""), "demo");
      ASSERT_TRUE(saved.isOk()) << saved.status().toString();
      m_photoShas.push_back(saved->sha256);
    }
  }

  // A sync may give up after its retries (e.g. a stall plus cuts); the next one carries on.
  void syncUntilDone(TestTablet& tablet) {
    for (int attempt = 0; attempt < 6; ++attempt) {
      Result<SyncReport> r = tablet.client().sync();
      if (r && *tablet.store().pendingOutboxCount() == 0 &&
          *tablet.store().pendingPhotoUploadCount() == 0)
        return;
      std::printf("[fault]   sync %d did not finish: %s\n", attempt,
                  r ? "work left" : r.status().message().c_str());
    }
    ADD_FAILURE() << "six syncs did not finish";
  }

  std::vector<std::string> m_photoShas;
};

TEST_P(RandomNetworkFaults, CutsAndStallsAnywhereLoseAndDuplicateNothing) {
  std::mt19937 rng(faultSeed("RandomNetworkFaults"));
  FaultProxy proxy(server().port());
  ASSERT_NE(proxy.port(), 0);
  TestTablet tablet(dataDir(), "tablet", proxy.port());
  tablet.options.maxBatchChanges = 4;  // several pushes per sync: more places to cut
  tablet.options.photoChunkBytes = 256 * 1024;
  tablet.connectTo(proxy.port());
  TestTablet other(dataDir(), "other", server().port());
  tablet.signInAndSync();
  other.signInAndSync();

  std::vector<Inspection> mine, theirs;
  for (int round = 0; round < kRounds && !HasFatalFailure(); ++round) {
    workOffline(tablet, rng, mine);
    workOffline(other, rng, theirs);
    other.syncOk();  // so the faulty tablet's pull has pages to lose
    const Direction direction = rng() % 2 ? Direction::kUpstream : Direction::kDownstream;
    const Action action = rng() % 4 == 0 ? Action::kStall : Action::kCut;
    // Within what one round moves: a few pushes and maybe a photo up, a few pull pages down.
    const std::size_t after = rng() % (direction == Direction::kUpstream ? 400 * 1024 : 6000);
    const int times = 1 + static_cast<int>(rng() % 3);
    std::printf("[fault] round %d: %s %s after %zu bytes, %d time(s)\n", round,
                action == Action::kStall ? "stall" : "cut",
                direction == Direction::kUpstream ? "upstream" : "downstream", after, times);
    proxy.arm(direction, action, after, times);
    syncUntilDone(tablet);
    proxy.arm(direction, action, 0, 0);  // disarmed
  }
  tablet.syncOk();
  other.syncOk();
  tablet.syncOk();
  std::printf("[fault] %d faults fired\n", proxy.faultsFired());
  // Not vacuous: several rounds really cut or stalled. Not "most": an upstream threshold drawn
  // up to 400 KiB misses a round that uploads no photo, and seed 4151246806 fired 4 of 10.
  EXPECT_GE(proxy.faultsFired(), kRounds / 3) << "several rounds must actually hit a fault";

  // Server: exactly one copy of each record, at the version its author holds; the other tablet
  // pulled the same version.
  const auto copies = serverCopies(client(), m_demoToken);
  for (const auto* list : {&mine, &theirs}) {
    for (const Inspection& in : *list) {
      const auto it = copies.find("inspection/" + in.id);
      ASSERT_NE(it, copies.end()) << in.id;
      ASSERT_EQ(it->second.size(), 1u) << "duplicate of " << in.id;
      const std::uint64_t onServer = it->second.front();
      EXPECT_EQ(tablet.store().versionsOf(RecordKind::kInspection, in.id)->version, onServer)
          << in.id;
      EXPECT_EQ(other.store().versionsOf(RecordKind::kInspection, in.id)->version, onServer)
          << in.id;
      EXPECT_EQ(*tablet.store().inspection(in.id), *other.store().inspection(in.id));
    }
  }
  for (const std::string& sha : m_photoShas) EXPECT_EQ(serverBlobHash(dataDir(), sha), sha);
  for (TestTablet* t : {&tablet, &other}) {
    EXPECT_EQ(*t->store().pendingOutboxCount(), 0);
    EXPECT_EQ(*t->store().pendingPhotoUploadCount(), 0);
    EXPECT_TRUE(t->store().openConflicts()->empty());
    EXPECT_TRUE(t->store().rejectedOutbox()->empty());
  }
  EXPECT_EQ(sqliteIntegrity(dataDir() + "/tablet.db"), "ok");
}

INSTANTIATE_TEST_SUITE_P(Backends, RandomNetworkFaults, ::testing::Values(Backend::kSqlite),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
