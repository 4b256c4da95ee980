// ExportSink: where a streaming export writes its bytes, a chunk at a time (an HTTP response
// body, a file). Returning false means the receiver is gone; the export then stops with
// unavailable and writes nothing more.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju::server {

using ExportSink = std::function<bool(std::string_view bytes)>;

/// Collects small writes and hands them to the sink in blocks of about `blockBytes`.
class BufferedSink {
 public:
  explicit BufferedSink(ExportSink sink, std::size_t blockBytes = 64 * 1024)
      : m_sink(std::move(sink)), m_block(blockBytes) {}
  Status write(std::string_view bytes) {
    m_buffer.append(bytes);
    return m_buffer.size() >= m_block ? flush() : Status::ok();
  }
  Status flush() {
    if (m_buffer.empty()) return Status::ok();
    const bool ok = m_sink(m_buffer);
    m_buffer.clear();
    return ok ? Status::ok() : Status::unavailable(msg("export.receiver_went_away"));
  }

 private:
  ExportSink m_sink;
  std::size_t m_block;
  std::string m_buffer;
};

/// A sink appending to an open stdio file (borrowed); false on a write error.
inline ExportSink fileSink(std::FILE* file) {
  return [file](std::string_view bytes) {
    return std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  };
}

}  // namespace anju::server
