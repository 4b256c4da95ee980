#include "web/connection.h"

#include <strings.h>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <limits>

#include "web/body_stream.h"
#include "web/response_writer.h"
#include "web/url.h"

namespace anju::server::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

Connection::Connection(EngineContext& context, net::ip::tcp::socket socket)
    : m_context(context), m_stream(std::move(socket)) {
  beast::error_code ec;
  const auto remote = m_stream.socket().remote_endpoint(ec);
  if (!ec) {
    m_remoteAddr = remote.address().to_string();
    m_remotePort = remote.port();
  }
}

void Connection::readHeader() {
  if (m_context.stopping) return;  // dropping the last reference closes the socket
  m_parser.emplace();
  // Bodies are bounded by the handlers (each knows its own limit), not by the parser.
  m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
  m_parser->header_limit(16 * 1024);
  m_stream.expires_after(m_context.options.idleTimeout);
  http::async_read_header(
      m_stream, m_buffer, *m_parser,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
}

void Connection::onHeader(beast::error_code ec) {
  m_stream.expires_never();
  if (ec) {
    // A request that is not HTTP gets a 400 (from a worker: the error handler writes the body);
    // a client that went away or stayed idle too long is simply closed.
    const bool malformed =
        ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message;
    if (malformed) m_context.general.post([self = shared_from_this()] { self->serveMalformed(); });
    return;
  }
  std::string target(m_parser->get().target());
  Request probe;
  splitTarget(target, probe);
  const Lane lane =
      m_context.router.laneFor(std::string(m_parser->get().method_string()), probe.path);
  m_context.pool(lane).post([self = shared_from_this()] { self->serve(); });
}

void Connection::serve() {
  TimedSocket socket(m_stream.socket(), m_context.options.ioTimeout);
  const auto& header = m_parser->get();
  Request req;
  req.method = std::string(header.method_string());
  req.target = std::string(header.target());
  splitTarget(req.target, req);
  for (const auto& field : header)
    req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  req.remote_addr = m_remoteAddr;
  req.remote_port = m_remotePort;

  BodyStream body(socket, m_buffer, *m_parser,
                  ::strcasecmp(req.get_header_value("Content-Encoding").c_str(), "gzip") == 0);
  if (!m_parser->is_done() &&
      ::strcasecmp(req.get_header_value("Expect").c_str(), "100-continue") == 0) {
    beast::error_code ec;
    net::write(socket, net::buffer(std::string_view("HTTP/1.1 100 Continue\r\n\r\n")), ec);
  }
  Response res;
  m_context.router.dispatch(req, res, [&body](const ContentReceiver& r) { return body.read(r); });
  // The next request can follow only when this one's body was read to its end.
  const bool keepAlive = m_parser->keep_alive() && m_parser->is_done() && !body.broken() &&
                         ::strcasecmp(res.get_header_value("Connection").c_str(), "close") != 0 &&
                         !m_context.stopping;
  const bool sent = writeResponse(socket, res, keepAlive, req.method == "HEAD");
  m_context.router.log(req, res);
  if (res.releaser) res.releaser(sent);
  handBack(sent && keepAlive);
}

void Connection::serveMalformed() {
  TimedSocket socket(m_stream.socket(), m_context.options.ioTimeout);
  Request req;
  req.remote_addr = m_remoteAddr;
  req.remote_port = m_remotePort;
  Response res;
  res.status = 400;
  m_context.router.dispatch(req, res, [](const ContentReceiver&) { return false; });
  writeResponse(socket, res, /*keepAlive=*/false, /*headOnly=*/false);
  m_context.router.log(req, res);
  handBack(false);
}

void Connection::handBack(bool keepAlive) {
  auto self = shared_from_this();
  if (keepAlive) {
    net::post(m_stream.get_executor(), [self] { self->readHeader(); });
  } else {
    net::post(m_stream.get_executor(), [self] { self->closeGracefully(); });
  }
}

void Connection::closeGracefully() {
  // Closing a socket with unread bytes makes the kernel send a reset, which can destroy the
  // answer before the client reads it. So: end our side, read and drop what the client still
  // sends for a short while, then close.
  beast::error_code ec;
  m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  m_stream.expires_after(std::chrono::seconds(2));
  drainUntilClosed();
}

void Connection::drainUntilClosed() {
  m_stream.async_read_some(net::buffer(m_drain),
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) {
                               beast::error_code ignored;
                               self->m_stream.socket().close(ignored);
                               return;
                             }
                             self->drainUntilClosed();
                           });
}

}  // namespace anju::server::web
