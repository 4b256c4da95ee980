// The edge of the HTTP server: reading bounded request bodies, the per-request log line and
// metrics, and turning whatever escapes a handler (the engine's own errors, exceptions) into an
// anju.v1.Error response. Exceptions stop here.
#pragma once

#include <optional>
#include <string>

#include "http/api_error.h"
#include "http/metrics.h"
#include "web/router.h"

namespace anju::server {

struct BodyRead {
  std::string bytes;              // decompressed when Content-Encoding: gzip
  std::optional<ApiError> error;  // set when the body was too large or unreadable
  /// The connection ended before the whole (unencoded) body arrived; `bytes` holds the prefix
  /// that did arrive, e.g. the start of a photo chunk worth keeping.
  bool cut = false;
};

/// Reads the request body through `reader`, at most `limit` bytes after decompression.
BodyRead readBody(const web::Request& req, web::Response& res, const web::ContentReader& reader,
                  std::size_t limit);

/// Remembers, for the request running on this thread, who made it (for the log line).
void noteRequestUser(const std::string& userName);

/// Installs the pre-routing timer, the logger (log line + metrics), the error handler (Error
/// bodies for engine-made errors) and the exception handler. `metrics` is borrowed.
void installEdgeHandlers(web::Router& server, Metrics& metrics);

}  // namespace anju::server
