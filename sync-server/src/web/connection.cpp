#include "web/connection.h"

#include <strings.h>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/read.hpp>
#include <limits>

#include "web/body_stream.h"
#include "web/response_writer.h"
#include "web/sync_channel.h"
#include "web/url.h"

namespace anju::server::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

Connection::Connection(EngineContext& context, net::ip::tcp::socket socket)
    : m_context(context),
      m_socket(std::move(socket)),
      m_timed(m_socket, context.options.ioTimeout),
      m_idleTimer(m_socket.get_executor()) {
  beast::error_code ec;
  const auto remote = m_socket.remote_endpoint(ec);
  if (!ec) {
    m_remoteAddr = remote.address().to_string();
    m_remotePort = remote.port();
  }
  if (context.tls) m_tls.emplace(m_timed, *context.tls);
}

void Connection::start() {
  if (!m_tls) return readHeader();
  // The handshake runs on the event loop under the idle timeout, like a header: a client that
  // connects and says nothing (or speaks plain HTTP to the HTTPS port) costs no worker.
  armIdleTimer(m_context.options.idleTimeout);
  m_tls->async_handshake(net::ssl::stream_base::server,
                         [self = shared_from_this()](beast::error_code ec) {
                           self->m_awaitingBytes = false;
                           self->m_idleTimer.cancel();
                           if (!ec) self->readHeader();
                           // A failed handshake (bad client, plain HTTP): dropping the last
                           // reference closes the socket.
                         });
}

void Connection::armIdleTimer(std::chrono::seconds timeout) {
  m_idleTimer.expires_after(timeout);
  m_awaitingBytes = true;
  m_idleTimer.async_wait([self = shared_from_this()](beast::error_code ec) {
    // Cancelled, or fired just as the bytes came (the connection may be on a worker by now).
    if (ec || !self->m_awaitingBytes) return;
    beast::error_code ignored;
    self->m_socket.cancel(ignored);  // the pending read ends with operation_aborted
  });
}

void Connection::readHeader() {
  if (m_context.stopping) return;  // dropping the last reference closes the socket
  m_parser.emplace();
  // Bodies are bounded by the handlers (each knows its own limit), not by the parser.
  m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
  m_parser->header_limit(16 * 1024);
  armIdleTimer(m_context.options.idleTimeout);
  auto done = [self = shared_from_this()](beast::error_code ec, std::size_t) {
    self->m_awaitingBytes = false;
    self->m_idleTimer.cancel();
    self->onHeader(ec);
  };
  if (m_tls)
    http::async_read_header(*m_tls, m_buffer, *m_parser, std::move(done));
  else
    http::async_read_header(m_socket, m_buffer, *m_parser, std::move(done));
}

void Connection::onHeader(beast::error_code ec) {
  if (ec) {
    // A request that is not HTTP gets a 400 (from a worker: the error handler writes the body);
    // a client that went away or stayed idle too long is simply closed.
    const bool malformed =
        &ec.category() == &http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message;
    if (malformed) m_context.general.post([self = shared_from_this()] { self->serveMalformed(); });
    return;
  }
  Request probe;
  splitTarget(std::string(m_parser->get().target()), probe);
  const Lane lane =
      m_context.router.laneFor(std::string(m_parser->get().method_string()), probe.path);
  // A small body of known length comes in here first (see the header comment). Not when the
  // client waits for "100 Continue" (only the worker sends it), and not past the budget.
  const auto& header = m_parser->get();
  const boost::optional<std::uint64_t> length = m_parser->content_length();
  const auto expect = header.find(http::field::expect);
  if (!m_parser->is_done() && length && *length <= kBodyReadAheadBytes &&
      (expect == header.end() || !beast::iequals(expect->value(), "100-continue"))) {
    const auto bytes = static_cast<std::int64_t>(*length);
    if (m_context.bodyBytesReadAhead.fetch_add(bytes) + bytes <= kBodyReadAheadBudget) {
      m_readAheadBytes = bytes;
      return readBodyAhead(lane, static_cast<std::size_t>(*length));
    }
    m_context.bodyBytesReadAhead.fetch_sub(bytes);
  }
  dispatch(lane);
}

void Connection::readBodyAhead(Lane lane, std::size_t bodyBytes) {
  // The bytes after the header are in m_buffer, unparsed; the worker's parser takes them from
  // there without touching the socket.
  if (m_buffer.size() >= bodyBytes) return dispatch(lane);
  armIdleTimer(m_context.options.ioTimeout);
  auto done = [self = shared_from_this(), lane, bodyBytes](beast::error_code ec, std::size_t n) {
    self->m_awaitingBytes = false;
    self->m_idleTimer.cancel();
    self->m_buffer.commit(n);
    // Cut or stalled: the worker still gets what arrived. Its read then meets the end of the
    // stream at once, and the handler sees a cut body (a photo chunk keeps its first bytes).
    if (ec) {
      beast::error_code ignored;
      self->m_socket.shutdown(net::ip::tcp::socket::shutdown_receive, ignored);
      return self->dispatch(lane);
    }
    self->readBodyAhead(lane, bodyBytes);
  };
  const auto space = m_buffer.prepare(bodyBytes - m_buffer.size());
  if (m_tls)
    m_tls->async_read_some(space, std::move(done));
  else
    m_socket.async_read_some(space, std::move(done));
}

void Connection::dispatch(Lane lane) {
  m_context.pool(lane).post([self = shared_from_this()] { self->serve(); });
}

void Connection::serve() {
  std::optional<StreamChannel<TimedSocket>> plain;
  std::optional<StreamChannel<net::ssl::stream<TimedSocket>>> secure;
  SyncChannel& channel = m_tls ? static_cast<SyncChannel&>(secure.emplace(*m_tls))
                               : static_cast<SyncChannel&>(plain.emplace(m_timed));
  const auto& header = m_parser->get();
  Request req;
  req.method = std::string(header.method_string());
  req.target = std::string(header.target());
  splitTarget(req.target, req);
  for (const auto& field : header)
    req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  req.remote_addr = m_remoteAddr;
  req.remote_port = m_remotePort;

  BodyStream body(channel, m_buffer, *m_parser,
                  ::strcasecmp(req.get_header_value("Content-Encoding").c_str(), "gzip") == 0);
  if (!m_parser->is_done() &&
      ::strcasecmp(req.get_header_value("Expect").c_str(), "100-continue") == 0) {
    beast::error_code ec;
    net::write(channel, net::buffer(std::string_view("HTTP/1.1 100 Continue\r\n\r\n")), ec);
  }
  Response res;
  m_context.router.dispatch(req, res, [&body](const ContentReceiver& r) { return body.read(r); });
  // The next request can follow only when this one's body was read to its end.
  const bool keepAlive = m_parser->keep_alive() && m_parser->is_done() && !body.broken() &&
                         ::strcasecmp(res.get_header_value("Connection").c_str(), "close") != 0 &&
                         !m_context.stopping;
  const bool sent = writeResponse(channel, res, keepAlive, req.method == "HEAD");
  m_context.router.log(req, res);
  if (res.releaser) res.releaser(sent);
  handBack(sent && keepAlive);
}

void Connection::serveMalformed() {
  std::optional<StreamChannel<TimedSocket>> plain;
  std::optional<StreamChannel<net::ssl::stream<TimedSocket>>> secure;
  SyncChannel& channel = m_tls ? static_cast<SyncChannel&>(secure.emplace(*m_tls))
                               : static_cast<SyncChannel&>(plain.emplace(m_timed));
  Request req;
  req.remote_addr = m_remoteAddr;
  req.remote_port = m_remotePort;
  Response res;
  res.status = 400;
  m_context.router.dispatch(req, res, [](const ContentReceiver&) { return false; });
  writeResponse(channel, res, /*keepAlive=*/false, /*headOnly=*/false);
  m_context.router.log(req, res);
  handBack(false);
}

Connection::~Connection() { releaseReadAhead(); }

void Connection::releaseReadAhead() {
  if (m_readAheadBytes == 0) return;
  m_context.bodyBytesReadAhead.fetch_sub(m_readAheadBytes);
  m_readAheadBytes = 0;
}

void Connection::handBack(bool keepAlive) {
  releaseReadAhead();
  // An idle connection keeps a small buffer, not the largest body it ever read ahead.
  if (m_buffer.capacity() > 64 * 1024) m_buffer.shrink_to_fit();
  auto self = shared_from_this();
  if (keepAlive) {
    net::post(m_socket.get_executor(), [self] { self->readHeader(); });
  } else {
    net::post(m_socket.get_executor(), [self] { self->closeGracefully(); });
  }
}

void Connection::closeGracefully() {
  // Closing a socket with unread bytes makes the kernel send a reset, which can destroy the
  // answer before the client reads it. So: end our side, read and drop what the client still
  // sends for a short while, then close.
  beast::error_code ec;
  m_socket.shutdown(net::ip::tcp::socket::shutdown_send, ec);
  m_idleTimer.expires_after(std::chrono::seconds(2));
  m_idleTimer.async_wait([self = shared_from_this()](beast::error_code waitEc) {
    if (waitEc) return;
    beast::error_code ignored;
    self->m_socket.close(ignored);
  });
  drainUntilClosed();
}

void Connection::drainUntilClosed() {
  m_socket.async_read_some(net::buffer(m_drain),
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) {
                               self->m_idleTimer.cancel();
                               beast::error_code ignored;
                               self->m_socket.close(ignored);
                               return;
                             }
                             self->drainUntilClosed();
                           });
}

}  // namespace anju::server::web
