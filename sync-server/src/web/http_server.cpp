#include "web/http_server.h"

#include <sys/resource.h>

#include <boost/asio/post.hpp>

#include "anju/message.h"
#include "util/log.h"
#include "web/connection.h"

namespace anju::server::web {

namespace net = boost::asio;
using net::ip::tcp;

HttpServer::HttpServer(const Router& router, ServerOptions options)
    : m_options(std::move(options)), m_router(router) {}

HttpServer::~HttpServer() {
  stop();
  // Pools first: their workers may still hold connections whose sockets belong to m_io.
  m_general.reset();
  m_passwordHashing.reset();
}

Result<int> HttpServer::listen() {
  boost::system::error_code ec;
  if (!m_options.tlsCertificateFile.empty() || !m_options.tlsPrivateKeyFile.empty()) {
    if (m_options.tlsCertificateFile.empty() || m_options.tlsPrivateKeyFile.empty())
      return Status::invalidArgument(msg("http.tls_needs_certificate_and_key"));
    m_tls = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    // TLS 1.2 and newer only; OpenSSL's defaults choose the ciphers.
    m_tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                       net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                       net::ssl::context::no_tlsv1_1);
    m_tls->use_certificate_chain_file(m_options.tlsCertificateFile, ec);
    if (ec)
      return Status::invalidArgument(
          msg("http.cannot_use_certificate",
              {{"path", m_options.tlsCertificateFile}, {"detail", ec.message()}}));
    m_tls->use_private_key_file(m_options.tlsPrivateKeyFile, net::ssl::context::pem, ec);
    if (ec)
      return Status::invalidArgument(
          msg("http.cannot_use_private_key",
              {{"path", m_options.tlsPrivateKeyFile}, {"detail", ec.message()}}));
  }
  tcp::resolver resolver(m_io);
  const auto endpoints = resolver.resolve(m_options.address, std::to_string(m_options.port),
                                          tcp::resolver::passive, ec);
  if (ec || endpoints.empty())
    return Status::ioError(msg("http.cannot_resolve_listen_address",
                               {{"address", m_options.address}, {"detail", ec.message()}}));
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  m_acceptor.open(endpoint.protocol(), ec);
  if (!ec) m_acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) m_acceptor.bind(endpoint, ec);
  if (!ec) m_acceptor.listen(m_options.listenBacklog, ec);
  if (ec)
    return Status::ioError(
        msg("http.cannot_listen",
            {{"address", m_options.address + ":" + std::to_string(m_options.port)},
             {"detail", ec.message()}}));
  return static_cast<int>(m_acceptor.local_endpoint().port());
}

void HttpServer::run() {
  m_general = std::make_unique<WorkerPool>(m_options.workerThreads);
  m_passwordHashing = std::make_unique<WorkerPool>(m_options.passwordHashingThreads);
  // Braces in place: the context holds an atomic, which cannot be moved.
  m_context.reset(new EngineContext{m_router, m_options, *m_general, *m_passwordHashing, m_stopping,
                                    m_tls.get()});
  m_running = true;
  if (!m_stopping) accept();
  m_io.run();
  m_running = false;
  // Requests already handed to workers are answered (their connections then close).
  m_general->shutdown();
  m_passwordHashing->shutdown();
}

void HttpServer::stop() {
  if (m_stopping.exchange(true)) return;
  net::post(m_io, [this] {
    boost::system::error_code ignored;
    m_acceptor.close(ignored);
    m_acceptRetry.cancel();
    // Idle connections wait in asynchronous reads; stopping the loop drops them (their sockets
    // close when the io_context is destroyed).
    m_io.stop();
  });
}

void HttpServer::accept() {
  m_acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (m_stopping || !m_acceptor.is_open()) return;
    if (ec) {
      // Out of file descriptors (EMFILE) and the like: the connection stays in the backlog;
      // try again shortly instead of spinning.
      logWarn("accept failed: " + ec.message());
      m_acceptRetry.expires_after(std::chrono::milliseconds(100));
      m_acceptRetry.async_wait([this](boost::system::error_code waitEc) {
        if (!waitEc) accept();
      });
      return;
    }
    boost::system::error_code optionEc;
    // Answers are written header and body together, but streamed bodies go out in pieces: no
    // Nagle delay between them (httplib needed the same, see docs/fuzzing.md).
    socket.set_option(tcp::no_delay(true), optionEc);
    socket.non_blocking(true, optionEc);  // workers use TimedSocket
    std::make_shared<Connection>(*m_context, std::move(socket))->start();
    accept();
  });
}

long raiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  return static_cast<long>(limit.rlim_cur);
}

}  // namespace anju::server::web
