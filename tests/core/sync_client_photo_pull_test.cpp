// SyncClient photo upload (resumable, chunked, verified) and pull (pages, cursor, reset), and the
// photo library underneath.
#include <filesystem>
#include <fstream>

#include "sync_client_test_support.h"

namespace anju::testing {
namespace {

std::string bytesOfSize(std::size_t n, char seed) {
  std::string out(n, '\0');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>(seed + i * 7 % 251);
  return out;
}

class SyncPhotoTest : public SyncClientTest {
 protected:
  PhotoRecord importPhoto(const std::string& bytes) {
    if (m_building.id.empty()) {
      m_building = makeBuilding("幸福路8号");
      EXPECT_TRUE(m_store->putBuilding(m_building, "demo").isOk());
    }
    PhotoRecord p;
    p.id = newUuid();
    p.capturedAt = kTestNow;
    p.buildingId = m_building.id;
    Result<PhotoRecord> saved = m_photos->importBytes(*m_store, bytes, p, "demo");
    EXPECT_TRUE(saved.isOk()) << saved.status().toString();
    return saved.isOk() ? *saved : p;
  }
  std::vector<std::string> putTargets() const {
    std::vector<std::string> out;
    for (const HttpRequest& r : m_server.requests)
      if (r.method == "PUT") out.push_back(r.target.substr(r.target.find('?')));
    return out;
  }
  Building m_building;
};

TEST_F(SyncPhotoTest, ImportStoresContentAddressedBytesAndQueuesTheUpload) {
  const std::string bytes = bytesOfSize(2500, 'a');
  const PhotoRecord p = importPhoto(bytes);
  EXPECT_EQ(p.sha256, sha256Hex(bytes));
  EXPECT_EQ(p.byteSize, 2500);
  EXPECT_TRUE(m_photos->contains(p.sha256));
  std::ifstream in(m_photos->pathOf(p.sha256), std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), bytes);
  EXPECT_EQ(*m_store->pendingPhotoUploads(10), (std::vector<PhotoUpload>{{p.sha256, 2500}}));
  EXPECT_EQ(*sha256OfFile(m_photos->pathOf(p.sha256)), p.sha256);
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(SyncPhotoTest, UploadsInChunksAfterThePushAndMarksTheBytesUploaded) {
  const std::string bytes = bytesOfSize(2500, 'b');
  const PhotoRecord p = importPhoto(bytes);
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(m_server.requests.front().target, "/v1/sync/push") << "records before bytes";
  EXPECT_EQ(putTargets(),
            (std::vector<std::string>{"?offset=0&total=2500", "?offset=1000&total=2500",
                                      "?offset=2000&total=2500"}));
  EXPECT_EQ(m_server.photos[p.sha256], bytes);
  EXPECT_EQ(report->photosUploaded, 1);
  EXPECT_EQ(report->photoBytesSent, 2500);
  EXPECT_EQ(report->photoBytesToUpload, 2500);
  EXPECT_EQ(*m_store->pendingPhotoUploadCount(), 0);

  m_server.requests.clear();
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_EQ(m_server.count("/v1/photos/"), 0) << "an uploaded photo is not asked about again";
}

TEST_F(SyncPhotoTest, ResumesFromTheOffsetTheServerHolds) {
  const std::string bytes = bytesOfSize(2500, 'c');
  const PhotoRecord p = importPhoto(bytes);
  m_server.photos[p.sha256] = bytes.substr(0, 2000);  // an earlier sync was cut off
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_EQ(putTargets(), (std::vector<std::string>{"?offset=2000&total=2500"}));
  EXPECT_EQ(m_server.photos[p.sha256], bytes);
}

TEST_F(SyncPhotoTest, ALostChunkAnswerIsResolvedByTheServersOffset) {
  const std::string bytes = bytesOfSize(2500, 'd');
  const PhotoRecord p = importPhoto(bytes);
  bool lost = false;
  // The second chunk reaches the server, but its answer is lost on the way back.
  m_server.fault = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT" && r.target.find("offset=1000") != std::string::npos && !lost) {
      lost = true;
      m_server.photos[p.sha256] += r.body;
      return Status::unavailable("connection reset");
    }
    return HttpResponse{};
  };
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_EQ(putTargets(),
            (std::vector<std::string>{"?offset=0&total=2500", "?offset=1000&total=2500",
                                      "?offset=1000&total=2500",  // 409: has 2000
                                      "?offset=2000&total=2500"}));
  EXPECT_EQ(m_server.photos[p.sha256], bytes);
  EXPECT_EQ(*m_store->pendingPhotoUploadCount(), 0);
}

TEST_F(SyncPhotoTest, AlreadyCompleteOnTheServerSendsNothing) {
  const PhotoRecord p = importPhoto(bytesOfSize(1500, 'e'));
  m_server.completePhotos.push_back(p.sha256);
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_TRUE(putTargets().empty());
  EXPECT_EQ(*m_store->pendingPhotoUploadCount(), 0);
}

TEST_F(SyncPhotoTest, DamagedLocalFileIsReportedKeptQueuedAndOthersStillGo) {
  const PhotoRecord damaged = importPhoto(bytesOfSize(1500, 'f'));
  const PhotoRecord good = importPhoto(bytesOfSize(1200, 'g'));
  {
    std::ofstream out(m_photos->pathOf(damaged.sha256), std::ios::binary | std::ios::trunc);
    out << "not the photo";
  }
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  ASSERT_EQ(report->photoProblems.size(), 1u);
  EXPECT_EQ(report->photoProblems[0], msg("sync.photo_file_damaged", {{"sha256", damaged.sha256}}));
  EXPECT_EQ(report->photosUploaded, 1);
  EXPECT_EQ(*m_store->pendingPhotoUploads(10), (std::vector<PhotoUpload>{{damaged.sha256, 1500}}));
  EXPECT_EQ(m_server.photos[good.sha256].size(), 1200u);
}

v1::PullResponse page(const std::vector<Building>& buildings, const std::string& cursor,
                      bool hasMore, const std::string& epoch = "epoch-1", bool reset = false) {
  v1::PullResponse out;
  for (const Building& b : buildings) {
    v1::PulledChange* c = out.add_changes();
    c->set_record_id(b.id);
    c->set_kind("building");
    c->set_version(makeHlc(kTestNow - 1000, 1));
    c->mutable_record()->ParseFromString(encodeRecord(b));
  }
  out.set_next_cursor(cursor);
  out.set_has_more(hasMore);
  out.set_epoch(epoch);
  out.set_reset(reset);
  return out;
}

TEST_F(SyncClientTest, PullsPagesUntilNoMoreAndStoresTheCursorWithThem) {
  const Building a = makeBuilding("和平路1号"), b = makeBuilding("和平路2号");
  m_server.pages = {page({a}, "c1", true), page({b}, "c2", false)};
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(report->pulledApplied, 2);
  EXPECT_GT(report->bytesPulled, 0);
  EXPECT_EQ(m_store->building(a.id)->address, "和平路1号");
  EXPECT_EQ(m_store->building(b.id)->address, "和平路2号");
  EXPECT_EQ(syncState(kSyncPullCursor), "c2");
  EXPECT_EQ(syncState(kSyncEpoch), "epoch-1");
  v1::PullRequest second;
  ASSERT_TRUE(second.ParseFromString(m_server.requests.back().body));
  EXPECT_EQ(second.cursor(), "c1");
}

TEST_F(SyncClientTest, ResetFromTheServerStartsAgainFromScratch) {
  ASSERT_TRUE(m_store->applyPulled({}, "old-cursor", "epoch-0").isOk());
  const Building a = makeBuilding("和平路1号");
  m_server.pages = {page({a}, "n1", false, "epoch-2", true)};
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk());
  EXPECT_TRUE(report->pullReset);
  EXPECT_EQ(syncState(kSyncPullCursor), "n1");
  EXPECT_EQ(syncState(kSyncEpoch), "epoch-2");
  EXPECT_TRUE(m_store->building(a.id).isOk());
}

TEST_F(SyncClientTest, ACursorOfAnotherEpochIsDroppedEvenWithoutReset) {
  ASSERT_TRUE(m_store->applyPulled({}, "old-cursor", "epoch-0").isOk());
  m_server.pages = {page({}, "x", false, "epoch-2"), page({}, "n1", false, "epoch-2")};
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk());
  EXPECT_TRUE(report->pullReset);
  v1::PullRequest again;
  ASSERT_TRUE(again.ParseFromString(m_server.requests.back().body));
  EXPECT_EQ(again.cursor(), "") << "pulled again from the beginning";
  EXPECT_EQ(syncState(kSyncPullCursor), "n1");
}

TEST_F(SyncClientTest, AnUndecodablePageStopsTheSyncAndKeepsTheCursor) {
  ASSERT_TRUE(m_store->applyPulled({}, "c0", "epoch-1").isOk());
  v1::PullResponse bad = page({makeBuilding("和平路1号")}, "c1", false);
  bad.mutable_changes(0)->set_kind("inspection");  // kind disagrees with the record
  m_server.pages = {bad};
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_EQ(syncState(kSyncPullCursor), "c0");
  EXPECT_FALSE(syncState(kSyncLastError).empty());
}

// The kind is read at the wire's edge: a code this build does not know ends the pull with an
// error naming it, before any record of the page (the known ones included) is stored.
TEST_F(SyncClientTest, APulledRecordOfAnUnknownKindStopsTheSyncAndStoresNothing) {
  ASSERT_TRUE(m_store->applyPulled({}, "c0", "epoch-1").isOk());
  const Building known = makeBuilding("和平路1号");
  const Building other = makeBuilding("和平路2号");
  v1::PullResponse bad = page({known, other}, "c1", false);
  bad.mutable_changes(1)->set_kind("barn");
  m_server.pages = {bad};
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_EQ(report.status().text().id, "sync.pulled_unknown_kind");
  EXPECT_NE(report.status().message().find("barn"), std::string::npos);
  EXPECT_EQ(m_store->building(known.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(syncState(kSyncPullCursor), "c0");
}

}  // namespace
}  // namespace anju::testing
