#include "sync/gzip.h"

#include <zlib.h>

namespace anju::sync {
namespace {

// windowBits 15 + 16: zlib writes (and, inflating, expects) a gzip header and trailer.
constexpr int kGzipWindowBits = 15 + 16;

}  // namespace

Result<std::string> gzipCompress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return Status::internal(msg("sync.gzip_init_failed"));
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  // deflateBound is enough room for a single Z_FINISH call.
  const int rc = deflate(&zs, Z_FINISH);
  const uLong written = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::internal(msg("sync.gzip_compression_failed"));
  out.resize(written);
  return out;
}

Result<std::string> gzipDecompress(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, kGzipWindowBits) != Z_OK)
    return Status::internal(msg("sync.gzip_init_failed"));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[64 * 1024];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::invalidArgument(msg("sync.not_valid_gzip_data"));
  return out;
}

}  // namespace anju::sync
