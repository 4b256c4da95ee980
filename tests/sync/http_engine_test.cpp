// The HTTP engine (sync-server/src/web/) in this process, with routes of the test's own, driven
// by the tablet's transport (core's CurlTransport): how it ends a streamed answer that fails
// after its headers went out (issue 12 §6d), and streaming both ways.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "anju/curl_transport.h"
#include "web/http_server.h"

namespace anju::server::web {
namespace {

class HttpEngine : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    m_options = options;
    m_server = std::make_unique<HttpServer>(m_router, m_options);
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

  // A raw client: a connected socket that sends exactly what a test says, when it says.
  int rawConnect() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(m_port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    EXPECT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }
  static void sendAll(int fd, const std::string& bytes) {
    EXPECT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(bytes.size()));
  }
  static std::string receiveAll(int fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
      out.append(buf, static_cast<std::size_t>(n));
    return out;
  }

  ServerOptions m_options;
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

// Tablets on slow links: while their push bodies trickle in they must not hold the workers, or a
// few slow uploads stall every other tablet's sync (issue 12: hundreds syncing at shift end).
TEST_F(HttpEngine, BodiesStillArrivingHoldNoWorker) {
  m_router.Post("/push", [](const Request&, Response& res, const ContentReader& read) {
    std::string body;
    const bool whole = read([&](const char* data, std::size_t n) {
      body.append(data, n);
      return true;
    });
    res.set_content(whole ? std::to_string(body.size()) : "cut", "text/plain");
  });
  m_router.Get("/ping",
               [](const Request&, Response& res) { res.set_content("pong", "text/plain"); });
  ServerOptions options;
  options.workerThreads = 2;
  start(options);

  // Four uploads, twice the workers, each stopped after 10 of its 1000 bytes.
  const std::string head = "POST /push HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n";
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(rawConnect());
    sendAll(slow.back(), head + std::string(10, 'a'));
  }
  // Another tablet is answered meanwhile; with a worker per slow upload it waited for them.
  const auto began = std::chrono::steady_clock::now();
  Result<HttpResponse> ping = send("GET", "/ping");
  const auto waited = std::chrono::steady_clock::now() - began;
  ASSERT_TRUE(ping) << ping.status().toString();
  EXPECT_EQ(ping->body, "pong");
  EXPECT_LT(waited, std::chrono::seconds(10)) << "the workers were held by bodies still arriving";

  // The slow uploads then complete and each handler got its whole body.
  for (int fd : slow) {
    sendAll(fd, std::string(990, 'b'));
    ::shutdown(fd, SHUT_WR);
  }
  for (int fd : slow) {
    const std::string answer = receiveAll(fd);
    EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
    EXPECT_EQ(answer.substr(answer.size() - 4), "1000") << answer;
    ::close(fd);
  }
}

// A body cut while it was being read ahead still reaches its handler, as a cut body with the
// bytes that arrived (a photo chunk keeps them and the upload resumes after them).
TEST_F(HttpEngine, BodyCutBeforeItsEndReachesTheHandlerAsCut) {
  std::mutex mutex;
  std::condition_variable called;
  bool done = false;
  bool whole = true;
  std::size_t received = 0;
  m_router.Put("/photo", [&](const Request&, Response& res, const ContentReader& read) {
    std::size_t n = 0;
    const bool ok = read([&](const char*, std::size_t size) {
      n += size;
      return true;
    });
    {
      std::lock_guard lock(mutex);
      whole = ok;
      received = n;
      done = true;
    }
    called.notify_all();
    res.set_content("x", "text/plain");
  });
  start();
  const int fd = rawConnect();
  sendAll(fd,
          "PUT /photo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n" + std::string(100, 'c'));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::close(fd);
  std::unique_lock lock(mutex);
  ASSERT_TRUE(called.wait_for(lock, std::chrono::seconds(20), [&] { return done; }));
  EXPECT_FALSE(whole);
  EXPECT_EQ(received, 100u);
}

}  // namespace
}  // namespace anju::server::web
