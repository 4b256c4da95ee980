// HttpTransport: how the sync client talks HTTP, as an interface, so the client can be tested
// without a network (a fake answers in memory) and the app can use libcurl (curl_transport.h).
//
// One request in, one response or one network error out. An HTTP error status (4xx/5xx) is a
// response, not an error: the caller decides what it means. Errors are only for when no complete
// response arrived: unavailable (cannot connect, connection cut, timed out, cancelled — any of
// them may succeed later), permissionDenied (the server's TLS certificate is not trusted: retrying
// will not help) or invalidArgument (a malformed URL).
//
// Thread-safety: an implementation serves one request at a time; callers do not share one
// transport between threads without their own lock.
#pragma once

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "anju/status.h"

namespace anju {

struct HttpRequest {
  std::string method;  // "GET", "POST", "PUT"
  std::string target;  // path and query, e.g. "/v1/photos/ab…?offset=0&total=12"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::string contentType;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends `request` and waits for the whole response. When `cancel` (may be null) becomes true
  /// the request is abandoned promptly and unavailable is returned; whether the server acted on
  /// it is then unknown, which the sync protocol makes harmless (idempotent pushes, resumable
  /// photo uploads, cursors stored with the data).
  virtual Result<HttpResponse> send(const HttpRequest& request,
                                    const std::atomic<bool>* cancel) = 0;
};

}  // namespace anju
