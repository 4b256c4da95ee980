// Photo uploads against the real server: resume after a cut, hash check, completeness.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "anju/sha256.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using PhotoApi = SyncServerTest;

std::string photoBytes(std::size_t n, char seed) {
  std::string bytes(n, '\0');
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>(seed + (i * 31) % 251);
  return bytes;
}

v1::PhotoStatus parseStatus(const Reply& reply) {
  v1::PhotoStatus status;
  EXPECT_TRUE(status.ParseFromString(reply.body)) << reply.status;
  return status;
}

std::string uploadPath(const std::string& sha, std::size_t offset, std::size_t total) {
  return "/v1/photos/" + sha + "?offset=" + std::to_string(offset) +
         "&total=" + std::to_string(total);
}

// Sends a PUT whose Content-Length promises `total - offset` bytes but only `sent` arrive
// before the connection drops, as on a tablet losing signal.
void sendCutOffPut(int port, const std::string& token, const std::string& sha,
                   const std::string& bytes, std::size_t offset, std::size_t sent) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::ostringstream req;
  req << "PUT " << uploadPath(sha, offset, bytes.size()) << " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      << "Authorization: Bearer " << token << "\r\nContent-Length: " << bytes.size() - offset
      << "\r\n\r\n"
      << bytes.substr(offset, sent);
  const std::string text = req.str();
  ASSERT_EQ(send(fd, text.data(), text.size(), MSG_NOSIGNAL), static_cast<ssize_t>(text.size()));
  close(fd);
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
  sendCutOffPut(server().port(), m_demoToken, sha, bytes, half, 1000);
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

  const std::string stored =
      dataDir() + "/blobs/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
  std::ifstream in(stored, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  EXPECT_EQ(sha256Hex(content.str()), sha);
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

INSTANTIATE_TEST_SUITE_P(Backends, PhotoApi, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
