#include "anju/record_codec.h"
#include "store_test_support.h"

namespace anju {
namespace {

using testing::makeBuilding;
using testing::RawDb;
using testing::TempDir;

class StoreSync : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = testing::openStore(path());
    ASSERT_TRUE(m_store);
  }
  std::string path() const { return m_dir.file("anju.db"); }
  // A version from "the server": later than anything the tablet made so far.
  static HlcVersion serverVersion(int n) { return makeHlc(testing::kTestNow + 5000 + n, 0); }

  TempDir m_dir;
  std::unique_ptr<Store> m_store;
};

TEST_F(StoreSync, PendingOutboxIsOldestFirstAndCappedByCountAndBytes) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(
        m_store->putBuilding(makeBuilding("幸福路" + std::to_string(i) + "号"), "li.si").isOk());
  Result<std::vector<OutboxEntry>> all = m_store->pendingOutbox(100, 1 << 20);
  ASSERT_TRUE(all.isOk());
  ASSERT_EQ(all->size(), 5u);
  for (std::size_t i = 1; i < all->size(); ++i) EXPECT_LT((*all)[i - 1].seq, (*all)[i].seq);

  EXPECT_EQ(m_store->pendingOutbox(3, 1 << 20)->size(), 3u);
  const auto oneAndAHalf = static_cast<std::int64_t>((*all)[0].payload.size() * 3 / 2);
  EXPECT_EQ(m_store->pendingOutbox(100, oneAndAHalf)->size(), 1u);
  EXPECT_EQ(m_store->pendingOutbox(100, 1)->size(), 1u)
      << "the oldest change is returned even when it alone exceeds the byte cap";
  EXPECT_EQ(*m_store->pendingOutboxCount(), 5);
}

TEST_F(StoreSync, AcknowledgeRemovesTheChangeAndRecordsTheServerVersion) {
  const Building b = makeBuilding("幸福路12号");
  const HlcVersion local = *m_store->putBuilding(b, "li.si");
  const OutboxEntry change = m_store->pendingOutbox(10, 1 << 20)->front();
  ASSERT_TRUE(m_store->acknowledgeOutbox(change.changeId, local).isOk());
  EXPECT_EQ(*m_store->pendingOutboxCount(), 0);
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, b.id)->serverVersion, local);
  EXPECT_EQ(m_store->acknowledgeOutbox(change.changeId, local).code(), StatusCode::kNotFound)
      << "a second acknowledgement is reported, not an error that breaks anything";
}

TEST_F(StoreSync, AcknowledgingARunSettlesEveryChangeAndSkipsOnesSettledBefore) {
  std::vector<Building> houses;
  for (int i = 0; i < 3; ++i) {
    houses.push_back(makeBuilding("幸福路" + std::to_string(20 + i) + "号"));
    ASSERT_TRUE(m_store->putBuilding(houses.back(), "li.si").isOk());
  }
  const std::vector<OutboxEntry> changes = *m_store->pendingOutbox(10, 1 << 20);
  ASSERT_EQ(changes.size(), 3u);
  ASSERT_TRUE(m_store->acknowledgeOutbox(changes[1].changeId, serverVersion(1)).isOk());

  // The second was settled before (a retried batch): skipped, the others settle in one go.
  ASSERT_TRUE(m_store
                  ->acknowledgeOutbox({{changes[0].changeId, serverVersion(10)},
                                       {changes[1].changeId, serverVersion(11)},
                                       {changes[2].changeId, serverVersion(12)}})
                  .isOk());
  EXPECT_EQ(*m_store->pendingOutboxCount(), 0);
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, houses[0].id)->serverVersion,
            serverVersion(10));
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, houses[1].id)->serverVersion,
            serverVersion(1))
      << "an acknowledgement of a settled change must not touch its record";
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, houses[2].id)->serverVersion,
            serverVersion(12));
  // Local edits after the run are later than every acknowledged server version.
  houses[2].storeysAbove += 1;
  EXPECT_GT(*m_store->putBuilding(houses[2], "li.si"), serverVersion(12));
  EXPECT_TRUE(m_store->acknowledgeOutbox(std::vector<Store::Acknowledgement>{}).isOk());
}

TEST_F(StoreSync, ConflictMakesTheServerVersionCurrentAndKeepsTheLocalOne) {
  Building local = makeBuilding("幸福路12号");
  ASSERT_TRUE(m_store->putBuilding(local, "li.si").isOk());
  local.storeysAbove = 3;
  const HlcVersion localVersion = *m_store->putBuilding(local, "li.si");
  const std::vector<OutboxEntry> changes = *m_store->pendingOutbox(10, 1 << 20);
  ASSERT_TRUE(m_store->acknowledgeOutbox(changes[0].changeId, changes[0].version).isOk());

  Building server = local;
  server.storeysAbove = 2;
  server.ownerName = "李四";
  ASSERT_TRUE(
      m_store->recordConflict(changes[1].changeId, encodeRecord(server), serverVersion(1)).isOk());

  EXPECT_EQ(*m_store->building(local.id), server);
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, local.id)->version, serverVersion(1));
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, local.id)->serverVersion, serverVersion(1));
  EXPECT_EQ(*m_store->pendingOutboxCount(), 0);
  const std::vector<ConflictEntry> conflicts = *m_store->openConflicts();
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].origin, "push");
  EXPECT_EQ(conflicts[0].losingVersion, localVersion);
  EXPECT_EQ(conflicts[0].winningVersion, serverVersion(1));
  EXPECT_EQ(std::get<Building>(*decodeRecord(conflicts[0].losingPayload)), local);
  EXPECT_EQ(m_store->auditTrail(RecordKind::kBuilding, local.id)->back().action, "conflict");

  // Later local saves build on the server's version.
  server.storeysBelow = 1;
  EXPECT_GT(*m_store->putBuilding(server, "li.si"), serverVersion(1));
}

TEST_F(StoreSync, ConflictWithBytesOfAnotherRecordChangesNothing) {
  const Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(m_store->putBuilding(b, "li.si").isOk());
  const OutboxEntry change = m_store->pendingOutbox(10, 1 << 20)->front();
  Status s = m_store->recordConflict(change.changeId, encodeRecord(makeBuilding("别处")),
                                     serverVersion(1));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*m_store->pendingOutboxCount(), 1);
  EXPECT_TRUE(m_store->openConflicts()->empty());
}

TEST_F(StoreSync, AppliedPullWritesRecordsAndCursorButNoOutboxRows) {
  const Building b = makeBuilding("幸福路12号");
  Inspection in = testing::makeInspection(b.id);
  // The inspection comes first in the batch: foreign keys are checked at commit.
  Result<PullOutcome> outcome =
      m_store->applyPulled({{RecordKind::kInspection, in.id, serverVersion(2), encodeRecord(in)},
                            {RecordKind::kBuilding, b.id, serverVersion(1), encodeRecord(b)}},
                           "cursor-42", "epoch-A");
  ASSERT_TRUE(outcome.isOk()) << outcome.status().toString();
  EXPECT_EQ(outcome->applied, 2);
  EXPECT_EQ(*m_store->building(b.id), b);
  EXPECT_EQ(*m_store->inspection(in.id), in);
  EXPECT_EQ(m_store->versionsOf(RecordKind::kBuilding, b.id)->serverVersion, serverVersion(1));
  EXPECT_EQ(*m_store->pendingOutboxCount(), 0);
  EXPECT_EQ(*m_store->syncState(kSyncPullCursor), "cursor-42");
  EXPECT_EQ(*m_store->syncState(kSyncEpoch), "epoch-A");
  EXPECT_EQ(m_store->searchBuildings("幸福路", 10)->size(), 1u);
  BuildingFilter serious;
  serious.judgment = PreliminaryJudgment::kSerious;
  EXPECT_EQ(*m_store->countBuildings(serious), 1) << "the list sees the pulled inspection";
  // Local saves after a pull are versioned above what was pulled.
  Building edited = b;
  edited.storeysAbove = 4;
  EXPECT_GT(*m_store->putBuilding(edited, "li.si"), serverVersion(2));
}

TEST_F(StoreSync, UndecodableRecordFailsTheBatchAndKeepsTheOldCursor) {
  ASSERT_TRUE(m_store->setSyncState(kSyncPullCursor, "cursor-1").isOk());
  const Building good = makeBuilding("幸福路12号");
  Result<PullOutcome> outcome = m_store->applyPulled(
      {{RecordKind::kBuilding, good.id, serverVersion(1), encodeRecord(good)},
       {RecordKind::kBuilding, newUuid(), serverVersion(2), "\xff\xff not a record"}},
      "cursor-2", "epoch-A");
  ASSERT_FALSE(outcome.isOk());
  EXPECT_EQ(outcome.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(*m_store->syncState(kSyncPullCursor), "cursor-1");
  EXPECT_EQ(m_store->building(good.id).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreSync, PullDoesNotOverwriteUnsentLocalChanges) {
  Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(m_store->putBuilding(b, "li.si").isOk());
  Building remote = b;
  remote.ownerName = "王五";
  Result<PullOutcome> outcome =
      m_store->applyPulled({{RecordKind::kBuilding, b.id, serverVersion(1), encodeRecord(remote)}},
                           "cursor-2", "epoch-A");
  ASSERT_TRUE(outcome.isOk());
  EXPECT_EQ(outcome->conflicts, 1);
  EXPECT_EQ(*m_store->building(b.id), b) << "the local, unsent version stays";
  EXPECT_EQ(*m_store->pendingOutboxCount(), 1);
  const std::vector<ConflictEntry> conflicts = *m_store->openConflicts();
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].origin, "pull");
  EXPECT_EQ(std::get<Building>(*decodeRecord(conflicts[0].losingPayload)), remote);
  EXPECT_EQ(*m_store->syncState(kSyncPullCursor), "cursor-2");
}

TEST_F(StoreSync, OlderPulledVersionIsSkipped) {
  Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(m_store
                  ->applyPulled({{RecordKind::kBuilding, b.id, serverVersion(5), encodeRecord(b)}},
                                "c1", "e")
                  .isOk());
  Building older = b;
  older.address = "旧地址";
  Result<PullOutcome> outcome = m_store->applyPulled(
      {{RecordKind::kBuilding, b.id, serverVersion(3), encodeRecord(older)}}, "c2", "e");
  ASSERT_TRUE(outcome.isOk());
  EXPECT_EQ(outcome->skipped, 1);
  EXPECT_EQ(m_store->building(b.id)->address, "幸福路12号");
}

TEST_F(StoreSync, DismissedConflictLeavesTheOpenList) {
  Building b = makeBuilding("幸福路12号");
  ASSERT_TRUE(m_store->putBuilding(b, "li.si").isOk());
  ASSERT_TRUE(m_store
                  ->applyPulled({{RecordKind::kBuilding, b.id, serverVersion(1), encodeRecord(b)}},
                                "c", "e")
                  .isOk());
  // Same content but another version: still kept, the user decides.
  const std::vector<ConflictEntry> open = *m_store->openConflicts();
  ASSERT_EQ(open.size(), 1u);
  ASSERT_TRUE(m_store->dismissConflict(open[0].id).isOk());
  EXPECT_TRUE(m_store->openConflicts()->empty());
  EXPECT_EQ(m_store->dismissConflict(open[0].id).code(), StatusCode::kNotFound);
  EXPECT_EQ(RawDb(path()).count("conflicts"), 1) << "dismissed, not deleted";
}

TEST_F(StoreSync, SyncStateIsEmptyUntilSetAndSurvivesReopen) {
  EXPECT_EQ(*m_store->syncState(kSyncPullCursor), "");
  ASSERT_TRUE(m_store->setSyncState(kSyncPullCursor, "abc").isOk());
  m_store.reset();
  m_store = testing::openStore(path());
  EXPECT_EQ(*m_store->syncState(kSyncPullCursor), "abc");
}

}  // namespace
}  // namespace anju
