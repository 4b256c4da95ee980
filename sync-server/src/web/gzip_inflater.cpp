#include "web/gzip_inflater.h"

namespace anju::server::web {

GzipInflater::GzipInflater() {
  // windowBits 15 + 16: a gzip header and trailer, as the tablets send (core/src/sync/gzip.cpp).
  m_ready = inflateInit2(&m_stream, 15 + 16) == Z_OK;
}

GzipInflater::~GzipInflater() {
  if (m_ready) inflateEnd(&m_stream);
}

bool GzipInflater::feed(const char* data, std::size_t length, const ContentReceiver& out) {
  if (!m_ready) return false;
  if (m_finished) return length == 0;  // bytes after the gzip trailer are not gzip
  unsigned char buffer[64 * 1024];
  m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
  m_stream.avail_in = static_cast<uInt>(length);
  while (m_stream.avail_in > 0 && !m_finished) {
    m_stream.next_out = buffer;
    m_stream.avail_out = sizeof buffer;
    const int rc = inflate(&m_stream, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return false;
    const std::size_t produced = sizeof buffer - m_stream.avail_out;
    if (produced > 0 && !out(reinterpret_cast<const char*>(buffer), produced)) return false;
    if (rc == Z_STREAM_END) m_finished = true;
    if (rc == Z_BUF_ERROR && produced == 0) break;  // needs more input
  }
  return m_stream.avail_in == 0;
}

}  // namespace anju::server::web
