// ApiError: the one place where service and storage errors become HTTP statuses and
// anju.v1.Error bodies (docs/protocol.md, "Errors"). Handlers never pick an error status
// themselves; they build an ApiError from a Status or with one of the named factories.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anju/status.h"

namespace anju::server::web {
struct Response;
}

namespace anju::server {

struct ApiError {
  int httpStatus = 500;
  std::string code;  // stable machine code, e.g. "unauthenticated"
  std::string message;
  std::vector<FieldError> fields;

  static ApiError fromStatus(const Status& status);
  static ApiError payloadTooLarge(std::size_t limit);
  static ApiError tooManyChanges(int limit);
  static ApiError photoTooLarge(std::int64_t limit);
  static ApiError badBody(const std::string& what);
  static ApiError unsupportedEncoding();
  static ApiError hashMismatch(const std::string& sha256);
  /// 507: the disk is full (storageFullStatus); nothing of the request was kept.
  static ApiError storageFull();
  static ApiError notFound(const std::string& path);
  /// For statuses the HTTP engine produced before any handler ran (e.g. 413, 400 on a broken
  /// request).
  static ApiError fromHttpStatus(int status);
};

/// Writes `error` as an anju.v1.Error protobuf body with its status.
void sendError(web::Response& res, const ApiError& error);

}  // namespace anju::server
