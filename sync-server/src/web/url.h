// The parts of a request target: the percent-decoded path and the query parameters (RFC 3986;
// "+" in the query is a space, as HTML forms and httplib's client send it). Decoding is
// libcurl's (curl_easy_unescape); this only splits at '?', '&' and '='.
#pragma once

#include <string>
#include <string_view>

#include "web/request.h"

namespace anju::server::web {

/// Sets `path` and `params` of `req` from `target` ("/v1/x?a=1&b=%E4%B8%AD").
void splitTarget(std::string_view target, Request& req);

/// Percent-decodes `text` (with '+' as a space when `plusIsSpace`).
std::string percentDecode(std::string_view text, bool plusIsSpace);

}  // namespace anju::server::web
