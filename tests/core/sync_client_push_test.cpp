// SyncClient push against the in-memory server: batching, compression and what each outcome
// leaves on the tablet.
#include "anju/stored_reason.h"
#include "sync_client_test_support.h"

namespace anju::testing {
namespace {

TEST_F(SyncClientTest, PushSplitsTheOutboxIntoBatchesCappedByCount) {
  m_maxBatchChanges = 3;
  m_client = makeClient();
  saveBuildings(7);
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  ASSERT_EQ(m_server.pushes.size(), 3u);
  EXPECT_EQ(m_server.pushes[0].changes_size(), 3);
  EXPECT_EQ(m_server.pushes[1].changes_size(), 3);
  EXPECT_EQ(m_server.pushes[2].changes_size(), 1);
  EXPECT_EQ(report->applied, 7);
  EXPECT_EQ(report->changesToPush, 7);
  EXPECT_EQ(pending(), 0);
}

TEST_F(SyncClientTest, PushSplitsTheOutboxIntoBatchesCappedByBytes) {
  const std::vector<Building> saved = saveBuildings(6);
  Result<std::vector<OutboxEntry>> all = m_store->pendingOutbox(100, 1 << 30);
  ASSERT_TRUE(all.isOk());
  // Room for two payloads, not three.
  m_maxBatchBytes = static_cast<std::int64_t>(all->at(0).payload.size() * 2 + 10);
  m_client = makeClient();
  ASSERT_TRUE(m_client->sync().isOk());
  ASSERT_EQ(m_server.pushes.size(), 3u);
  for (const v1::PushRequest& push : m_server.pushes) EXPECT_EQ(push.changes_size(), 2);
  EXPECT_EQ(m_server.pushes[0].changes(0).record_id(), saved[0].id) << "oldest change first";
}

TEST_F(SyncClientTest, PushBodyIsGzipOfThePushRequestWithItsHeader) {
  const std::vector<Building> saved = saveBuildings(2);
  ASSERT_TRUE(m_client->sync().isOk());
  const HttpRequest& request = m_server.requests.front();
  ASSERT_EQ(request.target, "/v1/sync/push");
  bool gzipHeader = false, bearer = false;
  for (const auto& [name, value] : request.headers) {
    gzipHeader |= name == "Content-Encoding" && value == "gzip";
    bearer |= name == "Authorization" && value == "Bearer " + std::string(64, 'f');
  }
  EXPECT_TRUE(gzipHeader);
  EXPECT_TRUE(bearer);
  ASSERT_EQ(request.body.substr(0, 2), std::string("\x1f\x8b")) << "gzip magic";
  const v1::PushRequest push = decodePush(request);
  EXPECT_EQ(push.device_id(), "tablet-07");
  ASSERT_EQ(push.changes_size(), 2);
  const v1::Change& c = push.changes(1);
  EXPECT_EQ(c.kind(), "building");
  EXPECT_EQ(c.record_id(), saved[1].id);
  EXPECT_EQ(c.base_version(), 0u);
  Result<AnyRecord> record = decodeRecord(c.record().SerializeAsString());
  ASSERT_TRUE(record.isOk());
  EXPECT_EQ(std::get<Building>(*record), saved[1]);
}

TEST_F(SyncClientTest, AppliedAndDuplicateAreAcknowledgedWithTheServerVersion) {
  const std::vector<Building> saved = saveBuildings(2);
  m_server.decide = [](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    r.set_outcome(c.record().building().address() == "幸福路1号" ? v1::ChangeResult::APPLIED
                                                                 : v1::ChangeResult::DUPLICATE);
    r.set_server_version(c.version());
    return r;
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(report->applied, 1);
  EXPECT_EQ(report->duplicates, 1);
  EXPECT_EQ(pending(), 0);
  for (const Building& b : saved) {
    Result<RecordVersions> v = m_store->versionsOf(RecordKind::kBuilding, b.id);
    EXPECT_EQ(v->serverVersion, v->version);
  }
}

TEST_F(SyncClientTest, ConflictKeepsBothVersionsAndTheServersBecomesCurrent) {
  const Building mine = saveBuildings(1, "本机版本").front();
  Building theirs = mine;
  theirs.ownerName = "服务器版本";
  m_server.decide = [&](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    r.set_outcome(v1::ChangeResult::CONFLICT);
    r.set_server_version(makeHlc(kTestNow + 5, 0));
    r.mutable_server_record()->ParseFromString(encodeRecord(theirs));
    r.set_reason("基础版本已过期");
    return r;
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(report->conflicts, 1);
  EXPECT_EQ(pending(), 0);
  EXPECT_EQ(m_store->building(mine.id)->ownerName, "服务器版本");
  Result<std::vector<ConflictEntry>> conflicts = m_store->openConflicts();
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ(std::get<Building>(*decodeRecord(conflicts->front().losingPayload)).ownerName,
            "本机版本");
}

TEST_F(SyncClientTest, RejectedChangeIsKeptWithItsReasonNotResentAndTheRestContinues) {
  const std::vector<Building> saved = saveBuildings(3);
  m_server.decide = [&](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    if (c.record_id() == saved[1].id) {
      r.set_outcome(v1::ChangeResult::REJECTED);
      r.set_reason("forbidden region");
      v1::FieldProblem* f = r.add_fields();
      f->set_field("region");
      f->set_message("not yours");
    } else {
      r.set_outcome(v1::ChangeResult::APPLIED);
      r.set_server_version(c.version());
    }
    return r;
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(report->applied, 2);
  EXPECT_EQ(report->rejected, 1);
  EXPECT_EQ(pending(), 0);
  Result<std::vector<RejectedChange>> rejected = m_store->rejectedOutbox();
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ(rejected->front().change.recordId, saved[1].id);
  // A server without message ids: its own words are kept and shown as they are.
  EXPECT_EQ(reasonText(rejected->front().reason, Locale::kEnglish),
            "forbidden region; region: not yours");

  // The next sync does not send it again.
  m_server.pushes.clear();
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_TRUE(m_server.pushes.empty());
}

TEST_F(SyncClientTest, FixingARejectedNewRecordSendsItAsNewAgain) {
  Building b = saveBuildings(1).front();
  m_server.decide = [](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    r.set_outcome(v1::ChangeResult::REJECTED);
    r.set_reason("bad");
    return r;
  };
  ASSERT_TRUE(m_client->sync().isOk());
  b.address = "幸福路100号";
  ASSERT_TRUE(m_store->putBuilding(b, "demo").isOk());
  m_server.decide = FakeServer().decide;
  m_server.pushes.clear();
  ASSERT_TRUE(m_client->sync().isOk());
  ASSERT_EQ(m_server.pushes.size(), 1u);
  EXPECT_EQ(m_server.pushes[0].changes(0).base_version(), 0u)
      << "the server never had the rejected version";
}

TEST_F(SyncClientTest, LaterChangesOfARejectedRecordInTheSameBatchAreRebased) {
  Building b = saveBuildings(1).front();
  b.storeysAbove = 3;
  ASSERT_TRUE(m_store->putBuilding(b, "demo").isOk());
  int calls = 0;
  m_server.decide = [&](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    if (++calls == 1) {
      r.set_outcome(v1::ChangeResult::REJECTED);
      r.set_reason("bad first version");
    } else if (c.base_version() != 0) {
      r.set_outcome(v1::ChangeResult::CONFLICT);  // built on a version the server never had
      r.set_server_version(0);
    } else {
      r.set_outcome(v1::ChangeResult::APPLIED);
      r.set_server_version(c.version());
    }
    return r;
  };
  ASSERT_TRUE(m_client->sync().isOk());
  ASSERT_EQ(m_server.pushes.size(), 2u);
  EXPECT_NE(m_server.pushes[1].changes(0).change_id(), m_server.pushes[0].changes(1).change_id());
  EXPECT_EQ(m_server.pushes[1].changes(0).base_version(), 0u);
  EXPECT_EQ(pending(), 0);
  EXPECT_EQ(m_store->rejectedOutbox()->size(), 1u);
  EXPECT_EQ(m_store->building(b.id)->storeysAbove, 3);
}

TEST_F(SyncClientTest, DuplicateOfAChangeKeptAsConflictFetchesTheServerVersion) {
  const Building mine = saveBuildings(1, "本机版本").front();
  Building theirs = mine;
  theirs.ownerName = "服务器版本";
  const HlcVersion serverVersion = makeHlc(kTestNow + 9, 0);
  m_server.decide = [&](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    r.set_outcome(v1::ChangeResult::DUPLICATE);
    r.set_server_version(serverVersion);
    return r;
  };
  m_server.fault = [&](const HttpRequest& request) -> Result<HttpResponse> {
    if (request.target != "/v1/records/building/" + mine.id) return HttpResponse{};
    v1::PulledChange current;
    current.set_record_id(mine.id);
    current.set_kind("building");
    current.set_version(serverVersion);
    current.mutable_record()->ParseFromString(encodeRecord(theirs));
    return protoResponse(200, current);
  };
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_EQ(m_store->building(mine.id)->ownerName, "服务器版本");
  ASSERT_EQ(m_store->openConflicts()->size(), 1u);
  EXPECT_EQ(pending(), 0);
}

TEST_F(SyncClientTest, ProgressReportsPushedRecordsAndBytes) {
  m_maxBatchChanges = 2;
  m_client = makeClient();
  saveBuildings(4);
  std::vector<std::pair<int, std::int64_t>> seen;
  ASSERT_TRUE(m_client
                  ->sync([&](SyncPhase phase, const SyncReport& r) {
                    if (phase == SyncPhase::kPush)
                      seen.emplace_back(r.changesPushed(), r.bytesPushed);
                  })
                  .isOk());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].first, 2);
  EXPECT_EQ(seen[1].first, 4);
  EXPECT_GT(seen[0].second, 0);
  EXPECT_GT(seen[1].second, seen[0].second);
}

}  // namespace
}  // namespace anju::testing
