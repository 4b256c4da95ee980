// CurlTransport: HttpTransport over one libcurl easy handle (connections are kept alive and
// reused between requests). http:// is for tests and a local network; a tablet in the field
// talks https:// with libcurl's normal certificate and host name verification (never turned off;
// a private CA is given as caBundlePath).
//
// Thread-safety: one request at a time (see HttpTransport).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "anju/http_transport.h"

namespace anju {

struct CurlOptions {
  /// "https://anju.example.gov.cn" or "http://127.0.0.1:8080"; a path prefix is allowed
  /// ("https://host/anju"); requests' targets are appended to it.
  std::string baseUrl;
  /// Giving up on connecting (DNS + TCP + TLS) after this long.
  std::chrono::milliseconds connectTimeout{10000};
  /// A transfer slower than lowSpeedBytesPerSecond for lowSpeedTime is abandoned as stalled
  /// (mobile networks drop to nothing without closing the connection). No total timeout: a big
  /// photo chunk on a slow but moving link is fine.
  long lowSpeedBytesPerSecond = 64;
  std::chrono::seconds lowSpeedTime{30};
  /// PEM file of trusted CAs instead of the system's; empty: the system store.
  std::string caBundlePath;
};

class CurlTransport final : public HttpTransport {
 public:
  /// invalidArgument for a base URL that is not http:// or https://; internal when libcurl
  /// cannot be initialised.
  static Result<std::unique_ptr<CurlTransport>> create(CurlOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> send(const HttpRequest& request, const std::atomic<bool>* cancel) override;

 private:
  CurlTransport(CurlOptions options, void* handle);

  CurlOptions m_options;
  void* m_handle;  // CURL*, owned
};

}  // namespace anju
