#include "http/api_error.h"

#include "anju/v1/sync.pb.h"
#include "util/storage_full.h"
#include "util/utf8_text.h"
#include "web/request.h"

namespace anju::server {

ApiError ApiError::fromStatus(const Status& status) {
  ApiError e;
  if (isStorageFull(status)) return storageFull();
  e.message = status.message();
  e.fields = status.fieldErrors();
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
      e.message = "服务器内部错误 / internal server error";
      e.fields.clear();
      break;
  }
  return e;
}

ApiError ApiError::payloadTooLarge(std::size_t limit) {
  return {413,
          "payload_too_large",
          "请求体过大 / request body exceeds " + std::to_string(limit) + " bytes",
          {}};
}

ApiError ApiError::tooManyChanges(int limit) {
  return {413,
          "payload_too_large",
          "一次最多推送 " + std::to_string(limit) + " 条 / at most " + std::to_string(limit) +
              " changes per push",
          {}};
}

ApiError ApiError::photoTooLarge(std::int64_t limit) {
  return {413,
          "payload_too_large",
          "照片超过服务器上限 / photo exceeds the server's limit of " + std::to_string(limit) +
              " bytes",
          {}};
}

ApiError ApiError::badBody(const std::string& what) {
  return {400, "bad_request", "请求体无法解析 / malformed request body: " + what, {}};
}

ApiError ApiError::unsupportedEncoding() {
  return {415,
          "unsupported_encoding",
          "不支持的内容编码 / unsupported Content-Encoding (use gzip or none)",
          {}};
}

ApiError ApiError::hashMismatch(const std::string& sha256) {
  return {422,
          "hash_mismatch",
          "照片数据与哈希不符,已丢弃,请重新上传 / bytes do not match sha256 " + sha256 +
              "; discarded, upload again from offset 0",
          {}};
}

ApiError ApiError::storageFull() {
  return {507,
          "storage_full",
          "服务器存储空间已满，本次数据未保存，请稍后再同步 / the server's disk is full; nothing "
          "from this request was stored, sync again later",
          {}};
}

ApiError ApiError::notFound(const std::string& path) {
  return {404, "not_found", "没有此接口 / no such endpoint: " + path, {}};
}

ApiError ApiError::fromHttpStatus(int status) {
  switch (status) {
    case 400:
      return badBody("request could not be read");
    case 404:
      return {404, "not_found", "没有此接口 / no such endpoint", {}};
    case 413:
      return {413, "payload_too_large", "请求体过大 / request body too large", {}};
    case 415:
      return unsupportedEncoding();
    default:
      break;
  }
  return {status,
          status >= 500 ? "internal" : "bad_request",
          "请求失败 / request failed with HTTP " + std::to_string(status),
          {}};
}

void sendError(web::Response& res, const ApiError& error) {
  v1::Error body;
  // Messages may quote what the client sent (a path segment, a query value): raw bytes that
  // are not UTF-8 would make the whole Error unparseable for the client.
  body.set_code(error.code);
  body.set_message(toValidUtf8(error.message));
  for (const FieldError& f : error.fields) {
    v1::FieldProblem* p = body.add_fields();
    p->set_field(toValidUtf8(f.field));
    p->set_message(toValidUtf8(f.message));
  }
  res.status = error.httpStatus;
  res.set_content(body.SerializeAsString(), "application/x-protobuf");
}

}  // namespace anju::server
