// Fault injection: the tablet syncs through a loopback proxy that cuts or stalls the connection
// in the middle of a push or of a photo upload. After the client's retries nothing is lost and
// nothing is duplicated: the server's records and photo bytes equal the tablet's.
#include <chrono>
#include <fstream>
#include <map>

#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "fault_proxy.h"
#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using Direction = FaultProxy::Direction;
using Action = FaultProxy::Action;
using Clock = std::chrono::steady_clock;

class SyncFault : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    m_proxy = std::make_unique<FaultProxy>(server().port());
    ASSERT_NE(m_proxy->port(), 0);
    m_tablet = std::make_unique<TestTablet>(dataDir(), "tablet", m_proxy->port());
    m_tablet->options.maxBatchChanges = 10;
    m_tablet->connectTo(m_proxy->port());
    m_tablet->signInAndSync();
  }
  void TearDown() override {
    m_tablet.reset();
    m_proxy.reset();
    SyncServerTest::TearDown();
  }

  // 25 new inspections (three batches), each of a different house.
  std::vector<Inspection> inspectOffline(int n = 25) {
    Result<std::vector<BuildingSummary>> houses = m_tablet->store().listBuildings({}, n);
    EXPECT_TRUE(houses.isOk());
    std::vector<Inspection> out;
    for (const BuildingSummary& h : *houses) {
      Inspection in = makeInspection(h.id);
      EXPECT_TRUE(m_tablet->store().putInspection(in, "demo").isOk());
      out.push_back(in);
    }
    return out;
  }

  // Every inspection is on the server exactly once, at the tablet's version, and nothing waits.
  void expectAllOnServerOnce(const std::vector<Inspection>& inspections) {
    std::map<std::string, int> copies;
    std::map<std::string, std::uint64_t> versions;
    for (const v1::PulledChange& c : client().pullAll(m_demoToken)) {
      ++copies[c.record_id()];
      versions[c.record_id()] = c.version();
    }
    for (const Inspection& in : inspections) {
      EXPECT_EQ(copies[in.id], 1) << in.id;
      EXPECT_EQ(versions[in.id],
                m_tablet->store().versionsOf(RecordKind::kInspection, in.id)->version);
      EXPECT_EQ(*m_tablet->store().inspection(in.id), in);
      const CliResult conflicts = runCli({"conflicts", in.id, "--data", dataDir()});
      EXPECT_NE(conflicts.out.find("0 conflict(s)"), std::string::npos) << conflicts.out;
    }
    EXPECT_EQ(*m_tablet->store().pendingOutboxCount(), 0);
    EXPECT_TRUE(m_tablet->store().openConflicts()->empty());
    EXPECT_TRUE(m_tablet->store().rejectedOutbox()->empty());
  }

  PhotoRecord importPhoto(std::size_t size) {
    const Inspection in = inspectOffline(1).front();
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131) % 256);
    Result<PhotoRecord> saved = m_tablet->photos().importBytes(
        m_tablet->store(), bytes, makePhoto(in.buildingId, in.id, ""), "demo");
    EXPECT_TRUE(saved.isOk()) << saved.status().toString();
    return *saved;
  }

  void expectPhotoOnServer(const PhotoRecord& photo) {
    const std::string& sha = photo.sha256;
    const std::string blob =
        dataDir() + "/blobs/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
    Result<std::string> onServer = sha256OfFile(blob);
    ASSERT_TRUE(onServer.isOk()) << onServer.status().toString();
    EXPECT_EQ(*onServer, sha);
    EXPECT_EQ(*m_tablet->store().pendingPhotoUploadCount(), 0);
  }

  std::unique_ptr<FaultProxy> m_proxy;
  std::unique_ptr<TestTablet> m_tablet;
};

TEST_P(SyncFault, PushCutMidRequestIsResentNothingLostNothingDuplicated) {
  const std::vector<Inspection> inspections = inspectOffline();
  m_proxy->arm(Direction::kUpstream, Action::kCut, 600, 2);  // inside the push body, twice
  const SyncReport report = m_tablet->syncOk();
  EXPECT_EQ(m_proxy->faultsFired(), 2);
  // libcurl itself resends once on a reused connection that died before any answer; the rest
  // are the client's retries.
  EXPECT_GE(report.retries, 1);
  EXPECT_EQ(report.applied, 25);
  EXPECT_EQ(report.duplicates, 0) << "a cut request stores nothing";
  expectAllOnServerOnce(inspections);
}

TEST_P(SyncFault, PushAnswerCutAfterTheCommitIsDuplicateNotACopy) {
  const std::vector<Inspection> inspections = inspectOffline();
  m_proxy->arm(Direction::kDownstream, Action::kCut, 30);  // inside the first push's answer
  const SyncReport report = m_tablet->syncOk();
  EXPECT_EQ(m_proxy->faultsFired(), 1);
  EXPECT_EQ(report.duplicates, 10) << "the first batch was committed before the cut";
  EXPECT_EQ(report.applied, 15);
  expectAllOnServerOnce(inspections);
}

TEST_P(SyncFault, StalledPushIsAbandonedAndRetriedWithinSeconds) {
  const std::vector<Inspection> inspections = inspectOffline();
  m_proxy->arm(Direction::kUpstream, Action::kStall, 600);
  const auto start = Clock::now();
  const SyncReport report = m_tablet->syncOk();
  // libcurl judges speed over a window of a few seconds, so a 1 s low-speed time takes ~7 s.
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(m_proxy->faultsFired(), 1);
  EXPECT_GE(report.retries, 1);
  expectAllOnServerOnce(inspections);
}

TEST_P(SyncFault, PhotoUploadCutMidChunkResumesAndTheServersBytesMatch) {
  const PhotoRecord photo = importPhoto(1300 * 1024);
  // Past the small push, inside the second 512 KiB chunk.
  m_proxy->arm(Direction::kUpstream, Action::kCut, 800 * 1024);
  const SyncReport report = m_tablet->syncOk();
  EXPECT_EQ(m_proxy->faultsFired(), 1);
  EXPECT_EQ(report.photosUploaded, 1);
  EXPECT_EQ(report.photoBytesSent, photo.byteSize) << "every byte acknowledged exactly once";
  expectPhotoOnServer(photo);
}

TEST_P(SyncFault, PhotoChunkAnswerLostAndAStallStillEndWithTheRightBytes) {
  const PhotoRecord photo = importPhoto(1100 * 1024);
  bool armed = false;
  m_tablet->transport().before = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT" && !armed) {
      armed = true;  // the first chunk arrives and is stored, its answer is cut
      m_proxy->arm(Direction::kDownstream, Action::kCut, 10);
    }
    return HttpResponse{};
  };
  SyncReport report = m_tablet->syncOk();
  EXPECT_EQ(m_proxy->faultsFired(), 1);
  expectPhotoOnServer(photo);

  const PhotoRecord second = importPhoto(700 * 1024);
  m_proxy->arm(Direction::kUpstream, Action::kStall, 300 * 1024);
  report = m_tablet->syncOk();
  EXPECT_EQ(m_proxy->faultsFired(), 2);
  EXPECT_EQ(report.photosUploaded, 1);
  expectPhotoOnServer(second);
}

// The tablet-side client is backend-agnostic; these scenarios run on the default SQLite backend
// (the PostgreSQL binary runs the server-side scenarios on its backend).
INSTANTIATE_TEST_SUITE_P(Backends, SyncFault, ::testing::Values(Backend::kSqlite), backendName);

}  // namespace
}  // namespace anju::server::testing
