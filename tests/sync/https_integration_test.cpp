// HTTPS end to end (issue 12 §6f): the real anju-server with a certificate issued by a test CA
// made here with the openssl CLI, and the tablet's own transport (core's CurlTransport, libcurl
// with peer and host name verification) trusting that CA. A client trusting another CA is
// refused before anything is sent, and plain HTTP to the HTTPS-only port gets no answer.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "anju/curl_transport.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

/// Runs a shell command (the openssl CLI); asserts it succeeded.
void run(const std::string& command) {
  ASSERT_EQ(std::system((command + " >/dev/null 2>&1").c_str()), 0) << command;
}

/// A CA and a certificate for 127.0.0.1 signed by it, in `dir`: NAME-ca.pem, and for the
/// server NAME-server.pem / NAME-server.key.
void makeCa(const std::string& dir, const std::string& name) {
  const std::string p = dir + "/" + name;
  run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Anju test CA " + name +
      "' -keyout " + p + "-ca.key -out " + p + "-ca.pem");
  run("openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' -keyout " + p +
      "-server.key -out " + p + "-server.csr");
  std::ofstream(p + "-ext.cnf") << "subjectAltName = IP:127.0.0.1\n"
                                << "extendedKeyUsage = serverAuth\n";
  run("openssl x509 -req -in " + p + "-server.csr -CA " + p + "-ca.pem -CAkey " + p +
      "-ca.key -CAcreateserial -days 2 -extfile " + p + "-ext.cnf -out " + p + "-server.pem");
}

/// `anju-server serve` with HTTPS configured, on a free port; stopped by the destructor.
class HttpsServer {
 public:
  HttpsServer(const std::string& dataDir, const std::string& configPath) {
    int out[2];
    if (pipe(out) != 0) return;
    m_pid = fork();
    if (m_pid == 0) {
      dup2(out[1], 1);
      const int log = open((dataDir + "/server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (log >= 0) dup2(log, 2);
      close(out[0]);
      execl(ANJU_SERVER_BINARY, ANJU_SERVER_BINARY, "serve", "--config", configPath.c_str(),
            "--data", dataDir.c_str(), "--listen", "127.0.0.1", "--port", "0",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    // "listening on 127.0.0.1:PORT" once the certificate is loaded and the port is open.
    std::string line;
    for (int waited = 0; line.find('\n') == std::string::npos && waited < 300; ++waited) {
      pollfd p{out[0], POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      const ssize_t n = read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<std::size_t>(n));
    }
    close(out[0]);
    const std::size_t colon = line.rfind(':');
    if (line.rfind("listening on ", 0) == 0 && colon != std::string::npos)
      m_port = std::atoi(line.c_str() + colon + 1);
  }
  ~HttpsServer() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
  }
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  int port() const { return m_port; }

 private:
  pid_t m_pid = -1;
  int m_port = 0;
};

Result<HttpResponse> login(const std::string& baseUrl, const std::string& caFile) {
  CurlOptions options;
  options.baseUrl = baseUrl;
  options.caBundlePath = caFile;
  options.connectTimeout = std::chrono::seconds(30);
  Result<std::unique_ptr<CurlTransport>> transport = CurlTransport::create(options);
  if (!transport) return transport.status();
  v1::LoginRequest request;
  request.set_username("demo");
  request.set_password("demo1234");
  request.set_device_id("https-tablet");
  HttpRequest http;
  http.method = "POST";
  http.target = "/v1/auth/login";
  http.headers.emplace_back("Content-Type", "application/x-protobuf");
  http.body = request.SerializeAsString();
  return (*transport)->send(http, nullptr);
}

class Https : public ::testing::Test {
 protected:
  void SetUp() override {
    makeCa(m_dir.path(), "trusted");
    makeCa(m_dir.path(), "other");
    const CliResult demo = runCli({"demo", "--data", m_dir.path()});
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    const std::string config = m_dir.path() + "/server.conf";
    std::ofstream(config) << "tls_certificate = " << m_dir.path() << "/trusted-server.pem\n"
                          << "tls_private_key = " << m_dir.path() << "/trusted-server.key\n";
    m_server = std::make_unique<HttpsServer>(m_dir.path(), config);
    ASSERT_GT(m_server->port(), 0) << "server did not start; see " << m_dir.path() << "/server.log";
  }

  std::string url(const char* scheme) const {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(m_server->port());
  }
  std::string file(const char* name) const { return m_dir.path() + "/" + name; }

  TempDir m_dir;
  std::unique_ptr<HttpsServer> m_server;
};

TEST_F(Https, TabletTrustingTheServersCaSignsInOverHttps) {
  Result<HttpResponse> reply = login(url("https"), file("trusted-ca.pem"));
  ASSERT_TRUE(reply) << reply.status().toString();
  ASSERT_EQ(reply->status, 200) << reply->body;
  v1::LoginResponse response;
  ASSERT_TRUE(response.ParseFromString(reply->body));
  EXPECT_FALSE(response.token().empty());
}

TEST_F(Https, TabletTrustingAnotherCaIsRefusedBeforeSendingAnything) {
  Result<HttpResponse> reply = login(url("https"), file("other-ca.pem"));
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.status().code(), StatusCode::kPermissionDenied) << reply.status().toString();
  // Nothing reached a handler: no login was logged, failed or not.
  std::ifstream log(file("server.log"));
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("/v1/auth/login"), std::string::npos) << text;
}

TEST_F(Https, PlainHttpToTheHttpsOnlyPortGetsNoAnswer) {
  Result<HttpResponse> reply = login(url("http"), "");
  EXPECT_FALSE(reply) << "HTTP " << (reply ? reply->status : 0);
  std::ifstream log(file("server.log"));
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("/v1/auth/login"), std::string::npos) << text;
  // The server is unharmed: the next tablet over HTTPS signs in.
  Result<HttpResponse> secure = login(url("https"), file("trusted-ca.pem"));
  ASSERT_TRUE(secure) << secure.status().toString();
  EXPECT_EQ(secure->status, 200);
}

}  // namespace
}  // namespace anju::server::testing
