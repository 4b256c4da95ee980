// Photo uploads against the real server: resume after a cut, hash check, completeness.

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "anju/sha256.h"
#include "postgres_server.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

class PhotoApi : public SyncServerTest {
 protected:
  /// SHA-256 of the bytes the server stored for `sha`, read from the store itself (not through
  /// the server): the file under the data dir on SQLite, the blob_pieces rows on PostgreSQL.
  std::string storedSha256(const std::string& sha) {
    if (!onPostgres()) {
      const std::string stored =
          dataDir() + "/blobs/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
      std::ifstream in(stored, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      return in ? sha256Hex(content.str()) : "";
    }
    return databaseBlobSha256(conninfo(), sha);
  }
};

std::string photoBytes(std::size_t n, char seed) { return patternBytes(n, seed); }
v1::PhotoStatus parseStatus(const Reply& reply) { return parsePhotoStatus(reply); }
std::string uploadPath(const std::string& sha, std::size_t offset, std::size_t total) {
  return photoUploadPath(sha, offset, total);
}

TEST_P(PhotoApi, UploadCutOffHalfwayResumesFromOffset) {
  const std::string bytes = photoBytes(300000, 'a');
  const std::string sha = sha256Hex(bytes);
  const std::size_t half = bytes.size() / 2;

  // First chunk arrives whole.
  const Reply first =
      client().put(uploadPath(sha, 0, bytes.size()), bytes.substr(0, half), m_demoToken);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(parseStatus(first).received_bytes(), static_cast<std::int64_t>(half));
  EXPECT_FALSE(parseStatus(first).complete());

  // The second is cut off after 1000 bytes: the server keeps those, so the upload resumes from
  // that byte offset, not from the start of the chunk. The server notices the cut on its own
  // time: wait (bounded) until it has.
  sendCutOffPhotoPut(server().port(), m_demoToken, sha, bytes, half, 1000);
  const std::int64_t kept = static_cast<std::int64_t>(half) + 1000;
  Reply status;
  for (int i = 0; i < 250; ++i) {
    status = client().get("/v1/photos/" + sha, m_demoToken);
    ASSERT_EQ(status.status, 200);
    if (parseStatus(status).received_bytes() == kept) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(parseStatus(status).received_bytes(), kept);
  EXPECT_EQ(parseStatus(status).total_bytes(), static_cast<std::int64_t>(bytes.size()));

  // Resuming from the wrong offset (the start of the cut chunk) is refused with what the server
  // holds.
  const Reply wrong =
      client().put(uploadPath(sha, half, bytes.size()), bytes.substr(half), m_demoToken);
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(parseStatus(wrong).received_bytes(), kept);

  const Reply rest = client().put(uploadPath(sha, static_cast<std::size_t>(kept), bytes.size()),
                                  bytes.substr(static_cast<std::size_t>(kept)), m_demoToken);
  ASSERT_EQ(rest.status, 200);
  EXPECT_TRUE(parseStatus(rest).complete());
  EXPECT_EQ(parseStatus(rest).received_bytes(), static_cast<std::int64_t>(bytes.size()));

  EXPECT_EQ(storedSha256(sha), sha);
  EXPECT_TRUE(parseStatus(client().get("/v1/photos/" + sha, m_demoToken)).complete());
  // Uploading a complete photo again is a harmless no-op.
  EXPECT_EQ(client().put(uploadPath(sha, 0, bytes.size()), bytes, m_demoToken).status, 200);
}

TEST_P(PhotoApi, WrongHashIs422AndPartialIsDiscarded) {
  const std::string bytes = photoBytes(5000, 'b');
  const std::string claimed = sha256Hex("something else");
  const Reply reply = client().put(uploadPath(claimed, 0, bytes.size()), bytes, m_demoToken);
  EXPECT_EQ(reply.status, 422);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body));
  EXPECT_EQ(error.code(), "hash_mismatch");
  const v1::PhotoStatus status = parseStatus(client().get("/v1/photos/" + claimed, m_demoToken));
  EXPECT_EQ(status.received_bytes(), 0);
  EXPECT_FALSE(status.complete());
}

TEST_P(PhotoApi, ChunkOverTheLimitIs413) {
  const std::string bytes(9u << 20, 'p');
  const std::string sha = sha256Hex(bytes);
  EXPECT_EQ(client().put(uploadPath(sha, 0, bytes.size()), bytes, m_demoToken).status, 413);
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(PhotoApi, MalformedHashIs400) {
  EXPECT_EQ(client().get("/v1/photos/not-a-hash", m_demoToken).status, 400);
}

// Regression (fuzz_sync_api): the error quoted the raw hash; bytes that are not UTF-8 made the
// anju.v1.Error body unparseable (proto3 checks string fields), so the client saw no reason.
TEST_P(PhotoApi, MalformedHashThatIsNotUtf8StillGetsAReadableError) {
  const Reply reply = client().get("/v1/photos/no%FF%FE%C0%AFhash", m_demoToken);
  EXPECT_EQ(reply.status, 400);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(reply.body)) << "the Error body does not parse";
  EXPECT_EQ(error.code(), "bad_request");
  ASSERT_EQ(error.fields_size(), 1);
  EXPECT_NE(error.fields(0).message().find("no\xEF\xBF\xBD"), std::string::npos)
      << error.fields(0).message();
}

TEST_P(PhotoApi, InspectionIsIncompleteUntilEveryPhotoArrives) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const std::string bytes1 = photoBytes(20000, 'c'), bytes2 = photoBytes(30000, 'd');
  const PhotoRecord p1 = makePhoto(in.buildingId, in.id, bytes1);
  const PhotoRecord p2 = makePhoto(in.buildingId, in.id, bytes2);
  const v1::PushResponse pushed = client().push(
      m_demoToken,
      makePush({makeChange(in, 1000, 0), makeChange(p1, 1000, 0), makeChange(p2, 1000, 0)}));
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();

  auto cliStatus = [&] { return runCli({"inspection-status", in.id, "--data", dataDir()}); };
  CliResult status = cliStatus();
  ASSERT_EQ(status.exitCode, 0) << status.err;
  EXPECT_NE(status.out.find("photos=0/2 photos incomplete"), std::string::npos) << status.out;

  ASSERT_EQ(client().put(uploadPath(p1.sha256, 0, bytes1.size()), bytes1, m_demoToken).status, 200);
  EXPECT_NE(cliStatus().out.find("photos=1/2 photos incomplete"), std::string::npos);
  EXPECT_NE(cliStatus().out.find("missing " + p2.sha256), std::string::npos);

  ASSERT_EQ(client().put(uploadPath(p2.sha256, 0, bytes2.size()), bytes2, m_demoToken).status, 200);
  EXPECT_NE(cliStatus().out.find("photos=2/2 photos complete"), std::string::npos);

  const Reply http = client().get("/v1/inspections/" + in.id + "/status", m_demoToken);
  ASSERT_EQ(http.status, 200);
  v1::InspectionStatus viaHttp;
  ASSERT_TRUE(viaHttp.ParseFromString(http.body));
  EXPECT_TRUE(viaHttp.photos_complete_all());
  EXPECT_EQ(viaHttp.photos_total(), 2);
}

// A photo bigger than a stored piece (256 KiB), sent in chunks that do not line up with the
// pieces, comes back byte for byte through the console, which streams it a piece at a time.
TEST_P(PhotoApi, LargePhotoInOddChunksComesBackByteForByte) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const std::string bytes = photoBytes(1300007, 'e');
  const PhotoRecord photo = makePhoto(in.buildingId, in.id, bytes);
  const v1::PushResponse pushed =
      client().push(m_demoToken, makePush({makeChange(in, 1000, 0), makeChange(photo, 1000, 0)}));
  for (const v1::ChangeResult& r : pushed.results())
    ASSERT_EQ(r.outcome(), v1::ChangeResult::APPLIED) << r.reason();
  constexpr std::size_t kChunk = 300001;
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const Reply r = client().put(uploadPath(photo.sha256, at, bytes.size()),
                                 bytes.substr(at, kChunk), m_demoToken);
    ASSERT_EQ(r.status, 200) << "at " << at;
    EXPECT_EQ(parseStatus(r).received_bytes(),
              static_cast<std::int64_t>(std::min(at + kChunk, bytes.size())));
  }
  EXPECT_EQ(storedSha256(photo.sha256), photo.sha256);
  const std::string reviewer = client().consoleLogin("reviewer", "review1234");
  ASSERT_FALSE(reviewer.empty());
  const Reply image = client().get("/console/api/photos/" + photo.id, reviewer);
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body.size(), bytes.size());
  EXPECT_TRUE(image.body == bytes) << "the photo came back different";
}

INSTANTIATE_TEST_SUITE_P(Backends, PhotoApi, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
