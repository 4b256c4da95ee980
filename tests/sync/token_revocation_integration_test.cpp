// A lost tablet (issue 12 §6e, second half), against the real server on every storage backend:
// `anju-server revoke-tokens` revokes a device's tokens in one audited step; a lost tablet may
// still push its outbox and upload its photos, and every other request is refused with 401 and
// the distinct code token_revoked; a stolen one (--stolen) is refused everything, a push
// included; the user's other devices keep working; the real sync client, on its next contact,
// hands over what it can and wipes the tablet.
#include <nlohmann/json.hpp>

#include "sync_fixture.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

using nlohmann::json;

class TokenRevocation : public SyncServerTest {
 protected:
  std::string loginOn(const std::string& device) {
    v1::LoginRequest request;
    request.set_username("demo");
    request.set_password("demo1234");
    request.set_device_id(device);
    const Reply reply = client().post("/v1/auth/login", request.SerializeAsString());
    v1::LoginResponse response;
    if (reply.status != 200 || !response.ParseFromString(reply.body)) return "";
    return response.token();
  }

  static std::string errorCode(const Reply& reply) {
    v1::Error error;
    return error.ParseFromString(reply.body) ? error.code() : "";
  }

  Reply pullWith(const std::string& token) {
    v1::PullRequest request;
    return client().post("/v1/sync/pull", request.SerializeAsString(), token);
  }
};

TEST_P(TokenRevocation, ARevokedDeviceIsRefusedWithItsOwnCodeAndTheRevocationIsAudited) {
  const std::string lost = loginOn("tablet-lost");
  const std::string lostAgain = loginOn("tablet-lost");
  const std::string other = loginOn("tablet-office");
  ASSERT_FALSE(lost.empty());
  ASSERT_FALSE(other.empty());
  ASSERT_EQ(pullWith(lost).status, 200);

  const CliResult devices = runCli({"devices", "--data", dataDir()});
  ASSERT_EQ(devices.exitCode, 0) << devices.err;
  EXPECT_NE(devices.out.find("user demo device tablet-lost"), std::string::npos) << devices.out;

  const CliResult revoke = runCli({"revoke-tokens", "--device", "tablet-lost", "--stolen", "--by",
                                   "admin", "--data", dataDir()});
  ASSERT_EQ(revoke.exitCode, 0) << revoke.err;
  EXPECT_NE(revoke.out.find("2 token(s) revoked"), std::string::npos) << revoke.out;

  // Every request with either token of that device: 401 token_revoked, a push too.
  for (const std::string& token : {lost, lostAgain}) {
    const Reply pull = pullWith(token);
    EXPECT_EQ(pull.status, 401);
    EXPECT_EQ(errorCode(pull), "token_revoked");
    const Reply push =
        client().post("/v1/sync/push",
                      makePush({makeChange(makeInspection(ownBuilding().record_id()), 1000, 0)})
                          .SerializeAsString(),
                      token);
    EXPECT_EQ(push.status, 401);
    EXPECT_EQ(errorCode(push), "token_revoked");
  }
  EXPECT_EQ(client().get("/v1/photos/" + std::string(64, 'a'), lost).status, 401);
  // An unknown token is still just unauthenticated; the user's other tablet still works.
  EXPECT_EQ(errorCode(pullWith(std::string(64, '0'))), "unauthenticated");
  EXPECT_EQ(pullWith(other).status, 200);
  // Nothing left to revoke is an error (a mistyped device id shows).
  const CliResult again = runCli({"revoke-tokens", "--device", "tablet-lost", "--data", dataDir()});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_EQ(runCli({"revoke-tokens", "--data", dataDir()}).exitCode, 2);

  // Audited where an admin reads the log.
  const std::string admin = client().consoleLogin("admin", "admin1234");
  ASSERT_FALSE(admin.empty());
  const Reply audit = client().get("/console/api/audit", admin);
  ASSERT_EQ(audit.status, 200);
  int found = 0;
  const json log = json::parse(audit.body);
  for (const json& e : log["entries"]) {
    if (e["action"] != "tokens_revoked") continue;
    ++found;
    EXPECT_EQ(e["user"], "admin") << e.dump();
    EXPECT_EQ(e["target_id"], "tablet-lost") << e.dump();
    EXPECT_EQ(e["detail"]["tokens"], 2) << e.dump();
    EXPECT_EQ(e["detail"]["device"], "tablet-lost") << e.dump();
    EXPECT_EQ(e["detail"]["final_push"], false) << e.dump();
  }
  EXPECT_EQ(found, 1) << audit.body;

  // Signing in again on that device (it was found) gives a new, working token.
  const std::string fresh = loginOn("tablet-lost");
  EXPECT_EQ(pullWith(fresh).status, 200);
}

TEST_P(TokenRevocation, ALostTabletMayStillHandOverItsChangesButNothingElse) {
  const std::string lost = loginOn("tablet-lost");
  ASSERT_FALSE(lost.empty());
  const CliResult revoke =
      runCli({"revoke-tokens", "--device", "tablet-lost", "--data", dataDir()});
  ASSERT_EQ(revoke.exitCode, 0) << revoke.err;
  EXPECT_NE(revoke.out.find("pushes what it holds"), std::string::npos) << revoke.out;

  // Its changes and photo bytes are still taken...
  const Inspection inspection = makeInspection(ownBuilding().record_id());
  const Reply push = client().post(
      "/v1/sync/push", makePush({makeChange(inspection, 1000, 0)}).SerializeAsString(), lost);
  ASSERT_EQ(push.status, 200) << push.body;
  v1::PushResponse answer;
  ASSERT_TRUE(answer.ParseFromString(push.body));
  ASSERT_EQ(answer.results_size(), 1);
  EXPECT_EQ(answer.results(0).outcome(), v1::ChangeResult::APPLIED);
  EXPECT_EQ(client().get("/v1/records/inspection/" + inspection.id, m_adminToken).status, 200);
  EXPECT_NE(client().get("/v1/photos/" + std::string(64, 'a'), lost).status, 401);
  // ...and nothing else: no pull (whose refusal wipes the tablet), no reading records.
  EXPECT_EQ(errorCode(pullWith(lost)), "token_revoked");
  const Reply read = client().get("/v1/records/inspection/" + inspection.id, lost);
  EXPECT_EQ(read.status, 401);
  EXPECT_EQ(errorCode(read), "token_revoked");
}

TEST_P(TokenRevocation, RevokingAUserRefusesAllTheirDevices) {
  const std::string a = loginOn("tablet-a");
  const std::string b = loginOn("tablet-b");
  const CliResult revoke = runCli({"revoke-tokens", "--user", "demo", "--data", dataDir()});
  ASSERT_EQ(revoke.exitCode, 0) << revoke.err;
  EXPECT_EQ(errorCode(pullWith(a)), "token_revoked");
  EXPECT_EQ(errorCode(pullWith(b)), "token_revoked");
  EXPECT_EQ(errorCode(pullWith(m_demoToken)), "token_revoked");
  EXPECT_EQ(pullWith(m_adminToken).status, 200);
}

TEST_P(TokenRevocation, TheRealTabletWipesItselfOnItsNextContact) {
  TempDir dir;
  TestTablet tablet(dir.path(), "tablet-stolen", server().port());
  tablet.signInAndSync();
  ASSERT_GT(*tablet.store().countBuildings({}), 0);
  const Inspection unsynced = makeInspection(ownBuilding().record_id());
  ASSERT_TRUE(tablet.store().putInspection(unsynced, "demo"));
  ASSERT_EQ(*tablet.store().pendingOutboxCount(), 1);

  const CliResult revoke =
      runCli({"revoke-tokens", "--device", "tablet-stolen", "--stolen", "--data", dataDir()});
  ASSERT_EQ(revoke.exitCode, 0) << revoke.err;

  Result<SyncReport> report = tablet.client().sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_TRUE(isDeviceRevoked(report.status())) << report.status().toString();
  EXPECT_EQ(*tablet.store().countBuildings({}), 0);
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
  EXPECT_EQ(tablet.client().session().status().code(), StatusCode::kNotFound);
  // A stolen tablet is refused everything: the unsynced inspection did not reach the server.
  EXPECT_EQ(client().get("/v1/records/inspection/" + unsynced.id, m_adminToken).status, 404);
}

TEST_P(TokenRevocation, TheRealLostTabletHandsOverItsWorkThenWipesItself) {
  TempDir dir;
  TestTablet tablet(dir.path(), "tablet-lost", server().port());
  tablet.signInAndSync();
  const Inspection unsynced = makeInspection(ownBuilding().record_id());
  ASSERT_TRUE(tablet.store().putInspection(unsynced, "demo"));
  ASSERT_EQ(*tablet.store().pendingOutboxCount(), 1);

  const CliResult revoke =
      runCli({"revoke-tokens", "--device", "tablet-lost", "--data", dataDir()});
  ASSERT_EQ(revoke.exitCode, 0) << revoke.err;

  Result<SyncReport> report = tablet.client().sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_TRUE(isDeviceRevoked(report.status())) << report.status().toString();
  // What the inspector entered reached the server before the tablet wiped itself.
  const Reply held = client().get("/v1/records/inspection/" + unsynced.id, m_adminToken);
  EXPECT_EQ(held.status, 200);
  EXPECT_EQ(*tablet.store().countBuildings({}), 0);
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
  EXPECT_EQ(tablet.client().session().status().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, TokenRevocation, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
