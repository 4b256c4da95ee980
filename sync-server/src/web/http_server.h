// HttpServer: the sync server's HTTP/1.1 engine (Boost.Beast over Boost.Asio).
//
// One event-loop thread accepts connections and owns every idle keep-alive connection (an
// asynchronous header read each), so a thousand tablets holding connections open cost sockets,
// not threads. When a request's header arrives, the request goes to a worker pool — one pool per
// lane (web/router.h): general requests, and the logins' Argon2id hashing on a small pool of its
// own. Workers do the blocking work the handlers need (SQLite fsync, PostgreSQL, Argon2id, file
// reads) and stream bodies both ways (web/connection.h). Why this and not cpp-httplib (a thread
// per connection, backlog 5) or libmicrohttpd: docs/sync-server.md, "HTTP engine".
//
// Thread-safety: configure, listen(), then run() on one thread; stop() from any thread (a signal
// waiter); in-flight requests finish and are answered before run() returns.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "anju/status.h"
#include "web/engine_context.h"

namespace anju::server::web {

class HttpServer {
 public:
  /// `router` is borrowed and must not change while the server runs.
  HttpServer(const Router& router, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Loads the TLS certificate (when configured), binds and listens; the port (the one chosen
  /// for port 0), invalidArgument for a certificate or key that cannot be used, or ioError.
  Result<int> listen();
  /// Serves until stop(). Returns after the in-flight requests were answered.
  void run();
  /// Stops accepting and closes idle connections; any thread, also before run().
  void stop();
  /// True between the start of run() and stop().
  bool isRunning() const { return m_running; }

 private:
  void accept();

  ServerOptions m_options;
  const Router& m_router;
  std::atomic<bool> m_stopping{false};
  std::atomic<bool> m_running{false};
  boost::asio::io_context m_io{1};
  boost::asio::ip::tcp::acceptor m_acceptor{m_io};
  boost::asio::steady_timer m_acceptRetry{m_io};
  std::unique_ptr<WorkerPool> m_general;
  std::unique_ptr<WorkerPool> m_passwordHashing;
  std::unique_ptr<boost::asio::ssl::context> m_tls;
  std::unique_ptr<EngineContext> m_context;
};

/// Raises this process's soft limit on open files to the hard limit (each connection is a file
/// descriptor; the usual soft limit of 1024 is below the connections a campaign opens). Returns
/// the limit now in force.
long raiseOpenFileLimit();

}  // namespace anju::server::web
