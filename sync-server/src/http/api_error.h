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
  Message message;   // catalogue id and parameters, worded per request (Accept-Language)
  std::vector<FieldError> fields;
  /// The words of a Status made from free text (no id), from code not yet converted.
  std::string freeText = {};
  /// Seconds for a Retry-After header (429 after too many failed sign-ins); 0: none.
  int retryAfterSeconds = 0;

  /// The message in `locale`: rendered from the id, or the free text.
  std::string text(Locale locale) const;

  static ApiError fromStatus(const Status& status);
  static ApiError payloadTooLarge(std::size_t limit);
  static ApiError tooManyChanges(int limit);
  static ApiError photoTooLarge(std::int64_t limit);
  static ApiError badBody(const std::string& what);
  static ApiError unsupportedEncoding();
  static ApiError hashMismatch(const std::string& sha256);
  /// 507: the disk is full (storageFullStatus); nothing of the request was kept.
  static ApiError storageFull();
  /// 429 with Retry-After: too many failed sign-ins (service/login_throttle.h).
  static ApiError loginThrottled(const Message& message);
  static ApiError notFound(const std::string& path);
  /// For statuses the HTTP engine produced before any handler ran (e.g. 413, 400 on a broken
  /// request).
  static ApiError fromHttpStatus(int status);
};

/// Writes `error` as an anju.v1.Error protobuf body with its status, worded in the language of
/// the request being served (requestLocale()).
void sendError(web::Response& res, const ApiError& error);

/// The words of a field problem in `locale`: rendered from its id, or its free text.
std::string fieldText(const FieldError& field, Locale locale);

/// The language the request running on this thread asked for (Accept-Language; Chinese when it
/// did not ask). Set by the pre-routing handler (installEdgeHandlers).
Locale requestLocale();
void setRequestLocale(Locale locale);

}  // namespace anju::server
