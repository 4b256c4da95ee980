#include "sync_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "anju/uuid.h"
#include "postgres_server.h"

namespace anju::server::testing {
namespace {

constexpr const char* kProtobuf = "application/x-protobuf";

httplib::Client makeClient(int port) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(std::chrono::seconds(5));
  c.set_read_timeout(std::chrono::seconds(60));
  c.set_write_timeout(std::chrono::seconds(60));
  c.set_keep_alive(false);
  return c;
}

Reply toReply(const httplib::Result& res) {
  if (!res) return {};
  return {res->status, res->body, res->get_header_value("Content-Type"),
          res->get_header_value("Retry-After")};
}

httplib::Headers withToken(httplib::Headers headers, const std::string& token) {
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return headers;
}

}  // namespace

Reply ProtocolClient::post(const std::string& path, const std::string& body,
                           const std::string& token, httplib::Headers headers) {
  httplib::Client c = makeClient(m_port);
  return toReply(c.Post(path.c_str(), withToken(std::move(headers), token), body, kProtobuf));
}

Reply ProtocolClient::get(const std::string& path, const std::string& token) {
  httplib::Client c = makeClient(m_port);
  return toReply(c.Get(path.c_str(), withToken({}, token)));
}

Reply ProtocolClient::put(const std::string& path, const std::string& body,
                          const std::string& token) {
  httplib::Client c = makeClient(m_port);
  return toReply(c.Put(path.c_str(), withToken({}, token), body, "application/octet-stream"));
}

Reply ProtocolClient::uploadPhoto(const std::string& sha256, const std::string& bytes,
                                  const std::string& token) {
  return put("/v1/photos/" + sha256 + "?offset=0&total=" + std::to_string(bytes.size()), bytes,
             token);
}

std::string ProtocolClient::consoleLogin(const std::string& user, const std::string& password) {
  const Reply r =
      post("/console/api/login", nlohmann::json{{"username", user}, {"password", password}}.dump());
  if (r.status != 200) return "";
  const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  return body.is_object() && body.contains("token") ? body["token"].get<std::string>() : "";
}

std::string ProtocolClient::login(const std::string& user, const std::string& password) {
  v1::LoginRequest request;
  request.set_username(user);
  request.set_password(password);
  request.set_device_id("test-tablet");
  const Reply reply = post("/v1/auth/login", request.SerializeAsString());
  v1::LoginResponse response;
  if (reply.status != 200 || !response.ParseFromString(reply.body)) return "";
  return response.token();
}

v1::PushResponse ProtocolClient::push(const std::string& token, const v1::PushRequest& request) {
  const Reply reply = post("/v1/sync/push", request.SerializeAsString(), token);
  v1::PushResponse response;
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(response.ParseFromString(reply.body));
  return response;
}

v1::PullResponse ProtocolClient::pull(const std::string& token, const std::string& cursor,
                                      int limit) {
  v1::PullRequest request;
  request.set_cursor(cursor);
  request.set_limit(limit);
  const Reply reply = post("/v1/sync/pull", request.SerializeAsString(), token);
  v1::PullResponse response;
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(response.ParseFromString(reply.body));
  return response;
}

std::vector<v1::PulledChange> ProtocolClient::pullAll(const std::string& token,
                                                      std::string* cursor) {
  std::string at = cursor ? *cursor : "";
  std::vector<v1::PulledChange> out;
  for (int page = 0; page < 1000; ++page) {
    v1::PullResponse response = pull(token, at, 500);
    out.insert(out.end(), response.changes().begin(), response.changes().end());
    at = response.next_cursor();
    if (!response.has_more()) break;
  }
  if (cursor) *cursor = at;
  return out;
}

std::string backendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kPostgres ? "Postgres" : "Sqlite";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kPostgres ? "Postgres" : "Sqlite");
}

std::vector<std::string> SyncServerTest::storageArgs() const {
  if (m_conninfo.empty()) return {};
  return {"--postgres", m_conninfo};
}

std::unique_ptr<IndexedStorage> SyncServerTest::openOwnStorage() const {
  PostgresOptions pg;
  pg.conninfo = m_conninfo;
  pg.poolSize = 2;
  Result<std::unique_ptr<IndexedStorage>> storage = openStorage(
      onPostgres() ? StorageBackend::kPostgres : StorageBackend::kSqlite, dataDir(), pg);
  EXPECT_TRUE(storage.isOk()) << storage.status().toString();
  return storage ? std::move(storage).value() : nullptr;
}

CliResult SyncServerTest::runCli(std::vector<std::string> args, const std::string& input) const {
  const std::vector<std::string> storage = storageArgs();
  args.insert(args.end(), storage.begin(), storage.end());
  return anju::server::testing::runCli(args, input);
}

void SyncServerTest::SetUp() {
  ASSERT_FALSE(m_dir.path().empty());
  if (onPostgres()) {
    std::string error;
    PostgresServer* postgres = PostgresServer::shared(&error);
    ASSERT_NE(postgres, nullptr) << error;
    m_conninfo = postgres->createDatabase(&error);
    ASSERT_FALSE(m_conninfo.empty()) << error;
  }
  const CliResult demo = runCli({"demo", "--data", m_dir.path()});
  ASSERT_EQ(demo.exitCode, 0) << demo.err;
  m_server = std::make_unique<ServerProcess>(m_dir.path(), storageArgs());
  std::string error;
  ASSERT_TRUE(m_server->start(&error)) << error;
  m_client = std::make_unique<ProtocolClient>(m_server->port());
  m_demoToken = m_client->login("demo", "demo1234");
  m_adminToken = m_client->login("admin", "admin1234");
  ASSERT_FALSE(m_demoToken.empty());
  ASSERT_FALSE(m_adminToken.empty());
  for (const v1::PulledChange& c : m_client->pullAll(m_adminToken)) {
    if (c.kind() != "building") continue;
    if (c.record().building().region().street() == "城南街道")
      m_ownBuildings.push_back(c);
    else if (c.record().building().region().street() == "城北街道")
      m_foreignBuilding = c;
  }
  ASSERT_GT(m_ownBuildings.size(), 50u);
  ASSERT_FALSE(m_foreignBuilding.record_id().empty());
}

void SyncServerTest::TearDown() {
  if (m_server) {
    EXPECT_EQ(m_server->stop(), 0) << "server did not exit cleanly";
  }
  if (!m_conninfo.empty()) {
    if (PostgresServer* postgres = PostgresServer::shared(nullptr))
      postgres->dropDatabase(m_conninfo);
  }
}

namespace {

// "anju_test_3" of a conninfo "… dbname=anju_test_3".
std::string databaseName(const std::string& conninfo) {
  const std::size_t at = conninfo.find("dbname=");
  return at == std::string::npos ? "" : conninfo.substr(at + 7, conninfo.find(' ', at) - at - 7);
}

std::string maintenanceOf(const std::string& conninfo) {
  std::string out = conninfo;
  const std::size_t at = out.find("dbname=");
  return out.replace(at, std::string::npos, "dbname=postgres");
}

}  // namespace

void SyncServerTest::backupDatabase() {
  ASSERT_FALSE(m_server->running()) << "back up a stopped server";
  if (onPostgres()) {
    const std::string name = databaseName(m_conninfo);
    ASSERT_EQ(
        execSql(maintenanceOf(m_conninfo), "CREATE DATABASE " + name + "_backup TEMPLATE " + name),
        "");
    return;
  }
  namespace fs = std::filesystem;
  for (const char* suffix : {"", "-wal"}) {
    const fs::path from = dataDir() + "/anju.db" + suffix;
    if (fs::exists(from))
      fs::copy_file(from, dataDir() + "/backup.db" + suffix, fs::copy_options::overwrite_existing);
  }
}

void SyncServerTest::restoreDatabase() {
  ASSERT_FALSE(m_server->running()) << "restore onto a stopped server";
  if (onPostgres()) {
    const std::string name = databaseName(m_conninfo);
    const std::string admin = maintenanceOf(m_conninfo);
    ASSERT_EQ(execSql(admin, "DROP DATABASE " + name + " WITH (FORCE)"), "");
    ASSERT_EQ(execSql(admin, "CREATE DATABASE " + name + " TEMPLATE " + name + "_backup"), "");
    ASSERT_EQ(execSql(admin, "DROP DATABASE " + name + "_backup"), "");
  } else {
    namespace fs = std::filesystem;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dataDir() + "/anju.db" + suffix);
    for (const char* suffix : {"", "-wal"}) {
      const fs::path from = dataDir() + "/backup.db" + suffix;
      if (fs::exists(from)) fs::rename(from, dataDir() + "/anju.db" + suffix);
    }
  }
  const CliResult rotated = runCli({"rotate-epoch", "--data", dataDir()});
  ASSERT_EQ(rotated.exitCode, 0) << rotated.err;
}

std::string SyncServerTest::addRegionalReviewer(const std::string& name,
                                                const std::string& region) {
  const CliResult add =
      runCli({"user", "add", name, "--role", "reviewer", "--password-stdin", "--data", dataDir()},
             name + "1234\n");
  EXPECT_EQ(add.exitCode, 0) << add.err;
  const CliResult assign = runCli({"assign", name, "--region", region, "--data", dataDir()});
  EXPECT_EQ(assign.exitCode, 0) << assign.err;
  return client().consoleLogin(name, name + "1234");
}

void SyncServerTest::restartServer() {
  if (m_server->running()) {
    ASSERT_EQ(m_server->stop(), 0);
  }
  std::string error;
  ASSERT_TRUE(m_server->start(&error)) << error;
  m_client = std::make_unique<ProtocolClient>(m_server->port());
}

std::string photoUploadPath(const std::string& sha256, std::size_t offset, std::size_t total) {
  return "/v1/photos/" + sha256 + "?offset=" + std::to_string(offset) +
         "&total=" + std::to_string(total);
}

std::string patternBytes(std::size_t n, char seed) {
  std::string bytes(n, '\0');
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>(seed + (i * 31) % 251);
  return bytes;
}

v1::PhotoStatus parsePhotoStatus(const Reply& reply) {
  v1::PhotoStatus status;
  EXPECT_TRUE(status.ParseFromString(reply.body)) << reply.status;
  return status;
}

void sendCutOffPhotoPut(int port, const std::string& token, const std::string& sha256,
                        const std::string& bytes, std::size_t offset, std::size_t sent) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    FAIL() << "cannot connect to port " << port;
  }
  std::ostringstream req;
  req << "PUT " << photoUploadPath(sha256, offset, bytes.size())
      << " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      << "Authorization: Bearer " << token << "\r\nContent-Length: " << bytes.size() - offset
      << "\r\n\r\n"
      << bytes.substr(offset, sent);
  const std::string text = req.str();
  const ssize_t written = send(fd, text.data(), text.size(), MSG_NOSIGNAL);
  close(fd);
  ASSERT_EQ(written, static_cast<ssize_t>(text.size()));
}

Inspection makeInspection(const Uuid& buildingId, const std::string& inspector) {
  Inspection in;
  in.id = newUuid();
  in.buildingId = buildingId;
  in.inspector = inspector;
  in.startedAt = 1780272000000;
  in.submittedAt = 1780275600000;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}};
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", 1.2, "mm"}},
                         Severity::kSerious,
                         "斜裂缝",
                         {}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.review = ReviewState::kSubmitted;
  return in;
}

PhotoRecord makePhoto(const Uuid& buildingId, const Uuid& inspectionId, const std::string& bytes) {
  PhotoRecord p;
  p.id = newUuid();
  p.sha256 = sha256Hex(bytes);
  p.byteSize = static_cast<std::int64_t>(bytes.size());
  p.capturedAt = 1780272100000;
  p.buildingId = buildingId;
  p.inspectionId = inspectionId;
  p.caption = "北墙裂缝";
  return p;
}

v1::Change makeChange(const AnyRecord& record, std::uint64_t version, std::uint64_t baseVersion) {
  v1::Change change;
  change.set_change_id(newUuid());
  change.set_record_id(recordId(record));
  change.set_kind(std::string(recordKindCode(recordKind(record))));
  change.set_version(version);
  change.set_base_version(baseVersion);
  change.mutable_record()->ParseFromString(encodeRecord(record));
  return change;
}

v1::PushRequest makePush(std::vector<v1::Change> changes) {
  v1::PushRequest request;
  request.set_device_id("test-tablet");
  for (v1::Change& c : changes) *request.add_changes() = std::move(c);
  return request;
}

}  // namespace anju::server::testing
