// Connection: one client's TCP connection (TLS on top when the server has a certificate). While
// it waits for the next request it belongs to the event loop (an asynchronous header read under
// the idle timeout), costing a socket and a small buffer but no thread. Once a request's header
// has arrived it is handed to a worker of the route's lane, which reads the body (streamed to
// the handler), runs the handler and writes the answer with blocking, timed I/O
// (web/sync_channel.h), then hands the connection back for the next request, or closes it.
// A small body (Content-Length ≤ kBodyReadAheadBytes: a push batch, a photo chunk) is read on
// the event loop first, so a tablet on a slow link holds no worker while its body trickles in:
// with a worker per upload in progress, 16 slow uploads stalled every other tablet's sync.
//
// Thread-safety: at any time exactly one thread (the event loop or one worker) uses a
// connection; the hand-over goes through the pools' and the io_context's queues.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <memory>
#include <optional>

#include "web/engine_context.h"
#include "web/timed_socket.h"

namespace anju::server::web {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  /// `context` is borrowed and outlives every connection (the server owns both).
  Connection(EngineContext& context, boost::asio::ip::tcp::socket socket);
  ~Connection();

  /// Starts with the TLS handshake (HTTPS) or waits for the first request. Event loop thread.
  void start();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::buffer_body>;

  void armIdleTimer(std::chrono::seconds timeout);       // event loop
  void readHeader();                                     // event loop
  void onHeader(boost::beast::error_code ec);            // event loop
  void readBodyAhead(Lane lane, std::size_t bodyBytes);  // event loop
  void dispatch(Lane lane);                              // event loop
  void releaseReadAhead();
  void serve();                   // worker
  void serveMalformed();          // worker
  void handBack(bool keepAlive);  // worker
  void closeGracefully();         // event loop
  void drainUntilClosed();        // event loop

  EngineContext& m_context;
  boost::asio::ip::tcp::socket m_socket;
  TimedSocket m_timed;  // m_socket with timeouts on its blocking side
  std::optional<boost::asio::ssl::stream<TimedSocket>> m_tls;
  boost::asio::steady_timer m_idleTimer;
  bool m_awaitingBytes = false;  // event loop only: the idle timer may still cut the wait
  boost::beast::flat_buffer m_buffer;
  std::optional<Parser> m_parser;
  std::int64_t m_readAheadBytes = 0;  // counted in EngineContext::bodyBytesReadAhead
  std::string m_remoteAddr;
  int m_remotePort = 0;
  char m_drain[4096];
};

}  // namespace anju::server::web
