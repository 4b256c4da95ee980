// Exchange: one protocol request with the retry policy, and the one place where HTTP answers
// become Status values with plain words for the user.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

#include "anju/http_transport.h"
#include "anju/sync_client.h"

namespace anju::sync {

class Exchange {
 public:
  /// All borrowed; `cancel` may be null.
  Exchange(HttpTransport& transport, SyncClock& clock, const SyncOptions& options,
           const std::atomic<bool>* cancel)
      : m_transport(transport), m_clock(clock), m_options(options), m_cancel(cancel) {}

  /// Checks a 200 answer's body (typically: parse it and check a field every real answer has).
  /// A body that fails is treated like a cut connection and retried: a connection that drops
  /// mid-answer can leave libcurl with a "complete" but empty or truncated body, and an empty
  /// body is a valid (empty) protobuf message.
  using BodyCheck = std::function<bool(const std::string& body)>;

  /// Sends `request`, retrying network errors, 5xx and 200 answers failing `check` with
  /// backoff, up to maxAttempts tries. Returns the response for any other status; unavailable
  /// when the tries are used up or the sync was cancelled (check cancelled()).
  Result<HttpResponse> send(const HttpRequest& request, const BodyCheck& check = {});

  bool cancelled() const { return m_cancel && m_cancel->load(); }
  const std::atomic<bool>* cancelFlag() const { return m_cancel; }
  int retries() const { return m_retries; }

 private:
  HttpTransport& m_transport;
  SyncClock& m_clock;
  HttpRequest withLanguage(const HttpRequest& request) const;

  const SyncOptions& m_options;
  const std::atomic<bool>* m_cancel;
  int m_retries = 0;
};

/// A protobuf request to `target` with the bearer token (none when empty).
HttpRequest protobufRequest(std::string method, std::string target, std::string body,
                            std::string_view token);

/// The Status for an HTTP answer the caller did not expect: 401 unauthenticated ("sign in
/// again"), 403 permissionDenied, other 4xx invalidArgument, 5xx unavailable; the message names
/// the `action` being done (a plain text or a messageRef) and carries the server's own message
/// (anju.v1.Error) in `locale`.
Status httpError(const HttpResponse& response, MessageParam action, Locale locale);

}  // namespace anju::sync
