// Streaming gzip decompression of a request body (Content-Encoding: gzip), so a handler sees the
// decoded bytes chunk by chunk and can stop a "zip bomb" at its own limit without the server
// inflating it first. zlib does the decoding.
#pragma once

#include <zlib.h>

#include <cstddef>

#include "web/request.h"

namespace anju::server::web {

class GzipInflater {
 public:
  GzipInflater();
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  /// Inflates `data` into `out` piece by piece. False when the bytes are not gzip, or `out`
  /// returned false.
  bool feed(const char* data, std::size_t length, const ContentReceiver& out);
  /// True once the gzip stream's trailer arrived: a body that ends before it is cut or bad.
  bool finished() const { return m_finished; }

 private:
  z_stream m_stream{};
  bool m_ready = false;
  bool m_finished = false;
};

}  // namespace anju::server::web
