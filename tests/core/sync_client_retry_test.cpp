// SyncClient failure handling: backoff with jitter, bounded retries on network errors and 5xx,
// 4xx stops with the error kept, cancellation.
#include "sync_client_test_support.h"

namespace anju::testing {
namespace {

Result<HttpResponse> networkDown(const HttpRequest&) {
  return Status::unavailable("connection reset by peer");
}

TEST(Backoff, DoublesFromTheInitialDelayUpToTheCapWithJitterInTheUpperHalf) {
  SyncOptions o;
  o.initialBackoff = std::chrono::milliseconds(1000);
  o.maxBackoff = std::chrono::milliseconds(30000);
  std::vector<std::int64_t> low, high;
  for (int retry = 0; retry < 7; ++retry) {
    low.push_back(backoffDelay(o, retry, 0.0).count());
    high.push_back(backoffDelay(o, retry, 0.75).count());
  }
  EXPECT_EQ(low, (std::vector<std::int64_t>{500, 1000, 2000, 4000, 8000, 15000, 15000}));
  EXPECT_EQ(high, (std::vector<std::int64_t>{875, 1750, 3500, 7000, 14000, 26250, 26250}));
}

TEST_F(SyncClientTest, NetworkErrorsAreRetriedWithGrowingWaitsThenSucceed) {
  saveBuildings(1);
  int failures = 0;
  m_server.fault = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target == "/v1/sync/push" && failures < 3) {
      ++failures;
      return networkDown(r);
    }
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  // random() = 0.5: 3/4 of 1 s, 2 s, 4 s.
  EXPECT_EQ(m_clock.waits, (std::vector<std::int64_t>{750, 1500, 3000}));
  EXPECT_EQ(report->retries, 3);
  EXPECT_EQ(report->applied, 1);
  EXPECT_EQ(pending(), 0);
  EXPECT_EQ(syncState(kSyncLastError), "");
  EXPECT_EQ(syncState(kSyncLastSyncAt), std::to_string(kTestNow));
}

TEST_F(SyncClientTest, ServerErrorsAreRetriedABoundedNumberOfTimesAndTheErrorIsKept) {
  saveBuildings(2);
  m_server.fault = [](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target == "/v1/sync/push") return errorResponse(503, "unavailable", "数据库忙");
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_EQ(report.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(m_server.count("/v1/sync/push"), 4) << "maxAttempts = 4";
  EXPECT_EQ(m_clock.waits, (std::vector<std::int64_t>{750, 1500, 3000}));
  EXPECT_EQ(pending(), 2) << "nothing acknowledged";
  const std::string error = syncState(kSyncLastError);
  EXPECT_NE(error.find("HTTP 503"), std::string::npos) << error;
  EXPECT_NE(error.find("数据库忙"), std::string::npos) << error;
  EXPECT_EQ(m_server.count("/v1/sync/pull"), 0) << "a failed push stops the sync";
}

TEST_F(SyncClientTest, AnEmptyOrCutAnswerIsRetriedNotTakenAsAnAnswer) {
  saveBuildings(2);
  int cut = 0;
  m_server.fault = [&](const HttpRequest& r) -> Result<HttpResponse> {
    // An empty body parses as an empty PushResponse / PullResponse: it must not count.
    if ((r.target == "/v1/sync/push" || r.target == "/v1/sync/pull") && cut < 2) {
      ++cut;
      return HttpResponse{200, "", "application/x-protobuf"};
    }
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_EQ(report->retries, 2);
  EXPECT_EQ(report->applied, 2);
  EXPECT_EQ(pending(), 0);
}

TEST_F(SyncClientTest, ClientErrorStopsAtOnceWithoutRetryAndKeepsTheError) {
  saveBuildings(1);
  m_server.fault = [](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target == "/v1/sync/push") return errorResponse(413, "payload_too_large", "请求过大");
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(m_server.count("/v1/sync/push"), 1);
  EXPECT_TRUE(m_clock.waits.empty());
  EXPECT_NE(syncState(kSyncLastError).find("请求过大"), std::string::npos);
  EXPECT_EQ(pending(), 1);
}

TEST_F(SyncClientTest, UnauthorizedMeansSignInAgainAndForgetsOnlyTheToken) {
  saveBuildings(1);
  m_server.fault = [](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target == "/v1/sync/push") return errorResponse(401, "unauthenticated", "token expired");
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_EQ(report.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(syncState(kSyncLastError).find("请重新登录"), std::string::npos);
  Result<Session> session = m_client->session();
  ASSERT_TRUE(session.isOk());
  EXPECT_FALSE(session->hasToken);
  EXPECT_EQ(session->user, "demo") << "the cached identity stays for offline work";
  EXPECT_EQ(pending(), 1) << "nothing waiting to be sent is lost";

  // Without a token the next sync does not even try.
  m_server.requests.clear();
  EXPECT_EQ(m_client->sync().status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(m_server.requests.empty());
}

TEST_F(SyncClientTest, CancelDuringBackoffStopsPromptlyAndKeepsWhatWasDone) {
  m_maxBatchChanges = 1;
  m_client = makeClient();
  saveBuildings(3);
  std::atomic<bool> cancel{false};
  int pushes = 0;
  m_server.fault = [&](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.target != "/v1/sync/push") return HttpResponse{};
    if (++pushes == 2) {
      cancel = true;  // the user taps "stop" while the second batch fails
      return networkDown(r);
    }
    return HttpResponse{};
  };
  Result<SyncReport> report = m_client->sync({}, &cancel);
  ASSERT_TRUE(report.isOk()) << report.status().toString();
  EXPECT_TRUE(report->cancelled);
  EXPECT_EQ(report->applied, 1);
  EXPECT_EQ(pushes, 2) << "no retry after the cancel";
  EXPECT_EQ(pending(), 2);
  EXPECT_EQ(syncState(kSyncLastError), "") << "a cancel is not an error";
  EXPECT_EQ(m_server.count("/v1/sync/pull"), 0);

  // The next sync carries on from where it stopped.
  ASSERT_TRUE(m_client->sync().isOk());
  EXPECT_EQ(pending(), 0);
}

TEST_F(SyncClientTest, CancelFromTheProgressCallbackStopsAfterTheCurrentStep) {
  m_maxBatchChanges = 1;
  m_client = makeClient();
  saveBuildings(3);
  std::atomic<bool> cancel{false};
  Result<SyncReport> report = m_client->sync(
      [&](SyncPhase, const SyncReport& r) {
        if (r.applied == 2) cancel = true;
      },
      &cancel);
  ASSERT_TRUE(report.isOk());
  EXPECT_TRUE(report->cancelled);
  EXPECT_EQ(report->applied, 2);
  EXPECT_EQ(pending(), 1);
}

TEST_F(SyncClientTest, LoginCachesTheSessionAndAWrongPasswordIsUnauthenticated) {
  Result<Session> session = m_client->session();
  ASSERT_TRUE(session.isOk());
  EXPECT_EQ(session->user, "demo");
  EXPECT_EQ(session->role, "inspector");
  EXPECT_TRUE(session->hasToken);
  EXPECT_EQ(session->serverEpoch, "epoch-1");
  ASSERT_EQ(session->regions.size(), 1u);
  EXPECT_EQ(session->regions[0], (RegionPath{"临江区", "城南街道", ""}));

  Result<Session> wrong = m_client->login("demo", "nope");
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(m_client->session()->hasToken) << "a failed login keeps the old session";

  ASSERT_TRUE(m_client->logout().isOk());
  EXPECT_EQ(m_client->session().status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace anju::testing
