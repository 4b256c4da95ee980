// Group commit (service/group_commit.h) on both backends: concurrent works share a transaction
// and its commit, every work reported ok is stored, a failing work stores nothing and does not
// take the others down; and against the real server, concurrent pushes are all answered as
// before, each change on its own, and all survive a SIGKILL right after the answers.
#include "service/group_commit.h"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "service/indexed_storage.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using Outcome = v1::ChangeResult;

class GroupCommitTest : public SyncServerTest {
 protected:
  static RecordWrite buildingWrite(const Uuid& id) {
    Building b;
    b.id = id;
    b.region = {"临江区", "城南街道", "幸福社区"};
    b.address = "幸福路" + id.substr(0, 6) + "号";
    RecordWrite w;
    w.record = StoredRecord{RecordKind::kBuilding,     b.id, b.region, "", "", "", 7, 0,
                            encodeRecord(AnyRecord(b))};
    w.source = "test";
    w.writtenAt = 1780272000000;
    return w;
  }

  /// Runs `works` on `group` from one thread each: work 0 first, holding its transaction open
  /// until the others have had time to queue behind it, so they form a group of their own.
  static std::vector<Status> runTogether(GroupCommit& group,
                                         const std::vector<GroupCommit::Work>& works) {
    std::vector<Status> out(works.size(), Status::ok());
    std::atomic<bool> firstStarted{false};
    const GroupCommit::Work first = [&](SyncTransaction& tx) {
      firstStarted = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(600));
      return works[0](tx);
    };
    std::vector<std::thread> threads;
    threads.emplace_back([&] { out[0] = group.run(first); });
    while (!firstStarted) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (std::size_t i = 1; i < works.size(); ++i)
      threads.emplace_back([&, i] { out[i] = group.run(works[i]); });
    for (std::thread& t : threads) t.join();
    return out;
  }
};

TEST_P(GroupCommitTest, ConcurrentWorksShareOneCommitAndAreAllStored) {
  std::unique_ptr<IndexedStorage> storage = openOwnStorage();
  ASSERT_TRUE(storage);
  GroupCommit group(*storage);
  std::vector<Uuid> ids;
  std::vector<GroupCommit::Work> works;
  for (int i = 0; i < 12; ++i) {
    ids.push_back(newUuid());
    works.push_back([&, i](SyncTransaction& tx) -> Status {
      Result<std::int64_t> seq = tx.putRecord(buildingWrite(ids[static_cast<std::size_t>(i)]));
      return seq ? Status::ok() : seq.status();
    });
  }
  const std::vector<Status> results = runTogether(group, works);
  for (const Status& s : results) EXPECT_TRUE(s.isOk()) << s.toString();
  // Work 0 alone, the eleven queued behind it together (a slow machine may split them, but
  // never into one commit each).
  EXPECT_GE(group.commits(), 2);
  EXPECT_LT(group.commits(), 12);
  std::unique_ptr<IndexedStorage> reader = openOwnStorage();
  ASSERT_TRUE(reader);
  for (const Uuid& id : ids) {
    Result<std::optional<StoredRecord>> found = reader->findRecord(RecordKind::kBuilding, id);
    ASSERT_TRUE(found.isOk()) << found.status().toString();
    EXPECT_TRUE(found->has_value()) << id;
  }
}

TEST_P(GroupCommitTest, FailedWorkStoresNothingAndTheOthersCommit) {
  std::unique_ptr<IndexedStorage> storage = openOwnStorage();
  ASSERT_TRUE(storage);
  GroupCommit group(*storage);
  const SeenChange seen{
      newUuid(), RecordKind::kBuilding, "x", ChangeOutcome::kApplied, 1, "demo", "tablet", 1};
  std::vector<Uuid> ids;
  std::vector<GroupCommit::Work> works;
  for (int i = 0; i < 8; ++i) {
    ids.push_back(newUuid());
    works.push_back([&, i](SyncTransaction& tx) -> Status {
      Result<std::int64_t> seq = tx.putRecord(buildingWrite(ids[static_cast<std::size_t>(i)]));
      if (!seq) return seq.status();
      if (i == 3) return Status::internal("work 3 gives up after writing");
      if (i == 5) {  // a statement the database refuses (the change id twice): on PostgreSQL
                     // this aborts the whole transaction until the savepoint is rolled back
        if (Status s = tx.rememberChange(seen); !s) return s;
        return tx.rememberChange(seen);
      }
      return Status::ok();
    });
  }
  const std::vector<Status> results = runTogether(group, works);
  std::unique_ptr<IndexedStorage> reader = openOwnStorage();
  ASSERT_TRUE(reader);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Result<std::optional<StoredRecord>> found = reader->findRecord(RecordKind::kBuilding, ids[i]);
    ASSERT_TRUE(found.isOk()) << found.status().toString();
    if (i == 3 || i == 5) {
      EXPECT_FALSE(results[i].isOk()) << i;
      EXPECT_FALSE(found->has_value()) << "failed work " << i << " left its record";
    } else {
      EXPECT_TRUE(results[i].isOk()) << i << ": " << results[i].toString();
      EXPECT_TRUE(found->has_value()) << "work " << i << " was lost";
    }
  }
  EXPECT_EQ(results[3].code(), StatusCode::kInternal);
  EXPECT_EQ(results[5].code(), StatusCode::kAlreadyExists);
  EXPECT_LT(group.commits(), 7);  // grouped, not one commit per work
}

// The real server: 16 tablets push at once, one change of each request invalid. Every request
// gets its own per-change answers (the invalid change rejected, the rest applied), and after a
// SIGKILL right behind the last answer every applied change is there.
TEST_P(GroupCommitTest, ConcurrentPushesAreAnsweredChangeByChangeAndSurviveAKill) {
  constexpr int kTablets = 16;
  std::vector<v1::PushRequest> requests;
  std::vector<Uuid> applied;
  for (int t = 0; t < kTablets; ++t) {
    const Uuid building = ownBuilding(static_cast<std::size_t>(t) % ownBuildingCount()).record_id();
    std::vector<v1::Change> changes;
    for (int k = 0; k < 3; ++k) {
      const Inspection in = makeInspection(building);
      applied.push_back(in.id);
      changes.push_back(makeChange(in, 1000, 0));
    }
    v1::Change bad = makeChange(makeInspection(building), 1000, 0);
    bad.set_version(0);  // "version must be greater than base_version"
    changes.insert(changes.begin() + 1, bad);
    requests.push_back(makePush(changes));
  }
  std::vector<v1::PushResponse> answers(kTablets);
  std::vector<std::thread> threads;
  for (int t = 0; t < kTablets; ++t)
    threads.emplace_back([&, t] {
      ProtocolClient own(server().port());
      answers[static_cast<std::size_t>(t)] =
          own.push(m_demoToken, requests[static_cast<std::size_t>(t)]);
    });
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kTablets; ++t) {
    const v1::PushResponse& a = answers[static_cast<std::size_t>(t)];
    const v1::PushRequest& r = requests[static_cast<std::size_t>(t)];
    ASSERT_EQ(a.results_size(), 4) << "tablet " << t;
    for (int k = 0; k < 4; ++k) {
      EXPECT_EQ(a.results(k).change_id(), r.changes(k).change_id());
      EXPECT_EQ(a.results(k).outcome(), k == 1 ? Outcome::REJECTED : Outcome::APPLIED)
          << "tablet " << t << " change " << k << ": " << a.results(k).reason();
    }
  }
  server().killHard();
  restartServer();
  std::set<std::string> pulled;
  for (const v1::PulledChange& c : client().pullAll(m_demoToken)) pulled.insert(c.record_id());
  for (const Uuid& id : applied) EXPECT_TRUE(pulled.count(id)) << id << " lost";
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitTest, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
