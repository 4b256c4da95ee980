// Login and bearer tokens against the real server.
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using AuthApi = SyncServerTest;

v1::Error parseError(const Reply& reply) {
  v1::Error error;
  EXPECT_TRUE(error.ParseFromString(reply.body));
  return error;
}

TEST_P(AuthApi, LoginWithRightPasswordReturnsTokenRoleRegionsAndEpoch) {
  v1::LoginRequest request;
  request.set_username("demo");
  request.set_password("demo1234");
  request.set_device_id("tablet-7");
  const Reply reply = client().post("/v1/auth/login", request.SerializeAsString());
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.contentType, "application/x-protobuf");
  v1::LoginResponse response;
  ASSERT_TRUE(response.ParseFromString(reply.body));
  EXPECT_EQ(response.token().size(), 64u);
  EXPECT_EQ(response.role(), "inspector");
  ASSERT_EQ(response.regions_size(), 1);
  EXPECT_EQ(response.regions(0).street(), "城南街道");
  EXPECT_FALSE(response.server_epoch().empty());
  EXPECT_GT(response.expires_at(), 0);
}

TEST_P(AuthApi, WrongPasswordAndUnknownUserAreBoth401) {
  for (const auto& [user, password] :
       {std::pair{"demo", "wrong-password"}, std::pair{"nobody", "demo1234"}}) {
    v1::LoginRequest request;
    request.set_username(user);
    request.set_password(password);
    const Reply reply = client().post("/v1/auth/login", request.SerializeAsString());
    EXPECT_EQ(reply.status, 401) << user;
    EXPECT_EQ(parseError(reply).code(), "unauthenticated");
  }
}

TEST_P(AuthApi, PullWithoutTokenIs401) {
  const Reply reply = client().post("/v1/sync/pull", v1::PullRequest().SerializeAsString());
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(parseError(reply).code(), "unauthenticated");
}

TEST_P(AuthApi, BadTokenIs401OnEveryProtectedEndpoint) {
  const std::string bad(64, 'a');
  EXPECT_EQ(client().post("/v1/sync/pull", "", bad).status, 401);
  EXPECT_EQ(client().post("/v1/sync/push", "", bad).status, 401);
  EXPECT_EQ(client().get("/v1/photos/" + std::string(64, '0'), bad).status, 401);
  EXPECT_EQ(
      client().put("/v1/photos/" + std::string(64, '0') + "?offset=0&total=1", "x", bad).status,
      401);
}

TEST_P(AuthApi, HealthzNeedsNoToken) {
  const Reply reply = client().get("/healthz");
  EXPECT_EQ(reply.status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthApi, ::testing::ValuesIn(backendsUnderTest()), backendName);

}  // namespace
}  // namespace anju::server::testing
