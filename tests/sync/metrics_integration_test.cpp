// GET /metrics against the real server.
#include <chrono>
#include <thread>

#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using MetricsApi = SyncServerTest;

TEST_P(MetricsApi, CountsRequestsByRouteAndStatusAndPushOutcomes) {
  const Inspection in = makeInspection(ownBuilding().record_id());
  const v1::PushRequest request = makePush({makeChange(in, 1000, 0)});
  client().push(m_demoToken, request);
  client().push(m_demoToken, request);
  client().post("/v1/sync/pull", "", "bad-token");

  // The server counts a request after its response is sent, on the worker that served it, so a
  // count may show a moment after the client has its answer, and not in request order: wait
  // until every count this test made shows.
  const std::string unauthorizedPull =
      "anju_http_requests_total{route=\"/v1/sync/pull\",status=\"401\"} 1";
  const std::string twoPushes =
      "anju_http_requests_total{route=\"/v1/sync/push\",status=\"200\"} 2";
  Reply reply;
  for (int i = 0; i < 200; ++i) {
    reply = client().get("/metrics");
    if (reply.body.find(unauthorizedPull) != std::string::npos &&
        reply.body.find(twoPushes) != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.contentType.find("text/plain"), std::string::npos);
  const std::string& text = reply.body;
  EXPECT_NE(text.find(twoPushes), std::string::npos) << text;
  EXPECT_NE(text.find(unauthorizedPull), std::string::npos) << text;
  EXPECT_NE(text.find("anju_push_changes_total{outcome=\"applied\"} 1"), std::string::npos);
  EXPECT_NE(text.find("anju_push_changes_total{outcome=\"duplicate\"} 1"), std::string::npos);
  EXPECT_NE(text.find("anju_photo_bytes_received_total 0"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, MetricsApi, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
