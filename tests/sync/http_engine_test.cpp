// The HTTP engine (sync-server/src/web/) in this process, with routes of the test's own, driven
// by the tablet's transport (core's CurlTransport): how it ends a streamed answer that fails
// after its headers went out (issue 12 §6d), and streaming both ways.
#include <gtest/gtest.h>

#include <thread>

#include "anju/curl_transport.h"
#include "web/http_server.h"

namespace anju::server::web {
namespace {

class HttpEngine : public ::testing::Test {
 protected:
  void start() {
    m_server = std::make_unique<HttpServer>(m_router, ServerOptions{});
    Result<int> port = m_server->listen();
    ASSERT_TRUE(port) << port.status().toString();
    m_port = *port;
    m_thread = std::thread([this] { m_server->run(); });
  }
  void TearDown() override {
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
  }

  Result<HttpResponse> send(const std::string& method, const std::string& target,
                            const std::string& body = "") {
    CurlOptions options;
    options.baseUrl = "http://127.0.0.1:" + std::to_string(m_port);
    Result<std::unique_ptr<CurlTransport>> transport = CurlTransport::create(options);
    if (!transport) return transport.status();
    HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = body;
    return (*transport)->send(request, nullptr);
  }

  Router m_router;
  std::unique_ptr<HttpServer> m_server;
  std::thread m_thread;
  int m_port = 0;
};

// A register export that fails on its 3rd block: the client must see a failed transfer, never
// a 200 with a file that simply ends early.
void exportFailingAfter(int blocks, Response& res) {
  res.set_chunked_content_provider("text/csv", [blocks](std::size_t, DataSink& sink) {
    const std::string row = "临江区,城南街道,幸福路1号\n";
    for (int i = 0; i < blocks; ++i)
      if (!sink.write(row.data(), row.size())) return false;
    return false;  // the storage failed here; headers and some rows are out already
  });
}

TEST_F(HttpEngine, ChunkedAnswerFailingAfterItsHeadersIsAFailedTransferNotAShortFile) {
  m_router.Get("/export", [](const Request&, Response& res) { exportFailingAfter(3, res); });
  start();
  Result<HttpResponse> reply = send("GET", "/export");
  EXPECT_FALSE(reply) << "a truncated export was delivered as HTTP " << reply->status << " with "
                      << reply->body.size() << " bytes";
}

TEST_F(HttpEngine, ChunkedAnswerThatEndsIsDeliveredWhole) {
  m_router.Get("/export", [](const Request&, Response& res) {
    res.set_chunked_content_provider("text/csv", [](std::size_t, DataSink& sink) {
      for (int i = 0; i < 1000; ++i)
        if (!sink.write("row\n", 4)) return false;
      sink.done();
      return true;
    });
  });
  start();
  Result<HttpResponse> reply = send("GET", "/export");
  ASSERT_TRUE(reply) << reply.status().toString();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body.size(), 4000u);
}

TEST_F(HttpEngine, SizedAnswerWhoseProviderFailsIsAFailedTransfer) {
  m_router.Get("/file", [](const Request&, Response& res) {
    res.set_content_provider(1 << 20, "application/pdf",
                             [](std::size_t offset, std::size_t, DataSink& sink) {
                               if (offset >= (256u << 10)) return false;  // the file vanished
                               const std::string block(64u << 10, 'x');
                               return sink.write(block.data(), block.size());
                             });
  });
  start();
  Result<HttpResponse> reply = send("GET", "/file");
  EXPECT_FALSE(reply) << "a short file was delivered as HTTP " << reply->status;
}

TEST_F(HttpEngine, StreamedRequestBodyReachesTheHandlerWholeAndQueryIsDecoded) {
  std::string seen;
  std::string param;
  m_router.Put("/photos/([^/]+)",
               [&](const Request& req, Response& res, const ContentReader& read) {
                 param = req.get_param_value("name");
                 const bool ok = read([&](const char* data, std::size_t n) {
                   seen.append(data, n);
                   return true;
                 });
                 res.set_content(ok ? req.matches[1].str() : "cut", "text/plain");
               });
  start();
  const std::string body(3u << 20, 'p');
  Result<HttpResponse> reply = send("PUT", "/photos/abc?name=%E4%B8%B4+%E6%B1%9F", body);
  ASSERT_TRUE(reply) << reply.status().toString();
  EXPECT_EQ(reply->body, "abc");
  EXPECT_EQ(seen.size(), body.size());
  EXPECT_EQ(param, "临 江");
}

}  // namespace
}  // namespace anju::server::web
