// BodyStream: the request body of one request, read on demand from the connection by a worker
// and passed to the handler's receiver chunk by chunk (inflated when Content-Encoding: gzip).
// Memory stays flat whatever the body size: one 64 KiB buffer (and zlib's window).
//
// Not thread-safe: used by the one worker serving the request.
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>

#include "web/request.h"
#include "web/sync_channel.h"

namespace anju::server::web {

class BodyStream {
 public:
  using Parser = boost::beast::http::request_parser<boost::beast::http::buffer_body>;

  /// All borrowed for the duration of the request.
  BodyStream(SyncChannel& socket, boost::beast::flat_buffer& buffer, Parser& parser, bool gzip)
      : m_socket(socket), m_buffer(buffer), m_parser(parser), m_gzip(gzip) {}

  /// Reads the rest of the body into `receiver`; see ContentReader (web/request.h).
  bool read(const ContentReceiver& receiver);

  /// The connection broke or stalled mid-body: it cannot carry another request.
  bool broken() const { return m_broken; }

 private:
  SyncChannel& m_socket;
  boost::beast::flat_buffer& m_buffer;
  Parser& m_parser;
  bool m_gzip;
  bool m_broken = false;
};

}  // namespace anju::server::web
