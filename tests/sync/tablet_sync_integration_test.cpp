// The sync client against the real anju-server binary on 127.0.0.1: tablets converge, resends
// are idempotent, conflicts keep both versions, reviews reach the tablet, photos resume.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "anju/uuid.h"
#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using TabletSync = SyncServerTest;
// The restore is the one tablet scenario whose server side differs per backend (a file copy, a
// database copy), so it runs on both (TabletRestore, below).

std::string bytesOfSize(std::size_t n, char seed) {
  std::string out(n, '\0');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>(seed + (i * 13) % 251);
  return out;
}

Building buildingAt(TestTablet& tablet, std::size_t index) {
  Result<std::vector<BuildingSummary>> list = tablet.store().listBuildings({}, 500);
  EXPECT_TRUE(list.isOk());
  EXPECT_GT(list->size(), index);
  return *tablet.store().building(list->at(index).id);
}

// Every record the server holds for the demo inspector, by id.
std::map<std::string, v1::PulledChange> serverRecords(ProtocolClient& client,
                                                      const std::string& token) {
  std::map<std::string, v1::PulledChange> out;
  for (v1::PulledChange& c : client.pullAll(token)) {
    EXPECT_EQ(out.count(c.record_id()), 0u) << "one copy per record";
    out[c.record_id()] = std::move(c);
  }
  return out;
}

// The tablet holds exactly the server's version of every record the server has for it.
void expectSameAsServer(TestTablet& tablet, const std::map<std::string, v1::PulledChange>& server) {
  for (const auto& [id, change] : server) {
    const std::optional<RecordKind> kind = parseRecordKind(change.kind());
    ASSERT_TRUE(kind.has_value()) << change.kind() << " " << id;
    Result<RecordVersions> v = tablet.store().versionsOf(*kind, id);
    ASSERT_TRUE(v.isOk()) << change.kind() << " " << id << " missing on the tablet";
    EXPECT_EQ(v->version, change.version()) << change.kind() << " " << id;
    EXPECT_EQ(v->serverVersion, change.version());
  }
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
}

TEST_P(TabletSync, TwoTabletsEditOfflineSyncAndConverge) {
  TestTablet a(dataDir(), "tablet-a", server().port());
  TestTablet b(dataDir(), "tablet-b", server().port());
  a.signInAndSync();
  b.signInAndSync();
  ASSERT_EQ(*a.store().countBuildings({}), static_cast<std::int64_t>(ownBuildingCount()));

  // Offline: A edits one house and inspects another; B edits a third and adds a new house.
  Building editedByA = buildingAt(a, 0);
  editedByA.ownerName = "王五（A 修改）";
  ASSERT_TRUE(a.store().putBuilding(editedByA, "demo").isOk());
  const Inspection inspectedByA = makeInspection(buildingAt(a, 1).id);
  ASSERT_TRUE(a.store().putInspection(inspectedByA, "demo").isOk());
  Building editedByB = buildingAt(b, 2);
  editedByB.storeysAbove = 4;
  ASSERT_TRUE(b.store().putBuilding(editedByB, "demo").isOk());
  Building newByB = buildingAt(b, 3);
  newByB.id = newUuid();
  newByB.address = "幸福路新建 1 号";
  ASSERT_TRUE(b.store().putBuilding(newByB, "demo").isOk());

  EXPECT_EQ(a.syncOk().applied, 2);
  EXPECT_EQ(b.syncOk().applied, 2);
  a.syncOk();  // A receives B's changes

  const auto server = serverRecords(client(), m_demoToken);
  expectSameAsServer(a, server);
  expectSameAsServer(b, server);
  for (TestTablet* t : {&a, &b}) {
    EXPECT_EQ(t->store().building(editedByA.id)->ownerName, "王五（A 修改）");
    EXPECT_EQ(t->store().building(editedByB.id)->storeysAbove, 4);
    EXPECT_EQ(t->store().building(newByB.id)->address, "幸福路新建 1 号");
    EXPECT_EQ(*t->store().inspection(inspectedByA.id), inspectedByA);
    EXPECT_TRUE(t->store().openConflicts()->empty());
  }
}

// What the app's progress bar shows while a new tablet fills: the first page says how many
// records are coming, every page moves the count on, and the last reaches the total. Every house
// pulled is found by the address search, whose index is written once per page.
TEST_P(TabletSync, APullReportsHowManyRecordsAreComingAndFindsEveryHouseAfterIt) {
  TestTablet tablet(dataDir(), "tablet", server().port());
  tablet.options.pullPageSize = 30;
  tablet.connectTo(server().port());
  ASSERT_TRUE(tablet.client().login("demo", "demo1234").isOk());
  std::vector<std::pair<int, std::int64_t>> seen;  // (records pulled, expected) per page
  Result<SyncReport> report = tablet.client().sync([&](SyncPhase phase, const SyncReport& soFar) {
    if (phase == SyncPhase::kPull) seen.emplace_back(soFar.recordsPulled(), soFar.pullExpected);
  });
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  const auto own = static_cast<std::int64_t>(ownBuildingCount());
  ASSERT_EQ(seen.size(), static_cast<std::size_t>((own + 29) / 30));
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].second, own) << "page " << i;
    EXPECT_EQ(seen[i].first, std::min<std::int64_t>(own, 30 * static_cast<std::int64_t>(i + 1)));
  }
  EXPECT_EQ(report->pullExpected, own);

  for (int i = 0; i < own; i += 17) {
    const Building b = buildingAt(tablet, i);
    Result<std::vector<BuildingSummary>> found = tablet.store().searchBuildings(b.address, 50);
    ASSERT_TRUE(found.isOk()) << found.status().toString();
    EXPECT_TRUE(std::any_of(found->begin(), found->end(), [&](const BuildingSummary& s) {
      return s.id == b.id;
    })) << b.address;
  }
}

TEST_P(TabletSync, APushWhoseAnswerIsLostIsSentAgainAndStoredOnce) {
  TestTablet t(dataDir(), "tablet", server().port());
  t.signInAndSync();
  const Inspection in = makeInspection(buildingAt(t, 0).id);
  ASSERT_TRUE(t.store().putInspection(in, "demo").isOk());
  bool lost = false;
  t.transport().after = [&](const HttpRequest& r, Result<HttpResponse> response) {
    if (r.target == "/v1/sync/push" && !lost) {
      lost = true;  // the server committed, the answer never reached the tablet
      return Result<HttpResponse>(Status::unavailable("connection reset"));
    }
    return response;
  };
  const SyncReport report = t.syncOk();
  EXPECT_EQ(report.duplicates, 1);
  EXPECT_EQ(report.applied, 0);
  EXPECT_EQ(report.retries, 1);
  const auto server = serverRecords(client(), m_demoToken);
  ASSERT_EQ(server.count(in.id), 1u);
  expectSameAsServer(t, server);
  const CliResult conflicts = runCli({"conflicts", in.id, "--data", dataDir()});
  EXPECT_NE(conflicts.out.find("0 conflict(s)"), std::string::npos) << conflicts.out;
}

// Issue 12 §6a: the server is restored from a backup older than the tablet's last sync. The
// tablet does not only pull again: what the server lost of its work goes back up — a record
// made after the backup, and an edit built on a version the restore lost (sent on what the
// server holds, not turned into a conflict).
// What a restore from backup takes from a tablet's work: the server is backed up after a first
// edit; a second edit of the house and a new inspection are confirmed by the server; a third edit,
// built on the second, is made offline; then the backup is restored (a new epoch).
struct LostToRestore {
  Building house;
  Inspection inspection;
};

class TabletRestoreTest : public SyncServerTest {
 protected:
  LostToRestore editThenRestore(TestTablet& t) {
    t.signInAndSync();
    LostToRestore lost{buildingAt(t, 0), {}};
    Building& house = lost.house;
    house.ownerContact = "13800000001";
    EXPECT_TRUE(t.store().putBuilding(house, "demo").isOk());
    t.syncOk();

    EXPECT_EQ(server().stop(), 0);
    backupDatabase();
    restartServer();
    t.connectTo(server().port());

    house.ownerContact = "13800000002";
    EXPECT_TRUE(t.store().putBuilding(house, "demo").isOk());
    lost.inspection = makeInspection(house.id);
    EXPECT_TRUE(t.store().putInspection(lost.inspection, "demo").isOk());
    EXPECT_EQ(t.syncOk().applied, 2);
    house.ownerContact = "13800000003";
    EXPECT_TRUE(t.store().putBuilding(house, "demo").isOk());

    EXPECT_EQ(server().stop(), 0);
    restoreDatabase();
    restartServer();
    t.connectTo(server().port());
    EXPECT_EQ(serverRecords(client(), m_demoToken).count(lost.inspection.id), 0u)
        << "the restore lost it";
    return lost;
  }

  // After the reconciling sync: the server holds everything again, the third edit on top.
  void expectRecovered(TestTablet& t, const LostToRestore& lost, const SyncReport& report) {
    EXPECT_EQ(report.requeuedAfterRestore, 2);  // the inspection, and the edit rebased
    EXPECT_EQ(report.conflicts, 0);
    const auto server = serverRecords(client(), m_demoToken);
    ASSERT_EQ(server.count(lost.inspection.id), 1u);
    Result<AnyRecord> stored = decodeRecord(server.at(lost.house.id).record().SerializeAsString());
    ASSERT_TRUE(stored.isOk());
    EXPECT_EQ(std::get<Building>(*stored).ownerContact, "13800000003");
    expectSameAsServer(t, server);
    EXPECT_TRUE(t.store().openConflicts()->empty());
    // Nothing more to do: the next sync sends nothing again.
    const SyncReport again = t.syncOk();
    EXPECT_EQ(again.requeuedAfterRestore, 0);
    EXPECT_EQ(again.changesPushed(), 0);
  }
};
using TabletRestore = TabletRestoreTest;

TEST_P(TabletRestore, AfterARestoreFromBackupTheTabletPushesAgainWhatTheServerLost) {
  TestTablet t(dataDir(), "tablet", server().port());
  const LostToRestore lost = editThenRestore(t);
  const SyncReport report = t.syncOk();
  EXPECT_TRUE(report.pullReset);
  expectRecovered(t, lost, report);
}

// The pull from scratch that follows the new epoch is cut: the tablet must not push its pending
// edit (built on a version the restore lost) before that pull has told it what the server holds,
// or the edit comes back as a conflict; the next sync finishes the reconcile.
TEST_P(TabletRestore, APullFromScratchCutMidReconcileIsFinishedByTheNextSync) {
  TestTablet t(dataDir(), "tablet", server().port());
  const LostToRestore lost = editThenRestore(t);
  bool cut = false;
  t.transport().before = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (!cut && r.target.rfind("/v1/sync/pull", 0) == 0) {
      cut = true;
      HttpResponse refused;
      refused.status = 400;
      return refused;
    }
    return HttpResponse{};
  };
  Result<SyncReport> broken = t.client().sync();
  ASSERT_TRUE(cut);
  ASSERT_FALSE(broken.isOk());
  ASSERT_TRUE(*t.store().epochReconcilePending());

  t.transport().before = nullptr;
  t.transport().targets.clear();
  const SyncReport report = t.syncOk();
  ASSERT_FALSE(t.transport().targets.empty());
  EXPECT_EQ(t.transport().targets.front(), "POST /v1/sync/pull") << "pushed before the pull";
  EXPECT_FALSE(*t.store().epochReconcilePending());
  expectRecovered(t, lost, report);
}

TEST_P(TabletSync, ConcurrentEditsConflictAndBothVersionsSurvive) {
  TestTablet a(dataDir(), "tablet-a", server().port());
  TestTablet b(dataDir(), "tablet-b", server().port());
  a.signInAndSync();
  b.signInAndSync();
  Building fromA = buildingAt(a, 5);
  fromA.ownerName = "甲的版本";
  ASSERT_TRUE(a.store().putBuilding(fromA, "demo").isOk());
  Building fromB = buildingAt(b, 5);
  fromB.ownerName = "乙的版本";
  ASSERT_TRUE(b.store().putBuilding(fromB, "demo").isOk());
  const HlcVersion bVersion = b.store().versionsOf(RecordKind::kBuilding, fromB.id)->version;

  EXPECT_EQ(a.syncOk().applied, 1);
  const SyncReport report = b.syncOk();
  EXPECT_EQ(report.conflicts, 1);

  // On the tablet: the server's version is current, B's is kept as an open conflict.
  EXPECT_EQ(b.store().building(fromB.id)->ownerName, "甲的版本");
  Result<std::vector<ConflictEntry>> open = b.store().openConflicts();
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().origin, "push");
  EXPECT_EQ(std::get<Building>(*decodeRecord(open->front().losingPayload)).ownerName, "乙的版本");
  // On the server: A's version is current, B's is in the conflicts table.
  const auto server = serverRecords(client(), m_demoToken);
  EXPECT_EQ(server.at(fromA.id).record().building().owner_name(), "甲的版本");
  const CliResult conflicts = runCli({"conflicts", fromA.id, "--data", dataDir()});
  EXPECT_NE(conflicts.out.find("1 conflict(s)"), std::string::npos) << conflicts.out;
  EXPECT_NE(conflicts.out.find("incoming " + std::to_string(bVersion)), std::string::npos)
      << conflicts.out;
  expectSameAsServer(b, server);
}

TEST_P(TabletSync, AReturnedInspectionReachesTheTabletWithTheComment) {
  TestTablet t(dataDir(), "tablet", server().port());
  t.signInAndSync();
  const Inspection in = makeInspection(buildingAt(t, 0).id);
  ASSERT_TRUE(t.store().putInspection(in, "demo").isOk());
  t.syncOk();
  const CliResult returned = runCli(
      {"review", "return", in.id, "--comment", "请补拍北墙裂缝的近景照片", "--data", dataDir()});
  ASSERT_EQ(returned.exitCode, 0) << returned.err;
  const SyncReport report = t.syncOk();
  EXPECT_EQ(report.pulledApplied, 1);
  Result<Inspection> back = t.store().inspection(in.id);
  ASSERT_TRUE(back.isOk());
  EXPECT_EQ(back->review, ReviewState::kReturned);
  EXPECT_EQ(back->reviewComment, "请补拍北墙裂缝的近景照片");
}

TEST_P(TabletSync, ATabletFixesAndResubmitsAReturnedInspection) {
  TestTablet t(dataDir(), "tablet", server().port());
  t.signInAndSync();
  const Inspection in = makeInspection(buildingAt(t, 0).id);
  ASSERT_TRUE(t.store().putInspection(in, "demo").isOk());
  t.syncOk();
  const CliResult returned = runCli(
      {"review", "return", in.id, "--comment", "请补拍北墙裂缝的近景照片", "--data", dataDir()});
  ASSERT_EQ(returned.exitCode, 0) << returned.err;
  t.syncOk();

  // As the app does: edit the returned inspection (it stays returned, the comment kept), sync,
  // then submit it again and sync.
  Inspection fix = *t.store().inspection(in.id);
  fix.findings[0].note = "已补拍近景";
  ASSERT_TRUE(t.store().putInspection(fix, "demo").isOk());
  const SyncReport fixed = t.syncOk();
  EXPECT_EQ(fixed.applied, 1);
  EXPECT_EQ(fixed.rejected, 0);
  fix.review = ReviewState::kSubmitted;
  fix.submittedAt = in.submittedAt + 86400000;
  ASSERT_TRUE(t.store().putInspection(fix, "demo").isOk());
  const SyncReport resubmitted = t.syncOk();
  EXPECT_EQ(resubmitted.applied, 1);
  EXPECT_EQ(resubmitted.rejected, 0);
  EXPECT_EQ(resubmitted.conflicts, 0);

  const auto server = serverRecords(client(), m_demoToken);
  const v1::Inspection& onServer = server.at(in.id).record().inspection();
  EXPECT_EQ(onServer.review(), "submitted");
  EXPECT_EQ(onServer.review_comment(), "请补拍北墙裂缝的近景照片");
  EXPECT_EQ(onServer.findings(0).note(), "已补拍近景");
  expectSameAsServer(t, server);
}

TEST_P(TabletSync, PhotoUploadCutOffHalfwayResumesFromTheServersOffset) {
  TestTablet t(dataDir(), "tablet", server().port());
  t.signInAndSync();
  const Building building = buildingAt(t, 0);
  const Inspection in = makeInspection(building.id);
  ASSERT_TRUE(t.store().putInspection(in, "demo").isOk());
  const std::string bytes = bytesOfSize(1536 * 1024 + 123, 'p');  // 3 chunks and a bit
  PhotoRecord photo = makePhoto(building.id, in.id, "");
  Result<PhotoRecord> saved = t.photos().importBytes(t.store(), bytes, photo, "demo");
  ASSERT_TRUE(saved.isOk()) << saved.status().toString();
  const std::string sha = saved->sha256;

  // The signal goes after two chunks: the user's sync stops there.
  std::atomic<bool> cancel{false};
  Result<SyncReport> first = t.client().sync(
      [&](SyncPhase phase, const SyncReport& r) {
        if (phase == SyncPhase::kPhotos && r.photoBytesSent >= 1024 * 1024) cancel = true;
      },
      &cancel);
  ASSERT_TRUE(first.isOk()) << first.status().toString();
  EXPECT_TRUE(first->cancelled);
  v1::PhotoStatus half;
  ASSERT_TRUE(half.ParseFromString(client().get("/v1/photos/" + sha, m_demoToken).body));
  EXPECT_EQ(half.received_bytes(), 1024 * 1024);
  EXPECT_FALSE(half.complete());
  EXPECT_EQ(*t.store().pendingPhotoUploadCount(), 1);

  t.transport().targets.clear();
  const SyncReport second = t.syncOk();
  EXPECT_EQ(second.photosUploaded, 1);
  std::vector<std::string> puts;
  for (const std::string& target : t.transport().targets)
    if (target.rfind("PUT ", 0) == 0) puts.push_back(target.substr(target.find('?')));
  const std::string total = "&total=" + std::to_string(bytes.size());
  EXPECT_EQ(puts, (std::vector<std::string>{"?offset=1048576" + total, "?offset=1572864" + total}));

  // The server's bytes are the tablet's bytes, and the inspection is complete.
  const std::string blob =
      dataDir() + "/blobs/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
  std::ifstream stored(blob, std::ios::binary);
  const std::string onServer((std::istreambuf_iterator<char>(stored)), {});
  EXPECT_EQ(sha256Hex(onServer), sha);
  EXPECT_EQ(onServer.size(), bytes.size());
  const CliResult status = runCli({"inspection-status", in.id, "--data", dataDir()});
  EXPECT_NE(status.out.find("photos=1/1"), std::string::npos) << status.out;
  EXPECT_EQ(*t.store().pendingPhotoUploadCount(), 0);
}

// The tablet-side client is backend-agnostic; these scenarios run on the default SQLite backend
// (the PostgreSQL binary runs the server-side scenarios on its backend).
INSTANTIATE_TEST_SUITE_P(Backends, TabletSync, ::testing::Values(Backend::kSqlite), backendName);
INSTANTIATE_TEST_SUITE_P(Backends, TabletRestore, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
