// What a connection borrows from its server (web/http_server.h): the routes, the limits and
// timeouts, the worker pools of the lanes, and whether the server is stopping.
#pragma once

#include <atomic>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/router.h"
#include "web/worker_pool.h"

namespace anju::server::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  int port = 0;  // 0: any free port
  /// Connections the kernel queues before accept(): a burst of tablets at shift end must not
  /// overflow it (cpp-httplib's 5 reset dozens of them). The kernel caps it at somaxconn.
  int listenBacklog = 1024;
  int workerThreads = 16;          // requests being handled (an idle connection holds none)
  int passwordHashingThreads = 2;  // logins (Argon2id, 64 MiB each)
  /// A keep-alive connection with no request for this long is closed.
  std::chrono::seconds idleTimeout{120};
  /// While a request is read or its answer written: the longest wait for the next byte. Not
  /// shorter than the tablets' own stall limit (CurlOptions::lowSpeedTime, 30 s): the client
  /// decides that a slow link is dead and retries; a server giving up first would cut transfers
  /// that were about to recover.
  std::chrono::seconds ioTimeout{30};
  /// HTTPS: PEM files of the server's certificate (chain) and private key. When set, the port
  /// speaks TLS only; a plain HTTP request to it fails the handshake and gets no answer.
  std::string tlsCertificateFile;
  std::string tlsPrivateKeyFile;
};

/// A request body of at most this many bytes (Content-Length) is read on the event loop before
/// the request goes to a worker (web/connection.h): a push batch (≤ 1 MiB before gzip) or a
/// photo chunk (512 KiB). Larger or chunked bodies stream on the worker.
inline constexpr std::size_t kBodyReadAheadBytes = 1 << 20;
/// The most memory all connections together hold in bodies read ahead; past it a request goes
/// to a worker as it is and streams its body there.
inline constexpr std::int64_t kBodyReadAheadBudget = 256 << 20;

struct EngineContext {
  const Router& router;
  const ServerOptions& options;
  WorkerPool& general;
  WorkerPool& passwordHashing;
  const std::atomic<bool>& stopping;
  boost::asio::ssl::context* tls;                   // nullptr: plain HTTP
  std::atomic<std::int64_t> bodyBytesReadAhead{0};  // against kBodyReadAheadBudget

  WorkerPool& pool(Lane lane) { return lane == Lane::kPasswordHashing ? passwordHashing : general; }
};

}  // namespace anju::server::web
