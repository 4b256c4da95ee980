#include "sync/exchange.h"

#include <algorithm>

#include "anju/message_codec.h"
#include "anju/sync_client.h"
#include "anju/v1/sync.pb.h"

namespace anju::sync {

// The server words its errors in the tablet's language (Accept-Language); ids still travel, so
// the app can re-render them after a language switch where it keeps the Status.
HttpRequest Exchange::withLanguage(const HttpRequest& request) const {
  HttpRequest out = request;
  out.headers.emplace_back("Accept-Language",
                           m_options.locale == Locale::kEnglish ? "en" : "zh-CN");
  return out;
}

Result<HttpResponse> Exchange::send(const HttpRequest& request, const BodyCheck& check) {
  Status last;
  for (int attempt = 0; attempt < std::max(1, m_options.maxAttempts); ++attempt) {
    if (attempt > 0) {
      ++m_retries;
      const double r = m_options.random ? m_options.random() : 0.5;
      if (!m_clock.sleepFor(backoffDelay(m_options, attempt - 1, r), m_cancel))
        return Status::unavailable(msg("sync.cancelled"));
    }
    if (cancelled()) return Status::unavailable(msg("sync.cancelled"));
    Result<HttpResponse> response = m_transport.send(withLanguage(request), m_cancel);
    if (!response) {
      // Only a network failure is worth another try; a distrusted certificate or a bad URL is not.
      if (response.status().code() != StatusCode::kUnavailable) return response.status();
      last = response.status();
      continue;
    }
    if (response->status >= 500) {
      last = httpError(*response, {"action", request.method + " " + request.target.substr(0, 40)},
                       m_options.locale);
      continue;
    }
    if (response->status == 200 && check && !check(response->body)) {
      last = Status::unavailable(msg("sync.server_answer_arrived_incomplete"));
      continue;
    }
    return response;
  }
  return Status::unavailable(msg("sync.gave_up", {{"tries", std::to_string(m_options.maxAttempts)},
                                                  {"detail", describe(last, m_options.locale)}}));
}

HttpRequest protobufRequest(std::string method, std::string target, std::string body,
                            std::string_view token) {
  HttpRequest request{std::move(method), std::move(target), {}, std::move(body)};
  request.headers.emplace_back("Content-Type", "application/x-protobuf");
  request.headers.emplace_back("Accept", "application/x-protobuf");
  if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + std::string(token));
  return request;
}

Status httpError(const HttpResponse& response, MessageParam action, Locale locale) {
  v1::Error error;
  std::string serverSays;
  if (error.ParseFromString(response.body) && !error.message().empty()) {
    serverSays = wireText(error.message_id(), error.params(), error.message(), locale);
    for (const v1::FieldProblem& f : error.fields())
      serverSays +=
          "; " + f.field() + ": " + wireText(f.message_id(), f.params(), f.message(), locale);
  } else {
    serverSays = response.body.substr(0, 200);
  }
  action.name = "action";
  std::vector<MessageParam> params{
      std::move(action), {"status", std::to_string(response.status)}, {"server", serverSays}};
  const int code = response.status;
  if (code == 401 && error.code() == "token_revoked")
    return Status::unauthenticated(
        msg(std::string(kDeviceRevokedId), {{"status", "401"}, {"server", serverSays}}));
  if (code == 401) return Status::unauthenticated(msg("sync.signed_out", std::move(params)));
  if (code == 403) return Status::permissionDenied(msg("sync.not_allowed", std::move(params)));
  if (code == 413) return Status::invalidArgument(msg("sync.too_large", std::move(params)));
  if (code >= 500) return Status::unavailable(msg("sync.server_unavailable", std::move(params)));
  return Status::invalidArgument(msg("sync.server_refused", std::move(params)));
}

}  // namespace anju::sync
