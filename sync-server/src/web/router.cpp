#include "web/router.h"

namespace anju::server::web {

Router& Router::add(const std::string& method, const std::string& pattern, Handler handler,
                    HandlerWithContentReader streamed, Lane lane) {
  m_routes.push_back({method, std::regex(pattern), std::move(handler), std::move(streamed), lane});
  return *this;
}

Router& Router::Get(const std::string& pattern, Handler handler, Lane lane) {
  return add("GET", pattern, std::move(handler), nullptr, lane);
}
Router& Router::Post(const std::string& pattern, Handler handler, Lane lane) {
  return add("POST", pattern, std::move(handler), nullptr, lane);
}
Router& Router::Post(const std::string& pattern, HandlerWithContentReader handler, Lane lane) {
  return add("POST", pattern, nullptr, std::move(handler), lane);
}
Router& Router::Put(const std::string& pattern, Handler handler, Lane lane) {
  return add("PUT", pattern, std::move(handler), nullptr, lane);
}
Router& Router::Put(const std::string& pattern, HandlerWithContentReader handler, Lane lane) {
  return add("PUT", pattern, nullptr, std::move(handler), lane);
}
Router& Router::Delete(const std::string& pattern, Handler handler, Lane lane) {
  return add("DELETE", pattern, std::move(handler), nullptr, lane);
}

const Router::Route* Router::find(const std::string& method, const std::string& path,
                                  std::smatch* matches) const {
  // HEAD is answered by the GET route (the engine leaves the body out).
  const std::string& asMethod = method == "HEAD" ? std::string("GET") : method;
  std::smatch scratch;
  for (const Route& route : m_routes) {
    if (route.method != asMethod) continue;
    if (std::regex_match(path, matches ? *matches : scratch, route.pattern)) return &route;
  }
  return nullptr;
}

Lane Router::laneFor(const std::string& method, const std::string& path) const {
  const Route* route = find(method, path, nullptr);
  return route ? route->lane : Lane::kGeneral;
}

void Router::runRoute(const Route& route, Request& req, Response& res,
                      const ContentReader& readBody) const {
  if (route.streamed) return route.streamed(req, res, readBody);
  // The whole body, bounded. An oversized plain body is read to its end and dropped, so the
  // client (which is still sending) gets the 413 and the connection stays usable; an oversized
  // compressed one stops at once (it could inflate without bound) and the connection closes.
  const bool encoded = req.has_header("Content-Encoding");
  bool tooLarge = false;
  std::string& body = req.body;
  const bool ok = readBody([&](const char* data, std::size_t n) {
    if (tooLarge) return true;
    if (body.size() + n > m_payloadMax) {
      tooLarge = true;
      body.clear();
      return !encoded;
    }
    body.append(data, n);
    return true;
  });
  if (tooLarge) {
    res.status = 413;
  } else if (!ok) {
    res.status = 400;
  } else {
    route.handler(req, res);
  }
}

void Router::dispatch(Request& req, Response& res, const ContentReader& readBody) const {
  bool routed = false;
  try {
    if (m_preRouting && m_preRouting(req, res) == HandlerResponse::Handled) {
      routed = true;
    } else if (const Route* route = find(req.method, req.path, &req.matches)) {
      routed = true;
      runRoute(*route, req, res, readBody);
    }
  } catch (...) {
    routed = true;
    if (m_exception) {
      m_exception(req, res, std::current_exception());
    } else {
      res.status = 500;
    }
  }
  if (res.status == -1) res.status = routed ? 200 : 404;
  if (res.status >= 400 && m_error) {
    try {
      m_error(req, res);
    } catch (...) {
      // The status stands; the body is whatever the error handler got to.
    }
  }
}

}  // namespace anju::server::web
