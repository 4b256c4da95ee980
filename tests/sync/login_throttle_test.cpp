// Password guessing is slowed down (issue 12 §6e): the throttle's rules on a fake clock, and the
// real server answering 429 with Retry-After, refusing even the right password while locked, and
// auditing the lock.
#include "service/login_throttle.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

struct FakeClock {
  TimestampMs now = 1780272000000;
  LoginThrottle::Clock fn() {
    return [this] { return now; };
  }
};

TEST(LoginThrottle, FiveFailuresInARowLockTheAccountForAMinuteThenLonger) {
  FakeClock clock;
  LoginThrottle throttle({}, clock.fn());
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(throttle.refusal("li", "10.0.0.1"));
    EXPECT_FALSE(throttle.recordFailure("li", "10.0.0.1"));
  }
  EXPECT_EQ(throttle.recordFailure("li", "10.0.0.1"), 60);
  EXPECT_EQ(throttle.refusal("li", "10.0.0.2"), 60);   // any address: the account is locked
  EXPECT_FALSE(throttle.refusal("wang", "10.0.0.1"));  // other accounts are not
  clock.now += 30000;
  EXPECT_EQ(throttle.refusal("li", "10.0.0.1"), 30);
  clock.now += 30000;
  EXPECT_FALSE(throttle.refusal("li", "10.0.0.1"));
  // The next lock is twice as long.
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(throttle.recordFailure("li", "10.0.0.1"));
  EXPECT_EQ(throttle.recordFailure("li", "10.0.0.1"), 120);
}

TEST(LoginThrottle, ASuccessStartsTheAccountAgainAndLocksStopAtTheLongest) {
  FakeClock clock;
  LoginThrottle throttle({}, clock.fn());
  for (int i = 0; i < 4; ++i) throttle.recordFailure("li", "a");
  throttle.recordSuccess("li");
  EXPECT_FALSE(throttle.recordFailure("li", "a"));  // counting starts again
  LoginThrottlePolicy quick;
  quick.accountFailures = 1;
  LoginThrottle capped(quick, clock.fn());
  std::optional<int> last;
  for (int lock = 0; lock < 10; ++lock) {
    last = capped.recordFailure("li", "a");
    clock.now += *last * 1000LL;
  }
  EXPECT_EQ(last, 30 * 60);
}

TEST(LoginThrottle, OneAddressTryingManyAccountsIsRefusedForTheWindow) {
  FakeClock clock;
  LoginThrottle throttle({}, clock.fn());
  for (int i = 0; i < 30; ++i) throttle.recordFailure("user" + std::to_string(i), "10.9.9.9");
  EXPECT_EQ(throttle.refusal("someone", "10.9.9.9"), 600);
  EXPECT_FALSE(throttle.refusal("someone", "10.0.0.1"));
  clock.now += 600 * 1000;
  EXPECT_FALSE(throttle.refusal("someone", "10.9.9.9"));
}

class LoginThrottleApi : public SyncServerTest {};

TEST_P(LoginThrottleApi, LockedAccountGets429WithRetryAfterEvenWithTheRightPasswordAndIsAudited) {
  auto loginBody = [](const std::string& user, const std::string& password) {
    v1::LoginRequest request;
    request.set_username(user);
    request.set_password(password);
    request.set_device_id("tablet-1");
    return request.SerializeAsString();
  };
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(client().post("/v1/auth/login", loginBody("demo", "wrong-password")).status, 401);
  const Reply locked = client().post("/v1/auth/login", loginBody("demo", "demo1234"));
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.retryAfter, "60");
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(locked.body));
  EXPECT_EQ(error.message_id(), "auth.too_many_failed_logins");
  EXPECT_NE(error.message().find("登录失败次数过多"), std::string::npos) << error.message();
  // The console's sign-in is refused the same way, and another account is not locked.
  const Reply console = client().post(
      "/console/api/login", nlohmann::json{{"username", "demo"}, {"password", "demo1234"}}.dump());
  EXPECT_EQ(console.status, 429);
  EXPECT_EQ(console.retryAfter, "60");
  const Reply reviewer =
      client().post("/console/api/login",
                    nlohmann::json{{"username", "reviewer"}, {"password", "review1234"}}.dump());
  ASSERT_EQ(reviewer.status, 200) << reviewer.body;

  // The lock is in the audit log an admin reads (it concerns an account, not a house).
  const Reply admin =
      client().post("/console/api/login",
                    nlohmann::json{{"username", "admin"}, {"password", "admin1234"}}.dump());
  ASSERT_EQ(admin.status, 200) << admin.body;
  const std::string token = nlohmann::json::parse(admin.body)["token"];
  const Reply log = client().get("/console/api/audit", token);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_NE(log.body.find("login_locked"), std::string::npos) << log.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottleApi, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
