// Issue 12 §5: two anju-server processes, each with its own data folder, on one PostgreSQL
// database, as N servers behind a load balancer. Photos live in the database (the default with
// PostgreSQL), so an upload cut on one server resumes on the other, and records and photos sent
// to one are served by the other.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "anju/sha256.h"
#include "postgres_server.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

class PostgresTwoNodes : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    // Node B: its own data folder, the same database.
    m_nodeB = std::make_unique<ServerProcess>(m_dirB.path(), storageArgs());
    std::string error;
    ASSERT_TRUE(m_nodeB->start(&error)) << error;
    m_b = std::make_unique<ProtocolClient>(m_nodeB->port());
  }
  void TearDown() override {
    if (m_nodeB) EXPECT_EQ(m_nodeB->stop(), 0);
    SyncServerTest::TearDown();
  }

  ProtocolClient& a() { return client(); }
  ProtocolClient& b() { return *m_b; }

  /// Photo bytes under either data folder: none may be there (the bytes are in the database).
  std::size_t photoFilesOnDisk() const {
    std::size_t n = 0;
    for (const std::string& dir : {dataDir(), m_dirB.path()}) {
      std::error_code ec;
      if (!std::filesystem::exists(dir + "/blobs", ec)) continue;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(dir + "/blobs", ec))
        n += entry.is_regular_file() ? 1 : 0;
    }
    return n;
  }

  TempDir m_dirB;
  std::unique_ptr<ServerProcess> m_nodeB;
  std::unique_ptr<ProtocolClient> m_b;
};

/// Polls `via` until the photo's received bytes reach `want` (bounded); the last status seen.
v1::PhotoStatus waitForReceived(ProtocolClient& via, const std::string& token,
                                const std::string& sha, std::int64_t want) {
  v1::PhotoStatus status;
  for (int i = 0; i < 500; ++i) {
    const Reply r = via.get("/v1/photos/" + sha, token);
    if (r.status == 200) status = parsePhotoStatus(r);
    if (status.received_bytes() == want) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return status;
}

TEST_P(PostgresTwoNodes, UploadCutOnOneServerResumesOnTheOtherAndBothServeEverything) {
  const std::string reviewerA = a().consoleLogin("reviewer", "review1234");
  const std::string reviewerB = b().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewerA.empty());
  ASSERT_FALSE(reviewerB.empty());

  // Records pushed to A are pulled from B.
  const Inspection in = makeInspection(ownBuilding().record_id());
  const std::string cutBytes = patternBytes(900000, 'a');    // cut on A, finished on B
  const std::string wholeBytes = patternBytes(400000, 'k');  // sent whole to A, read from B
  const PhotoRecord cut = makePhoto(in.buildingId, in.id, cutBytes);
  const PhotoRecord whole = makePhoto(in.buildingId, in.id, wholeBytes);
  const v1::PushResponse pushed = a().push(
      m_demoToken,
      makePush({makeChange(in, 1000, 0), makeChange(cut, 1000, 0), makeChange(whole, 1000, 0)}));
  ASSERT_EQ(pushed.results_size(), 3);
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();
  std::set<std::string> pulledFromB;
  for (const v1::PulledChange& c : b().pullAll(m_demoToken)) pulledFromB.insert(c.record_id());
  for (const std::string& id : {in.id, cut.id, whole.id}) EXPECT_TRUE(pulledFromB.count(id)) << id;

  // A photo finished on A is downloadable from B.
  ASSERT_EQ(
      a().put(photoUploadPath(whole.sha256, 0, wholeBytes.size()), wholeBytes, m_demoToken).status,
      200);
  const Reply fromB = b().get("/console/api/photos/" + whole.id, reviewerB);
  ASSERT_EQ(fromB.status, 200);
  EXPECT_EQ(sha256Hex(fromB.body), whole.sha256);

  // The cut upload: the first chunk is acknowledged by A, the second is cut after 1000 bytes;
  // A keeps those, and B (which never saw the upload) reports the same offset.
  const std::size_t half = cutBytes.size() / 2;
  const Reply first = a().put(photoUploadPath(cut.sha256, 0, cutBytes.size()),
                              cutBytes.substr(0, half), m_demoToken);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(parsePhotoStatus(first).received_bytes(), static_cast<std::int64_t>(half));
  sendCutOffPhotoPut(server().port(), m_demoToken, cut.sha256, cutBytes, half, 1000);
  const std::int64_t kept = static_cast<std::int64_t>(half) + 1000;
  const v1::PhotoStatus onB = waitForReceived(b(), m_demoToken, cut.sha256, kept);
  EXPECT_EQ(onB.received_bytes(), kept);
  EXPECT_EQ(onB.total_bytes(), static_cast<std::int64_t>(cutBytes.size()));
  EXPECT_FALSE(onB.complete());
  EXPECT_EQ(
      parsePhotoStatus(client().get("/v1/photos/" + cut.sha256, m_demoToken)).received_bytes(),
      kept);

  // Server A goes away (as a machine failing behind the load balancer); the tablet resumes on B
  // from the offset B reports. B answers a resume from a stale offset with the real one first.
  server().killHard();
  const Reply stale = b().put(photoUploadPath(cut.sha256, half, cutBytes.size()),
                              cutBytes.substr(half), m_demoToken);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(parsePhotoStatus(stale).received_bytes(), kept);
  const auto rest = static_cast<std::size_t>(kept);
  const Reply done = b().put(photoUploadPath(cut.sha256, rest, cutBytes.size()),
                             cutBytes.substr(rest), m_demoToken);
  ASSERT_EQ(done.status, 200);
  EXPECT_TRUE(parsePhotoStatus(done).complete());
  EXPECT_EQ(parsePhotoStatus(done).received_bytes(), static_cast<std::int64_t>(cutBytes.size()));

  // The bytes: verified by the server's hash check, and here once more from the database and
  // through B's console (streamed out a piece at a time).
  EXPECT_EQ(databaseBlobSha256(conninfo(), cut.sha256), cut.sha256);
  const Reply image = b().get("/console/api/photos/" + cut.id, reviewerB);
  ASSERT_EQ(image.status, 200);
  EXPECT_TRUE(image.body == cutBytes) << "the photo read from B differs from the one sent";

  // A restarted sees the photo B completed; neither server kept photo bytes in its folder.
  restartServer();  // a new port: client() follows it
  EXPECT_TRUE(parsePhotoStatus(a().get("/v1/photos/" + cut.sha256, m_demoToken)).complete());
  const Reply fromA = a().get("/console/api/photos/" + cut.id, reviewerA);
  ASSERT_EQ(fromA.status, 200);
  EXPECT_EQ(sha256Hex(fromA.body), cut.sha256);
  EXPECT_EQ(photoFilesOnDisk(), 0u);
}

// The same chunk sent to both servers at once (a tablet retrying through the load balancer
// while the first try is still in flight): exactly one is kept, the other is told the offset.
TEST_P(PostgresTwoNodes, OneChunkSentToBothServersAtOnceIsKeptOnce) {
  const std::string bytes = patternBytes(800000, 'q');
  const std::string sha = sha256Hex(bytes);
  const std::size_t chunk = 200000;
  ASSERT_EQ(
      a().put(photoUploadPath(sha, 0, bytes.size()), bytes.substr(0, chunk), m_demoToken).status,
      200);
  for (int round = 0; round < 2; ++round) {
    const std::size_t at = chunk * static_cast<std::size_t>(round + 1);
    auto send = [&](ProtocolClient& via) {
      return via.put(photoUploadPath(sha, at, bytes.size()), bytes.substr(at, chunk), m_demoToken);
    };
    std::future<Reply> viaA = std::async(std::launch::async, [&] { return send(a()); });
    std::future<Reply> viaB = std::async(std::launch::async, [&] { return send(b()); });
    const Reply ra = viaA.get(), rb = viaB.get();
    EXPECT_EQ((ra.status == 200) + (rb.status == 200), 1) << ra.status << " " << rb.status;
    EXPECT_EQ((ra.status == 409) + (rb.status == 409), 1) << ra.status << " " << rb.status;
    const std::int64_t want = static_cast<std::int64_t>(at + chunk);
    EXPECT_EQ(parsePhotoStatus(ra).received_bytes(), want);
    EXPECT_EQ(parsePhotoStatus(rb).received_bytes(), want);
  }
  // The last chunk is not raced: once a photo is complete, a repeat is a harmless 200.
  const Reply last =
      b().put(photoUploadPath(sha, 3 * chunk, bytes.size()), bytes.substr(3 * chunk), m_demoToken);
  ASSERT_EQ(last.status, 200);
  const v1::PhotoStatus final = parsePhotoStatus(b().get("/v1/photos/" + sha, m_demoToken));
  EXPECT_TRUE(final.complete());
  EXPECT_EQ(final.received_bytes(), static_cast<std::int64_t>(bytes.size()));
}

// A deployment from before the database photo store kept photos in a shared folder:
// import-photos copies them in (hash checked), and both servers serve them afterwards.
TEST_P(PostgresTwoNodes, ImportPhotosCopiesAFolderStoreIntoTheDatabase) {
  const std::string good = patternBytes(700000, 'g');
  const std::string goodSha = sha256Hex(good);
  const std::string badSha = sha256Hex("not these bytes");
  TempDir folder;
  auto place = [&](const std::string& sha, const std::string& bytes) {
    const std::string dir = folder.path() + "/" + sha.substr(0, 2) + "/" + sha.substr(2, 2);
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/" + sha, std::ios::binary) << bytes;
  };
  place(goodSha, good);
  place(badSha, patternBytes(1000, 'b'));

  const CliResult run = runCli({"import-photos", "--from", folder.path()});
  EXPECT_EQ(run.exitCode, 1) << run.out << run.err;  // one photo refused
  EXPECT_NE(run.out.find("1 photos in the photo store, 1 refused"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find(badSha), std::string::npos) << run.err;
  for (ProtocolClient* via : {&a(), &b()}) {
    EXPECT_TRUE(parsePhotoStatus(via->get("/v1/photos/" + goodSha, m_demoToken)).complete());
    EXPECT_FALSE(parsePhotoStatus(via->get("/v1/photos/" + badSha, m_demoToken)).complete());
  }
  EXPECT_EQ(databaseBlobSha256(conninfo(), goodSha), goodSha);
  // Again: nothing is copied twice.
  const CliResult again = runCli({"import-photos", "--from", folder.path()});
  EXPECT_NE(again.out.find("1 photos in the photo store"), std::string::npos) << again.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresTwoNodes, ::testing::Values(Backend::kPostgres),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
