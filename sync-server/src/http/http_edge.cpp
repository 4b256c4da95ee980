#include "http/http_edge.h"

#include <chrono>

#include "util/log.h"

namespace anju::server {
namespace {

// The engine runs a request start to finish on one worker thread, so per-request state can live in
// thread-locals set by the pre-routing handler and read by the logger.
thread_local std::chrono::steady_clock::time_point tlStart;
thread_local bool tlTimed = false;
thread_local std::string tlUser;

}  // namespace

BodyRead readBody(const web::Request& req, web::Response& res, const web::ContentReader& reader,
                  std::size_t limit) {
  BodyRead out;
  bool tooLarge = false;
  const bool encoded = req.has_header("Content-Encoding");
  const bool ok = reader([&](const char* data, std::size_t n) {
    if (tooLarge) return true;  // draining an oversized plain body keeps the connection usable
    if (out.bytes.size() + n > limit) {
      tooLarge = true;
      out.bytes.clear();
      // A compressed body may inflate without bound: stop reading and drop the connection.
      return !encoded;
    }
    out.bytes.append(data, n);
    return true;
  });
  const std::string encoding = req.get_header_value("Content-Encoding");
  if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
    // The protocol allows gzip only; the reader passes other encodings through as raw bytes.
    out.bytes.clear();
    out.error = ApiError::unsupportedEncoding();
  } else if (tooLarge || res.status == 413) {
    out.error = ApiError::payloadTooLarge(limit);
    if (encoded) res.set_header("Connection", "close");
  } else if (!ok) {
    out.error = res.status == 415 ? ApiError::unsupportedEncoding()
                                  : ApiError::badBody("body could not be read or decompressed");
    out.cut = !encoded && res.status != 415;
  }
  return out;
}

void noteRequestUser(const std::string& userName) { tlUser = userName; }

void installEdgeHandlers(web::Router& server, Metrics& metrics) {
  server.set_pre_routing_handler([](const web::Request& req, web::Response&) {
    // Errors are worded in the language the client asked for; Chinese when it did not ask.
    setRequestLocale(localeFromAcceptLanguage(req.get_header_value("Accept-Language")));
    tlStart = std::chrono::steady_clock::now();
    tlTimed = true;
    tlUser.clear();
    return web::HandlerResponse::Unhandled;
  });

  server.set_error_handler([](const web::Request& req, web::Response& res) {
    // Handlers already wrote an Error body; only the engine's own failures (404, 413 on a body
    // read whole, 400 on a request that is not HTTP) arrive here bare.
    if (!res.body.empty()) return;
    ApiError e =
        res.status == 404 ? ApiError::notFound(req.path) : ApiError::fromHttpStatus(res.status);
    e.httpStatus = res.status;
    sendError(res, e);
  });

  server.set_exception_handler(
      [](const web::Request& req, web::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        logError("exception in " + req.method + " " + req.path + ": " + what);
        sendError(res, ApiError::fromStatus(Status::internal(what)));
      });

  server.set_logger([&metrics](const web::Request& req, const web::Response& res) {
    double seconds = 0;
    if (tlTimed) {
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tlStart).count();
      tlTimed = false;
    }
    const std::string route = routeOf(req.path);
    metrics.countRequest(route, res.status, seconds);
    metrics.addResponseBytes(res.body.size());
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.1fms", seconds * 1000);
    std::string line = req.remote_addr + " " + req.method + " " + req.path + " " +
                       std::to_string(res.status) + " " + duration + " " +
                       std::to_string(res.body.size()) + "B";
    if (!tlUser.empty()) line += " user=" + tlUser;
    logInfo(line);
  });
}

}  // namespace anju::server
