// Request and Response as handlers see them. The member names are cpp-httplib's (req.matches,
// res.set_content, res.set_chunked_content_provider, …) on purpose: the handlers were written
// against httplib, and keeping its vocabulary means moving the HTTP layer to the event-driven
// engine (web/http_server.h) changed only their type names. New code may use them as they are.
//
// Not thread-safe: one request is handled by one worker at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <regex>
#include <string>

namespace anju::server::web {

/// Header names compare case-insensitively (RFC 9110 §5.1).
struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
using Params = std::multimap<std::string, std::string>;

/// Where a handler's streamed request body goes: false stops reading (the connection is then
/// closed after the response, since the rest of the body was not consumed).
using ContentReceiver = std::function<bool(const char* data, std::size_t length)>;
/// Reads the request body (decompressed when Content-Encoding: gzip) into a receiver; false
/// when the body could not be read whole: the connection broke or stalled, the gzip stream was
/// bad, or the receiver said stop.
using ContentReader = std::function<bool(const ContentReceiver& receiver)>;

struct Request {
  std::string method;
  std::string path;    // percent-decoded, without the query
  std::string target;  // as sent: path and query
  Headers headers;
  /// The whole body, for routes registered without a ContentReader (decompressed).
  std::string body;
  Params params;  // the query, decoded ("+" is a space)
  /// The route pattern's groups, matched against `path` (which therefore must not move).
  std::smatch matches;
  std::string remote_addr;
  int remote_port = 0;

  bool has_header(const std::string& key) const;
  std::string get_header_value(const std::string& key, std::size_t id = 0) const;
  bool has_param(const std::string& key) const;
  std::string get_param_value(const std::string& key, std::size_t id = 0) const;
};

/// Given to a content provider: write() sends bytes to the client now (false once the
/// connection is gone); done() ends the body. For chunked bodies, done_with_trailer() ends it
/// with trailer fields instead (RFC 9112 §7.1.2).
struct DataSink {
  std::function<bool(const char* data, std::size_t length)> write;
  std::function<void()> done;
  std::function<void(const Headers& trailer)> done_with_trailer;
  std::function<bool()> is_writable;
};

/// Produces body bytes from `offset`; false aborts the response (the connection is closed, so
/// the client sees an incomplete body, never a silently short one).
using ContentProvider = std::function<bool(std::size_t offset, std::size_t length, DataSink&)>;
using ContentProviderWithoutLength = std::function<bool(std::size_t offset, DataSink&)>;
/// Runs once the body was sent (`success`) or abandoned.
using ContentProviderResourceReleaser = std::function<void(bool success)>;

struct Response {
  int status = -1;  // -1: not set by the handler; 200 for a matched route, 404 otherwise
  Headers headers;
  std::string body;

  bool has_header(const std::string& key) const;
  std::string get_header_value(const std::string& key, std::size_t id = 0) const;
  /// Replaces any earlier value of `key`.
  void set_header(const std::string& key, const std::string& value);
  void set_content(std::string content, const std::string& contentType);
  void set_redirect(const std::string& url, int redirectStatus = 302);
  /// A body of known `length`, produced while it is written (e.g. from a file).
  void set_content_provider(std::size_t length, const std::string& contentType,
                            ContentProvider provider,
                            ContentProviderResourceReleaser releaser = nullptr);
  /// A body of unknown length, sent with Transfer-Encoding: chunked.
  void set_chunked_content_provider(const std::string& contentType,
                                    ContentProviderWithoutLength provider,
                                    ContentProviderResourceReleaser releaser = nullptr);

  // Read by the engine.
  std::size_t providedLength = 0;
  ContentProvider provider;
  ContentProviderWithoutLength chunkedProvider;
  ContentProviderResourceReleaser releaser;
};

}  // namespace anju::server::web
