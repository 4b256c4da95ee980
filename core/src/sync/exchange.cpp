#include "sync/exchange.h"

#include <algorithm>

#include "anju/v1/sync.pb.h"

namespace anju::sync {

Result<HttpResponse> Exchange::send(const HttpRequest& request, const BodyCheck& check) {
  Status last;
  for (int attempt = 0; attempt < std::max(1, m_options.maxAttempts); ++attempt) {
    if (attempt > 0) {
      ++m_retries;
      const double r = m_options.random ? m_options.random() : 0.5;
      if (!m_clock.sleepFor(backoffDelay(m_options, attempt - 1, r), m_cancel))
        return Status::unavailable("已取消 / cancelled");
    }
    if (cancelled()) return Status::unavailable("已取消 / cancelled");
    Result<HttpResponse> response = m_transport.send(request, m_cancel);
    if (!response) {
      // Only a network failure is worth another try; a distrusted certificate or a bad URL is not.
      if (response.status().code() != StatusCode::kUnavailable) return response.status();
      last = response.status();
      continue;
    }
    if (response->status >= 500) {
      last = httpError(*response, request.method + " " + request.target.substr(0, 40));
      continue;
    }
    if (response->status == 200 && check && !check(response->body)) {
      last = Status::unavailable("服务器的回应不完整 / the server's answer arrived incomplete");
      continue;
    }
    return response;
  }
  return Status::unavailable("已重试 " + std::to_string(m_options.maxAttempts) +
                             " 次仍失败，请稍后再同步 / failed after " +
                             std::to_string(m_options.maxAttempts) +
                             " tries, sync again later: " + last.message());
}

HttpRequest protobufRequest(std::string method, std::string target, std::string body,
                            std::string_view token) {
  HttpRequest request{std::move(method), std::move(target), {}, std::move(body)};
  request.headers.emplace_back("Content-Type", "application/x-protobuf");
  request.headers.emplace_back("Accept", "application/x-protobuf");
  if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + std::string(token));
  return request;
}

Status httpError(const HttpResponse& response, std::string_view what) {
  v1::Error error;
  std::string serverSays;
  if (error.ParseFromString(response.body) && !error.message().empty()) {
    serverSays = error.message();
    for (const v1::FieldProblem& f : error.fields())
      serverSays += "; " + f.field() + ": " + f.message();
  } else {
    serverSays = response.body.substr(0, 200);
  }
  const std::string detail = " (" + std::string(what) + ", HTTP " +
                             std::to_string(response.status) +
                             (serverSays.empty() ? "" : ": " + serverSays) + ")";
  const int code = response.status;
  if (code == 401)
    return Status::unauthenticated("登录已失效，请重新登录 / you are signed out, sign in again" +
                                   detail);
  if (code == 403) return Status::permissionDenied("没有权限 / not allowed" + detail);
  if (code == 413)
    return Status::invalidArgument("数据超出服务器限制 / too large for the server" + detail);
  if (code >= 500)
    return Status::unavailable("服务器暂时不可用 / the server is unavailable" + detail);
  return Status::invalidArgument("服务器拒绝了请求 / the server refused the request" + detail);
}

}  // namespace anju::sync
