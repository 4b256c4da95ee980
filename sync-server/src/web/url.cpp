#include "web/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace anju::server::web {

std::string percentDecode(std::string_view text, bool plusIsSpace) {
  std::string in(text);
  if (plusIsSpace) std::replace(in.begin(), in.end(), '+', ' ');
  if (in.find('%') == std::string::npos) return in;
  int length = 0;
  // libcurl ignores the handle here (documented since 7.82); the result is malloc'ed by curl.
  std::unique_ptr<char, decltype(&curl_free)> out(
      curl_easy_unescape(nullptr, in.data(), static_cast<int>(in.size()), &length), &curl_free);
  if (!out) return in;
  return std::string(out.get(), static_cast<std::size_t>(length));
}

void splitTarget(std::string_view target, Request& req) {
  const std::size_t question = target.find('?');
  req.path = percentDecode(target.substr(0, question), /*plusIsSpace=*/false);
  if (question == std::string_view::npos) return;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    req.params.emplace(
        percentDecode(pair.substr(0, eq), true),
        eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true));
  }
}

}  // namespace anju::server::web
