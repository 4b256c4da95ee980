// Router: the route table and the hooks around every request (pre-routing, error, exception,
// logger), with cpp-httplib's registration names (Get/Post/Put/Delete, set_error_handler, …)
// so the handlers' install() functions read as before. The engine (web/http_server.h) calls
// dispatch() on a worker thread once a request's header has arrived.
//
// Routes are tried in registration order; the first pattern that matches the whole decoded path
// wins (like httplib). Each route runs on a lane: kGeneral, or kPasswordHashing for the logins,
// whose Argon2id work gets a small pool of its own so a login storm cannot take every worker
// from sync requests.
//
// Thread-safety: register everything before the server starts; afterwards the table is read-only
// and dispatch() runs concurrently.
#pragma once

#include <exception>
#include <regex>
#include <vector>

#include "web/request.h"

namespace anju::server::web {

enum class Lane { kGeneral, kPasswordHashing };

enum class HandlerResponse { Handled, Unhandled };

using Handler = std::function<void(const Request&, Response&)>;
using HandlerWithContentReader =
    std::function<void(const Request&, Response&, const ContentReader&)>;
using PreRoutingHandler = std::function<HandlerResponse(const Request&, Response&)>;
using ExceptionHandler = std::function<void(const Request&, Response&, std::exception_ptr)>;
using Logger = std::function<void(const Request&, const Response&)>;

class Router {
 public:
  // NOLINTBEGIN(readability-identifier-naming): httplib's names, see the file comment.
  Router& Get(const std::string& pattern, Handler handler, Lane lane = Lane::kGeneral);
  Router& Post(const std::string& pattern, Handler handler, Lane lane = Lane::kGeneral);
  Router& Post(const std::string& pattern, HandlerWithContentReader handler,
               Lane lane = Lane::kGeneral);
  Router& Put(const std::string& pattern, Handler handler, Lane lane = Lane::kGeneral);
  Router& Put(const std::string& pattern, HandlerWithContentReader handler,
              Lane lane = Lane::kGeneral);
  Router& Delete(const std::string& pattern, Handler handler, Lane lane = Lane::kGeneral);

  void set_pre_routing_handler(PreRoutingHandler handler) { m_preRouting = std::move(handler); }
  /// Runs for every answer with status >= 400 before it is written.
  void set_error_handler(Handler handler) { m_error = std::move(handler); }
  void set_exception_handler(ExceptionHandler handler) { m_exception = std::move(handler); }
  /// Runs after the answer was written.
  void set_logger(Logger logger) { m_logger = std::move(logger); }
  /// The limit for bodies read whole (routes without a ContentReader): larger ones get 413.
  void set_payload_max_length(std::size_t bytes) { m_payloadMax = bytes; }
  // NOLINTEND(readability-identifier-naming)

  /// The lane of the route `method` `path` would run (kGeneral when none matches).
  Lane laneFor(const std::string& method, const std::string& path) const;

  /// Routes `req` and runs its handler, the error and exception handlers, leaving the answer in
  /// `res` (status always set). `readBody` streams the request body. Does not write anything.
  void dispatch(Request& req, Response& res, const ContentReader& readBody) const;

  void log(const Request& req, const Response& res) const {
    if (m_logger) m_logger(req, res);
  }

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;                    // set for routes that get the whole body
    HandlerWithContentReader streamed;  // set for routes that stream it
    Lane lane;
  };

  Router& add(const std::string& method, const std::string& pattern, Handler handler,
              HandlerWithContentReader streamed, Lane lane);
  const Route* find(const std::string& method, const std::string& path, std::smatch* matches) const;
  void runRoute(const Route& route, Request& req, Response& res,
                const ContentReader& readBody) const;

  std::vector<Route> m_routes;
  PreRoutingHandler m_preRouting;
  Handler m_error;
  ExceptionHandler m_exception;
  Logger m_logger;
  std::size_t m_payloadMax = 8u << 20;
};

}  // namespace anju::server::web
