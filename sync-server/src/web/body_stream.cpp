#include "web/body_stream.h"

#include <boost/beast/http/read.hpp>
#include <optional>

#include "web/gzip_inflater.h"

namespace anju::server::web {

namespace http = boost::beast::http;

bool BodyStream::read(const ContentReceiver& receiver) {
  std::optional<GzipInflater> inflater;
  if (m_gzip) inflater.emplace();
  bool sawBytes = false;
  char chunk[64 * 1024];
  while (!m_parser.is_done()) {
    http::buffer_body::value_type& body = m_parser.get().body();
    body.data = chunk;
    body.size = sizeof chunk;
    boost::beast::error_code ec;
    http::read_some(m_socket, m_buffer, m_parser, ec);
    if (ec == http::error::need_buffer) ec = {};
    const std::size_t n = sizeof chunk - m_parser.get().body().size;
    if (n > 0) {
      sawBytes = true;
      const bool taken = inflater ? inflater->feed(chunk, n, receiver) : receiver(chunk, n);
      if (!taken) return false;  // bad gzip, or the handler stopped (e.g. past its limit)
    }
    if (ec) {
      m_broken = true;
      return false;
    }
  }
  // A gzip body that ended before its trailer is not gzip (an empty body is simply empty).
  if (inflater && sawBytes && !inflater->finished()) return false;
  return true;
}

}  // namespace anju::server::web
