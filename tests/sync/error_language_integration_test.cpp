// The server words its errors from the message catalogue: Chinese unless the request's
// Accept-Language prefers English, with the message id and parameters always on the wire
// (docs/messages.md). Over real HTTP against the real server.
#include <nlohmann/json.hpp>

#include "anju/uuid.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using ErrorLanguage = SyncServerTest;

v1::Error errorOf(const httplib::Result& res) {
  v1::Error error;
  EXPECT_TRUE(res && error.ParseFromString(res->body));
  return error;
}

httplib::Result getWith(int port, const std::string& path, httplib::Headers headers) {
  httplib::Client c("127.0.0.1", port);
  return c.Get(path.c_str(), headers);
}

TEST_P(ErrorLanguage, ChineseByDefaultEnglishWhenAskedWithTheSameId) {
  const int port = server().port();
  const v1::Error plain = errorOf(getWith(port, "/v1/no-such", {}));
  EXPECT_EQ(plain.code(), "not_found");
  EXPECT_EQ(plain.message_id(), "http.no_such_endpoint_at");
  EXPECT_EQ(plain.message(), "没有此接口：/v1/no-such");
  ASSERT_EQ(plain.params_size(), 1);
  EXPECT_EQ(plain.params(0).name(), "path");
  EXPECT_EQ(plain.params(0).value(), "/v1/no-such");

  const v1::Error english = errorOf(getWith(port, "/v1/no-such", {{"Accept-Language", "en"}}));
  EXPECT_EQ(english.message_id(), "http.no_such_endpoint_at");
  EXPECT_EQ(english.message(), "no such endpoint: /v1/no-such");

  EXPECT_EQ(
      errorOf(getWith(port, "/v1/no-such", {{"Accept-Language", "en-US,zh;q=0.5"}})).message(),
      "no such endpoint: /v1/no-such");
  EXPECT_EQ(errorOf(getWith(port, "/v1/no-such", {{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}}))
                .message(),
            "没有此接口：/v1/no-such");
}

// A service's error (not the HTTP layer's own) travels the same way, field problems included.
TEST_P(ErrorLanguage, AServiceErrorAndItsFieldsAreWordedInTheLanguageAsked) {
  const std::string path = "/v1/photos/not-a-hash";
  httplib::Client c("127.0.0.1", server().port());
  httplib::Headers english{{"Authorization", "Bearer " + m_demoToken}, {"Accept-Language", "en"}};
  const v1::Error en = errorOf(c.Get(path.c_str(), english));
  const v1::Error zh = errorOf(c.Get(path.c_str(), {{"Authorization", "Bearer " + m_demoToken}}));
  EXPECT_EQ(en.message_id(), zh.message_id());
  EXPECT_FALSE(en.message_id().empty());
  EXPECT_NE(en.message(), zh.message());
  ASSERT_EQ(en.fields_size(), zh.fields_size());
  for (int i = 0; i < en.fields_size(); ++i) {
    EXPECT_EQ(en.fields(i).message_id(), zh.fields(i).message_id());
    EXPECT_EQ(en.fields(i).message().find("须为"), std::string::npos) << en.fields(i).message();
    EXPECT_NE(zh.fields(i).message().find("须为"), std::string::npos) << zh.fields(i).message();
  }
}

TEST_P(ErrorLanguage, APushRejectionReasonFollowsAcceptLanguage) {
  const Inspection foreign = makeInspection(foreignBuilding().record_id());
  const std::string body = makePush({makeChange(foreign, 1000, 0)}).SerializeAsString();
  v1::PushResponse zh;
  v1::PushResponse en;
  ASSERT_TRUE(zh.ParseFromString(client().post("/v1/sync/push", body, m_demoToken).body));
  ASSERT_TRUE(en.ParseFromString(
      client().post("/v1/sync/push", body, m_demoToken, {{"Accept-Language", "en"}}).body));
  ASSERT_EQ(zh.results_size(), 1);
  ASSERT_EQ(en.results_size(), 1);
  EXPECT_EQ(zh.results(0).reason_id(), "push.forbidden_region");
  EXPECT_EQ(zh.results(0).reason(), "不在您负责的区域");
  // The second push is a duplicate of nothing: a rejected change is not remembered, so it is
  // judged again and refused the same way, now in English.
  EXPECT_EQ(en.results(0).reason_id(), "push.forbidden_region");
  EXPECT_EQ(en.results(0).reason(), "forbidden region");
  ASSERT_EQ(en.results(0).fields_size(), 1);
  EXPECT_EQ(en.results(0).fields(0).message_id(), "push.outside_regions");
  EXPECT_EQ(en.results(0).fields(0).message().rfind("outside your assigned regions: ", 0), 0u)
      << en.results(0).fields(0).message();
}

TEST_P(ErrorLanguage, TheConsoleGetsItsJsonErrorsInTheLanguageItAsksFor) {
  const std::string path = "/console/api/houses/" + newUuid();
  const auto zh = getWith(server().port(), path, {});
  const auto en = getWith(server().port(), path, {{"Accept-Language", "en"}});
  ASSERT_TRUE(zh && en);
  EXPECT_EQ(zh->status, 401);
  const nlohmann::json zhError = nlohmann::json::parse(zh->body)["error"];
  const nlohmann::json enError = nlohmann::json::parse(en->body)["error"];
  EXPECT_EQ(zhError["id"], "http.missing_bearer_token");
  EXPECT_EQ(enError["id"], "http.missing_bearer_token");
  EXPECT_EQ(zhError["message"], "需要登录");
  EXPECT_EQ(enError["message"], "missing bearer token");
}

INSTANTIATE_TEST_SUITE_P(Backends, ErrorLanguage, ::testing::ValuesIn(backendsUnderTest()),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
