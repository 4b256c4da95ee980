// Test support for integration tests: a fixture, parameterised by storage backend, that creates
// the demo district (in a temp data dir, on SQLite or on a fresh PostgreSQL database) and runs
// the real server on it, a small protocol client, and builders for valid records.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anju/model.h"
#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "anju/v1/sync.pb.h"
#include "server_process.h"
#include "service/indexed_storage.h"

namespace anju::server::testing {

struct Reply {
  int status = 0;  // 0 when the request failed at the transport level
  std::string body;
  std::string contentType;
  std::string retryAfter;  // the Retry-After header, "" when none
};

/// One short-lived connection per call, so a stopped server never waits on idle keep-alives.
class ProtocolClient {
 public:
  explicit ProtocolClient(int port) : m_port(port) {}

  Reply post(const std::string& path, const std::string& body, const std::string& token = "",
             httplib::Headers headers = {});
  Reply get(const std::string& path, const std::string& token = "");
  Reply put(const std::string& path, const std::string& body, const std::string& token);

  /// The bearer token, or "" when login failed.
  std::string login(const std::string& user, const std::string& password);
  /// Uploads a photo's bytes in one PUT from offset 0.
  Reply uploadPhoto(const std::string& sha256, const std::string& bytes, const std::string& token);
  /// The review console's sign-in (POST /console/api/login): its token, or "" when refused.
  std::string consoleLogin(const std::string& user, const std::string& password);
  v1::PushResponse push(const std::string& token, const v1::PushRequest& request);
  v1::PullResponse pull(const std::string& token, const std::string& cursor, int limit = 0);
  /// Pulls page after page from `cursor` until has_more is false.
  std::vector<v1::PulledChange> pullAll(const std::string& token, std::string* cursor = nullptr);

 private:
  int m_port;
};

/// The storage backend a parameterised integration test runs the real server on.
enum class Backend { kSqlite, kPostgres };
/// "Sqlite" / "Postgres": the suffix of the parameterised test names.
std::string backendName(const ::testing::TestParamInfo<Backend>& info);
/// For gtest's messages ("GetParam() = Postgres").
void PrintTo(Backend backend, std::ostream* out);
/// The backends this test binary covers; defined once per binary (backends/*.cpp), so
/// anju_sync_tests runs the scenarios on SQLite and anju_sync_postgres_tests on PostgreSQL.
std::vector<Backend> backendsUnderTest();

/// The demo district on a fresh database of the test's backend (a temp SQLite data dir, or a new
/// database in the process's throwaway PostgreSQL cluster) with the real server running on it.
class SyncServerTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Runs an admin command on this test's storage: `args` plus the storage flags (--data DIR,
  /// and --postgres CONNINFO on PostgreSQL). Named like the free function so test bodies read
  /// the same on both backends.
  CliResult runCli(std::vector<std::string> args, const std::string& input = "") const;
  /// --postgres CONNINFO on PostgreSQL, nothing on SQLite (the data dir is passed separately).
  std::vector<std::string> storageArgs() const;
  bool onPostgres() const { return GetParam() == Backend::kPostgres; }
  const std::string& conninfo() const { return m_conninfo; }

  /// A second handle on the test's database beside the running server, as the console or an
  /// export holds one; null (and a test failure) when it cannot be opened.
  std::unique_ptr<IndexedStorage> openOwnStorage() const;

  /// A backup of the server's database and its restore, as an operator does them (the server
  /// must be stopped): SQLite copies anju.db, PostgreSQL copies the database (CREATE DATABASE
  /// … TEMPLATE). restoreDatabase puts the backup back and runs rotate-epoch.
  void backupDatabase();
  void restoreDatabase();

  /// Adds reviewer `name` (password `name` + "1234") for `region` (区[/街道[/社区]]) and signs
  /// them in to the console; the token, or "" after a failed expectation.
  std::string addRegionalReviewer(const std::string& name, const std::string& region);
  /// Stops (unless already stopped) and starts the server again on the same data dir.
  void restartServer();
  ProtocolClient& client() { return *m_client; }
  const std::string& dataDir() const { return m_dir.path(); }
  ServerProcess& server() { return *m_server; }

  /// Buildings the demo inspector may see (城南街道) and one they may not (城北街道).
  const v1::PulledChange& ownBuilding(std::size_t i = 0) const { return m_ownBuildings.at(i); }
  const v1::PulledChange& foreignBuilding() const { return m_foreignBuilding; }
  std::size_t ownBuildingCount() const { return m_ownBuildings.size(); }

  std::string m_demoToken;   // inspector "demo", 临江区/城南街道
  std::string m_adminToken;  // admin, all regions

 private:
  TempDir m_dir;
  std::string m_conninfo;  // PostgreSQL only: this test's database
  std::unique_ptr<ServerProcess> m_server;
  std::unique_ptr<ProtocolClient> m_client;
  std::vector<v1::PulledChange> m_ownBuildings;
  v1::PulledChange m_foreignBuilding;
};

/// The path of a photo chunk: PUT /v1/photos/{sha}?offset=&total=.
std::string photoUploadPath(const std::string& sha256, std::size_t offset, std::size_t total);
/// `n` bytes in a pattern that depends on `seed`, standing in for a photo.
std::string patternBytes(std::size_t n, char seed);
/// The PhotoStatus in a photo reply's body (a failed expectation when it does not parse).
v1::PhotoStatus parsePhotoStatus(const Reply& reply);
/// Sends a PUT whose Content-Length promises `bytes.size() - offset` bytes but only `sent`
/// arrive before the connection drops, as on a tablet losing signal.
void sendCutOffPhotoPut(int port, const std::string& token, const std::string& sha256,
                        const std::string& bytes, std::size_t offset, std::size_t sent);

/// A valid inspection of `buildingId` (submitted, one finding).
Inspection makeInspection(const Uuid& buildingId, const std::string& inspector = "demo");
PhotoRecord makePhoto(const Uuid& buildingId, const Uuid& inspectionId, const std::string& bytes);
/// A change creating or updating `record`.
v1::Change makeChange(const AnyRecord& record, std::uint64_t version, std::uint64_t baseVersion);
v1::PushRequest makePush(std::vector<v1::Change> changes);
/// A change of the pulled record, based on the version pulled, after `edit(record)`.
template <typename Edit>
v1::Change editOf(const v1::PulledChange& current, Edit edit) {
  v1::Change change;
  change.set_change_id(newUuid());
  change.set_record_id(current.record_id());
  change.set_kind(current.kind());
  change.set_base_version(current.version());
  change.set_version(current.version() + 1);
  *change.mutable_record() = current.record();
  edit(*change.mutable_record());
  return change;
}

}  // namespace anju::server::testing
