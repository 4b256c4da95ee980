#include "http/api_error.h"

#include "anju/v1/sync.pb.h"
#include "service/auth_service.h"  // kLoginThrottledId
#include "service/wire_messages.h"
#include "util/storage_full.h"
#include "util/utf8_text.h"
#include "web/request.h"

namespace anju::server {

ApiError ApiError::fromStatus(const Status& status) {
  ApiError e;
  if (isStorageFull(status)) return storageFull();
  if (status.text().id == kLoginThrottledId) return loginThrottled(status.text());
  e.message = status.text();
  if (e.message.empty()) e.freeText = status.message();
  e.fields = status.fieldErrors();
  // The tablet wipes itself on this code (docs/protocol.md, "A lost tablet").
  if (status.code() == StatusCode::kUnauthenticated && status.text().id == kTokenRevokedId) {
    e.httpStatus = 401;
    e.code = "token_revoked";
    return e;
  }
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      e.httpStatus = 400;
      e.code = "bad_request";
      break;
    case StatusCode::kNotFound:
      e.httpStatus = 404;
      e.code = "not_found";
      break;
    case StatusCode::kAlreadyExists:
      e.httpStatus = 409;
      e.code = "already_exists";
      break;
    case StatusCode::kConflict:
      e.httpStatus = 409;
      e.code = "conflict";
      break;
    case StatusCode::kPermissionDenied:
      e.httpStatus = 403;
      e.code = "forbidden";
      break;
    case StatusCode::kUnauthenticated:
      e.httpStatus = 401;
      e.code = "unauthenticated";
      break;
    case StatusCode::kUnavailable:
      e.httpStatus = 503;
      e.code = "unavailable";
      break;
    // Damaged data, disk errors and bugs are the server's fault; the details go to the log.
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
    case StatusCode::kInternal:
    case StatusCode::kOk:
      e.httpStatus = 500;
      e.code = "internal";
      e.message = msg("http.internal_server_error");
      e.freeText.clear();
      e.fields.clear();
      break;
  }
  return e;
}

ApiError ApiError::payloadTooLarge(std::size_t limit) {
  return {
      413, "payload_too_large", msg("http.body_too_large", {{"limit", std::to_string(limit)}}), {}};
}

ApiError ApiError::tooManyChanges(int limit) {
  return {413,
          "payload_too_large",
          msg("http.too_many_changes", {{"limit", std::to_string(limit)}}),
          {}};
}

ApiError ApiError::photoTooLarge(std::int64_t limit) {
  return {413,
          "payload_too_large",
          msg("http.photo_too_large", {{"limit", std::to_string(limit)}}),
          {}};
}

ApiError ApiError::badBody(const std::string& what) {
  return {400, "bad_request", msg("http.malformed_body", {{"detail", what}}), {}};
}

ApiError ApiError::unsupportedEncoding() {
  return {415, "unsupported_encoding", msg("http.unsupported_content_encoding_use"), {}};
}

ApiError ApiError::hashMismatch(const std::string& sha256) {
  return {422, "hash_mismatch", msg("http.hash_mismatch", {{"sha256", sha256}}), {}};
}

ApiError ApiError::loginThrottled(const Message& message) {
  ApiError e{429, "too_many_requests", message, {}};
  for (const MessageParam& p : message.params)
    if (p.name == "seconds") e.retryAfterSeconds = std::atoi(p.value.c_str());
  return e;
}

ApiError ApiError::storageFull() { return {507, "storage_full", msg("http.storage_full"), {}}; }

ApiError ApiError::notFound(const std::string& path) {
  return {404, "not_found", msg("http.no_such_endpoint_at", {{"path", path}}), {}};
}

ApiError ApiError::fromHttpStatus(int status) {
  switch (status) {
    case 400:
      return badBody("request could not be read");
    case 404:
      return {404, "not_found", msg("http.no_such_endpoint"), {}};
    case 413:
      return {413, "payload_too_large", msg("http.request_body_too_large"), {}};
    case 415:
      return unsupportedEncoding();
    default:
      break;
  }
  return {status,
          status >= 500 ? "internal" : "bad_request",
          msg("http.request_failed", {{"status", std::to_string(status)}}),
          {}};
}

std::string ApiError::text(Locale locale) const {
  return message.empty() ? freeText : render(message, locale);
}

std::string fieldText(const FieldError& field, Locale locale) {
  return field.text.empty() ? field.message : render(field.text, locale);
}

namespace {

thread_local Locale tlLocale = Locale::kChinese;

}  // namespace

Locale requestLocale() { return tlLocale; }
void setRequestLocale(Locale locale) { tlLocale = locale; }

void sendError(web::Response& res, const ApiError& error) {
  v1::Error body;
  // Messages may quote what the client sent (a path segment, a query value): raw bytes that
  // are not UTF-8 would make the whole Error unparseable for the client.
  const Locale locale = requestLocale();
  body.set_code(error.code);
  body.set_message(toValidUtf8(error.text(locale)));
  body.set_message_id(error.message.id);
  setWireParams(error.message.params, body.mutable_params());
  for (const FieldError& f : error.fields) {
    v1::FieldProblem* p = body.add_fields();
    setFieldProblem(*p, f);
    p->set_message(toValidUtf8(fieldText(f, locale)));
  }
  res.status = error.httpStatus;
  if (error.retryAfterSeconds > 0)
    res.set_header("Retry-After", std::to_string(error.retryAfterSeconds));
  res.set_content(body.SerializeAsString(), "application/x-protobuf");
}

}  // namespace anju::server
