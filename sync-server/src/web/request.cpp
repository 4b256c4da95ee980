#include "web/request.h"

#include <strings.h>

#include <algorithm>
#include <iterator>

namespace anju::server::web {
namespace {

template <typename Map>
std::string valueAt(const Map& map, const std::string& key, std::size_t id) {
  auto [first, last] = map.equal_range(key);
  if (static_cast<std::size_t>(std::distance(first, last)) <= id) return {};
  std::advance(first, static_cast<std::ptrdiff_t>(id));
  return first->second;
}

}  // namespace

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  // Header names are ASCII tokens, so the C locale's comparison is the right one.
  return ::strcasecmp(a.c_str(), b.c_str()) < 0;
}

bool Request::has_header(const std::string& key) const { return headers.count(key) > 0; }

std::string Request::get_header_value(const std::string& key, std::size_t id) const {
  return valueAt(headers, key, id);
}

bool Request::has_param(const std::string& key) const { return params.count(key) > 0; }

std::string Request::get_param_value(const std::string& key, std::size_t id) const {
  return valueAt(params, key, id);
}

bool Response::has_header(const std::string& key) const { return headers.count(key) > 0; }

std::string Response::get_header_value(const std::string& key, std::size_t id) const {
  return valueAt(headers, key, id);
}

void Response::set_header(const std::string& key, const std::string& value) {
  headers.erase(key);
  headers.emplace(key, value);
}

void Response::set_content(std::string content, const std::string& contentType) {
  body = std::move(content);
  set_header("Content-Type", contentType);
}

void Response::set_redirect(const std::string& url, int redirectStatus) {
  set_header("Location", url);
  status = redirectStatus;
}

void Response::set_content_provider(std::size_t length, const std::string& contentType,
                                    ContentProvider contentProvider,
                                    ContentProviderResourceReleaser release) {
  set_header("Content-Type", contentType);
  providedLength = length;
  provider = std::move(contentProvider);
  releaser = std::move(release);
}

void Response::set_chunked_content_provider(const std::string& contentType,
                                            ContentProviderWithoutLength contentProvider,
                                            ContentProviderResourceReleaser release) {
  set_header("Content-Type", contentType);
  chunkedProvider = std::move(contentProvider);
  releaser = std::move(release);
}

}  // namespace anju::server::web
